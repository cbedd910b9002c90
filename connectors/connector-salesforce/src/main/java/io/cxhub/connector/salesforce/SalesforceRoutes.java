package io.cxhub.connector.salesforce;

import io.cxhub.spi.config.ConfigOption;
import io.cxhub.spi.connector.HubEndpoints;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Processor;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteTemplateDefinition;

/**
 * The route templates of the connector:
 * <ul>
 *   <li>{@code salesforce} — per poll and per configured stream: describe the sObject, run the SOQL
 *       query with camel-salesforce, follow {@code nextRecordsUrl} with {@code queryMore}, hand each
 *       page to {@link HubEndpoints#INGEST} as a {@code List<RawRecord>};</li>
 *   <li>{@code salesforce-writeback} — see {@link SalesforceWriter}: CRM write-back (create a Task,
 *       update Contact fields) from {@code direct:salesforce-writeback-<instance>}.</li>
 * </ul>
 * Parameters: the options of {@link SalesforceOptions#DEF} plus {@code instance}, all declared
 * optional to Camel so that the ConfigDef validates them and reports every problem at once.
 */
final class SalesforceRoutes extends RouteBuilder {

  static final String TEMPLATE_ID = SalesforceConnector.ID;
  static final String WRITEBACK_TEMPLATE_ID = "salesforce-writeback";
  static final String WRITEBACK_ENDPOINT_PREFIX = "direct:salesforce-writeback-";
  static final String INSTANCE = "instance";

  private static final String READER = "salesforceReader";
  private static final String WRITER = "salesforceWriter";

  @Override
  public void configure() {
    RouteTemplateDefinition template = parameters(routeTemplate(TEMPLATE_ID));
    template.templateBean(READER, SalesforceReader.class, rtc -> {
      SalesforceSettings s = settings(rtc);
      return new SalesforceReader(instance(rtc), s, SalesforceConnection.register(rtc.getCamelContext(), instance(rtc),
          "read", s));
    });

    template.from("quartz:cxhub-salesforce/{{instance}}?cron={{schedule}}&stateful=true")
        // a request that fails transiently (429, 5xx, network) is retried a little within the poll; then,
        // or at once for a refusal (bad login, bad query, daily limit), the poll ends and the next ticks
        // try again, spaced out by the reader's backoff
        .onException(Exception.class)
            .retryWhile(SalesforceReader::worthRetrying)
            .redeliveryDelay(500).useExponentialBackOff().backOffMultiplier(2)
            .maximumRedeliveryDelay(4000).retryAttemptedLogLevel(LoggingLevel.WARN).logRetryStackTrace(false)
            .logExhausted(false).handled(true)
            .process(step(SalesforceReader::failed))
        .end()
        .process("{{" + READER + "}}")
        .split(body())
            .process(step(SalesforceReader::startStream))
            .loopDoWhile(exchangeProperty(SalesforceReader.MORE))
                .process(step(SalesforceReader::prepareRequest))
                .toD("${exchangeProperty." + SalesforceReader.URI + "}")
                .process(step(SalesforceReader::readAnswer))
                .split(exchangeProperty(SalesforceReader.REJECTED))
                    .process(step(SalesforceReader::toQuarantine))
                    .to(HubEndpoints.QUARANTINE)
                .end()
                .filter(exchange -> !exchange.getMessage().getBody(List.class).isEmpty())
                    .to(HubEndpoints.INGEST)
                .end()
                .process(step(SalesforceReader::commitPage))
            .end()
        .end()
        .process(step(SalesforceReader::endPoll));

    RouteTemplateDefinition writeback = parameters(routeTemplate(WRITEBACK_TEMPLATE_ID));
    writeback.templateBean(WRITER, SalesforceWriter.class, rtc -> new SalesforceWriter(
        SalesforceConnection.register(rtc.getCamelContext(), instance(rtc), "write", settings(rtc))));
    writeback.from(WRITEBACK_ENDPOINT_PREFIX + "{{instance}}")
        .process("{{" + WRITER + "}}")
        .toD("${exchangeProperty." + SalesforceWriter.URI + "}")
        .process(exchange -> exchange.getProperty(SalesforceWriter.WRITER, SalesforceWriter.class).reply(exchange));
  }

  private static RouteTemplateDefinition parameters(RouteTemplateDefinition template) {
    template.templateParameter(INSTANCE, null, "Id of the connector instance, given by the hub");
    for (ConfigOption o : SalesforceOptions.DEF.options()) {
      if (o.name().equals(SalesforceOptions.SCHEDULE)) {
        // the only option a URI reads directly, so Camel needs its default
        template.templateParameter(o.name(), SalesforceOptions.DEFAULT_SCHEDULE, o.description());
      } else {
        template.templateOptionalParameter(o.name(), o.description());
      }
    }
    return template;
  }

  @FunctionalInterface
  private interface Step {
    void run(SalesforceReader reader, Exchange exchange) throws Exception;
  }

  /** A poll step run on the instance's reader, which the first step put on the exchange. */
  private static Processor step(Step step) {
    return exchange -> step.run(exchange.getProperty(SalesforceReader.READER, SalesforceReader.class), exchange);
  }

  private static String instance(RouteTemplateContext rtc) {
    return String.valueOf(rtc.getParameters().get(INSTANCE));
  }

  /** Parses the instance's parameters, failing with every problem named. */
  private static SalesforceSettings settings(RouteTemplateContext rtc) {
    Map<String, Object> options = new LinkedHashMap<>(rtc.getParameters());
    options.remove(INSTANCE);
    String where = "connector " + TEMPLATE_ID + " instance " + instance(rtc);
    SalesforceSettings s = SalesforceSettings.of(SalesforceOptions.DEF.parse(where, options));
    if (!s.problems().isEmpty()) {
      throw new IllegalArgumentException(where + ": " + String.join("; ", s.problems()));
    }
    return s;
  }
}
