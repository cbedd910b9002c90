package io.cxhub.connector.genesys;

import io.cxhub.spi.config.ConfigOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.LoggingLevel;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteTemplateDefinition;

/**
 * The {@code genesys} route template: a Quartz trigger per instance runs the instance's
 * {@link GenesysReader}, which pages through the analytics details query over camel-http and hands
 * each page to the hub.
 *
 * <p>Parameters: every option of {@link GenesysConfig#DEF} plus {@code instance}. They are declared
 * optional to Camel so that {@link GenesysConfig#DEF} validates them and reports every problem at
 * once.
 */
final class GenesysRoutes extends RouteBuilder {

  static final String TEMPLATE_ID = GenesysConnector.ID;
  static final String INSTANCE = "instance";
  private static final String READER = "genesysReader";

  @Override
  public void configure() {
    RouteTemplateDefinition template = routeTemplate(TEMPLATE_ID)
        .templateParameter(INSTANCE, null, "Id of the connector instance, given by the hub");
    for (ConfigOption o : GenesysConfig.DEF.options()) {
      if (o.name().equals(GenesysConfig.SCHEDULE)) {
        template.templateParameter(o.name(), GenesysConfig.DEFAULT_SCHEDULE, o.description());
      } else {
        template.templateOptionalParameter(o.name(), o.description());
      }
    }
    template.templateBean(READER, GenesysReader.class, rtc -> new GenesysReader(instance(rtc), settings(rtc)));

    template.from("quartz:cxhub-genesys/{{instance}}?cron={{schedule}}&stateful=true")
        // the reader handles the API's failures itself; anything else is logged and left to the next tick
        .onException(Exception.class)
            .handled(true).logExhausted(false)
            .log(LoggingLevel.WARN, "genesys instance {{instance}}: poll failed: ${exception.message}")
        .end()
        .process("{{" + READER + "}}");
  }

  private static String instance(RouteTemplateContext rtc) {
    return String.valueOf(rtc.getParameters().get(INSTANCE));
  }

  static GenesysSettings settings(RouteTemplateContext rtc) {
    Map<String, Object> options = new LinkedHashMap<>(rtc.getParameters());
    options.remove(INSTANCE);
    return GenesysSettings.of(GenesysConfig.DEF.parse("connector " + TEMPLATE_ID + " instance " + instance(rtc), options));
  }
}
