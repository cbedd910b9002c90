package io.cxhub.connector.billing;

import io.cxhub.spi.config.ConfigOption;
import io.cxhub.spi.connector.HubEndpoints;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Processor;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteTemplateDefinition;

/**
 * The {@code billing-jdbc} route template. Per poll and per configured stream it pages through
 * the table in {@code (cursorColumn, pk)} order with camel-sql until a page comes back short, and
 * hands each page to {@link HubEndpoints#INGEST} as a {@code List<RawRecord>}.
 *
 * <p>Parameters: every option of {@link BillingOptions#DEF} plus {@code instance}. They are all
 * declared optional to Camel so that {@link BillingOptions#DEF} validates them and reports every
 * problem at once, instead of Camel stopping at the first missing one.
 */
final class BillingRoutes extends RouteBuilder {

  static final String TEMPLATE_ID = BillingJdbcConnector.ID;
  static final String INSTANCE = "instance";

  private static final String DATA_SOURCE = "billingDataSource";
  private static final String READER = "billingReader";

  @Override
  public void configure() {
    RouteTemplateDefinition template = routeTemplate(TEMPLATE_ID)
        .templateParameter(INSTANCE, null, "Id of the connector instance, given by the hub");
    for (ConfigOption o : BillingOptions.DEF.options()) {
      if (o.name().equals(BillingOptions.SCHEDULE)) {
        // the only option the route's URI reads directly, so Camel needs its default
        template.templateParameter(o.name(), BillingOptions.DEFAULT_SCHEDULE, o.description());
      } else {
        template.templateOptionalParameter(o.name(), o.description());
      }
    }
    // template-local beans, one set per instance, referred to as {{name}}; creating them validates the parameters
    template.templateBean(READER, BillingReader.class, rtc -> new BillingReader(instance(rtc), settings(rtc)));
    template.templateBean(DATA_SOURCE, DataSource.class, rtc -> BillingDataSources.create(settings(rtc)));

    template.from("quartz:cxhub-billing/{{instance}}?cron={{schedule}}&stateful=true")
        // a poll that fails is retried a little within the tick, then left to the next ticks (with backoff)
        .onException(Exception.class)
            .maximumRedeliveries(2).redeliveryDelay(1000).useExponentialBackOff().backOffMultiplier(2)
            .maximumRedeliveryDelay(4000).retryAttemptedLogLevel(LoggingLevel.WARN).logRetryStackTrace(false)
            .logExhausted(false).handled(true)
            .process(step(BillingReader::failed))
        .end()
        .process("{{" + READER + "}}") // starts the poll and puts the reader on the exchange for the steps below
        .split(body())
            .process(step(BillingReader::startStream))
            .loopDoWhile(exchangeProperty(BillingReader.MORE))
                .process(step(BillingReader::preparePage))
                .to("sql:select 1?dataSource=#{{" + DATA_SOURCE + "}}&outputType=SelectList")
                .process(step(BillingReader::readPage))
                .split(exchangeProperty(BillingReader.REJECTED))
                    .process(step(BillingReader::toQuarantine))
                    .to(HubEndpoints.QUARANTINE)
                .end()
                .filter(exchange -> !exchange.getMessage().getBody(List.class).isEmpty())
                    .to(HubEndpoints.INGEST)
                .end()
                .process(step(BillingReader::commitPage))
            .end()
        .end()
        .process(step(BillingReader::endPoll));
  }

  /** A poll step run on the instance's reader, which the first step put on the exchange. */
  private static Processor step(BiConsumer<BillingReader, Exchange> step) {
    return exchange -> step.accept(exchange.getProperty(BillingReader.READER, BillingReader.class), exchange);
  }

  private static String instance(RouteTemplateContext rtc) {
    return String.valueOf(rtc.getParameters().get(INSTANCE));
  }

  /** Parses the instance's parameters, failing with every problem named. */
  private static BillingSettings settings(RouteTemplateContext rtc) {
    Map<String, Object> options = new LinkedHashMap<>(rtc.getParameters());
    options.remove(INSTANCE);
    return BillingSettings.of(BillingOptions.DEF.parse("connector " + TEMPLATE_ID + " instance " + instance(rtc), options));
  }
}
