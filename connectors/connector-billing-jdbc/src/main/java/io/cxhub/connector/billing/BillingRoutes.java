package io.cxhub.connector.billing;

import io.cxhub.spi.config.ConfigOption;
import io.cxhub.spi.connector.HubEndpoints;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
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
  private static final String START_POLL = "billingStartPoll";
  private static final String START_STREAM = "billingStartStream";
  private static final String PREPARE_PAGE = "billingPreparePage";
  private static final String READ_PAGE = "billingReadPage";
  private static final String COMMIT_PAGE = "billingCommitPage";
  private static final String QUARANTINE = "billingQuarantine";
  private static final String END_POLL = "billingEndPoll";
  private static final String FAILED = "billingFailed";

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
    template.configure(BillingRoutes::bindInstance);

    template.from("quartz:cxhub-billing/{{instance}}?cron=RAW({{schedule}})&stateful=true")
        // a poll that fails is retried a little within the tick, then left to the next ticks (with backoff)
        .onException(Exception.class)
            .maximumRedeliveries(2).redeliveryDelay(1000).useExponentialBackOff().backOffMultiplier(2)
            .maximumRedeliveryDelay(4000).retryAttemptedLogLevel(LoggingLevel.WARN).logRetryStackTrace(false)
            .logExhausted(false).handled(true)
            .process(FAILED)
        .end()
        .process(START_POLL)
        .split(body())
            .process(START_STREAM)
            .loopDoWhile(exchangeProperty(BillingReader.MORE))
                .process(PREPARE_PAGE)
                .to("sql:select 1?dataSource=#" + DATA_SOURCE + "&outputType=SelectList")
                .process(READ_PAGE)
                .split(exchangeProperty(BillingReader.REJECTED))
                    .process(QUARANTINE)
                    .to(HubEndpoints.QUARANTINE)
                .end()
                .filter(simple("${body.size} > 0"))
                    .to(HubEndpoints.INGEST)
                .end()
                .process(COMMIT_PAGE)
            .end()
        .end()
        .process(END_POLL);
  }

  /** Validates the instance's parameters and binds its DataSource and poll steps as local beans. */
  private static void bindInstance(RouteTemplateContext rtc) {
    Map<String, Object> options = new LinkedHashMap<>(rtc.getParameters());
    Object instance = options.remove(INSTANCE);
    BillingSettings settings = BillingSettings.of(
        BillingOptions.DEF.parse("connector " + TEMPLATE_ID + " instance " + instance, options));
    BillingReader reader = new BillingReader(String.valueOf(instance), settings);
    rtc.bind(DATA_SOURCE, DataSource.class, BillingDataSources.create(settings));
    rtc.bind(START_POLL, Processor.class, (Processor) reader::startPoll);
    rtc.bind(START_STREAM, Processor.class, (Processor) reader::startStream);
    rtc.bind(PREPARE_PAGE, Processor.class, (Processor) reader::preparePage);
    rtc.bind(READ_PAGE, Processor.class, (Processor) reader::readPage);
    rtc.bind(COMMIT_PAGE, Processor.class, (Processor) reader::commitPage);
    rtc.bind(QUARANTINE, Processor.class, (Processor) reader::toQuarantine);
    rtc.bind(END_POLL, Processor.class, (Processor) reader::endPoll);
    rtc.bind(FAILED, Processor.class, (Processor) reader::failed);
  }
}
