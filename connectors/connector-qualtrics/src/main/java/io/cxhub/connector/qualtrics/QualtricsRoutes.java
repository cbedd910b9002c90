package io.cxhub.connector.qualtrics;

import io.cxhub.spi.config.ConfigOption;
import io.cxhub.spi.connector.HubEndpoints;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteTemplateDefinition;

/**
 * The {@code qualtrics} route template (the export poll, one route per instance) and the webhook
 * endpoint {@code POST /webhooks/qualtrics/{instance}} (platform-http, one route shared by the
 * instances, since a template makes one route). Creating an instance binds its
 * {@link QualtricsInstance} in the registry under {@code cxhub-qualtrics/<instance>}, where the
 * webhook route finds it; events for an instance that does not exist get 404.
 */
final class QualtricsRoutes extends RouteBuilder {

  static final String TEMPLATE_ID = QualtricsConnector.ID;
  static final String INSTANCE_PARAM = "instance";
  static final String WEBHOOK_PATH = "/webhooks/qualtrics";

  private static final String BEAN = "qualtricsInstance";

  @Override
  public void configure() {
    RouteTemplateDefinition template = routeTemplate(TEMPLATE_ID)
        .templateParameter(INSTANCE_PARAM, null, "Id of the connector instance, given by the hub");
    for (ConfigOption o : QualtricsOptions.DEF.options()) {
      if (o.name().equals(QualtricsOptions.SCHEDULE)) {
        template.templateParameter(o.name(), QualtricsOptions.DEFAULT_SCHEDULE, o.description());
      } else {
        template.templateOptionalParameter(o.name(), o.description());
      }
    }
    template.templateBean(BEAN, QualtricsInstance.class, QualtricsRoutes::create);

    template.from("quartz:cxhub-qualtrics/{{instance}}?cron={{schedule}}&stateful=true")
        // API calls retry inside (429/5xx); what still fails ends this survey's export and backs the poll off
        .onException(Exception.class).handled(true).process(step(QualtricsInstance::failed)).end()
        .process("{{" + BEAN + "}}")
        .split(body())
            .process(step(QualtricsInstance::exportSurvey))
            .split(exchangeProperty(QualtricsInstance.REJECTED))
                .process(step(QualtricsInstance::toQuarantine))
                .to(HubEndpoints.QUARANTINE)
            .end()
            .filter(exchange -> !exchange.getMessage().getBody(List.class).isEmpty())
                .to(HubEndpoints.INGEST)
            .end()
            .process(step(QualtricsInstance::commitSurvey))
        .end()
        .process(step(QualtricsInstance::endPoll));

    from("platform-http:" + WEBHOOK_PATH + "/{instance}?httpMethodRestrict=POST").routeId("qualtrics-webhooks")
        .process(exchange -> {
          String instance = exchange.getMessage().getHeader(INSTANCE_PARAM, String.class);
          QualtricsInstance target = instance == null ? null : exchange.getContext().getRegistry()
              .lookupByNameAndType(registryName(instance), QualtricsInstance.class);
          if (target == null) {
            exchange.setProperty(QualtricsInstance.REPLY_STATUS, 404);
            exchange.setProperty(QualtricsInstance.REPLY, "{\"status\":404,\"message\":\"no qualtrics instance here\"}");
          } else {
            target.onEvent(exchange);
          }
        })
        .choice()
            .when(exchangeProperty(QualtricsInstance.RECORD).isNotNull())
                .setBody(exchangeProperty(QualtricsInstance.RECORD))
                .to(HubEndpoints.INGEST)
            .when(exchangeProperty(QualtricsInstance.REJECTED).isNotNull())
                .to(HubEndpoints.QUARANTINE)
        .end()
        .process(exchange -> {
          var m = exchange.getMessage();
          m.removeHeaders("*");
          m.setHeader(Exchange.HTTP_RESPONSE_CODE, exchange.getProperty(QualtricsInstance.REPLY_STATUS, 500, Integer.class));
          m.setHeader(Exchange.CONTENT_TYPE, "application/json");
          m.setBody(exchange.getProperty(QualtricsInstance.REPLY, "{}", String.class));
        });
  }

  static String registryName(String instance) {
    return "cxhub-qualtrics/" + instance;
  }

  private static QualtricsInstance create(RouteTemplateContext rtc) {
    String instance = String.valueOf(rtc.getParameters().get(INSTANCE_PARAM));
    Map<String, Object> options = new LinkedHashMap<>(rtc.getParameters());
    options.remove(INSTANCE_PARAM);
    QualtricsSettings settings;
    try {
      settings = QualtricsSettings.of(QualtricsOptions.DEF.parse("connector " + TEMPLATE_ID + " instance " + instance, options));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("connector " + TEMPLATE_ID + " instance " + instance + ": " + e.getMessage(), e);
    }
    QualtricsInstance bean = new QualtricsInstance(instance, settings);
    rtc.getCamelContext().getRegistry().bind(registryName(instance), QualtricsInstance.class, bean);
    return bean;
  }

  private static Processor step(BiConsumer<QualtricsInstance, Exchange> step) {
    return exchange -> step.accept(exchange.getProperty(QualtricsInstance.INSTANCE, QualtricsInstance.class), exchange);
  }
}
