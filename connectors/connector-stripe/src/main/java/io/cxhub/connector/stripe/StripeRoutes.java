package io.cxhub.connector.stripe;

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
 * The {@code stripe} route template (one poller per instance) and the one webhook route all
 * instances share.
 *
 * <p>The poller: per Quartz tick, a loop of steps, each one request to the API through camel-http
 * (or one chunk of events to hand over), see {@link StripeReader}. The webhook route: platform-http
 * at {@code /webhooks/stripe/{instance}}; it cannot be part of the template, which yields one route
 * per instance, so it looks the instance up among the readers the template created.
 *
 * <p>Parameters: every option of {@link StripeOptions#DEF} plus {@code instance}, all declared
 * optional to Camel so that {@link StripeOptions#DEF} validates them and reports every problem at once.
 */
final class StripeRoutes extends RouteBuilder {

  static final String TEMPLATE_ID = StripeConnector.ID;
  static final String INSTANCE = "instance";
  static final String WEBHOOK_PATH = "/webhooks/stripe";

  private static final String READER = "stripeReader";

  private final StripeWebhooks webhooks = new StripeWebhooks();

  @Override
  public void configure() {
    RouteTemplateDefinition template = routeTemplate(TEMPLATE_ID)
        .templateParameter(INSTANCE, null, "Id of the connector instance, given by the hub");
    for (ConfigOption o : StripeOptions.DEF.options()) {
      if (o.name().equals(StripeOptions.SCHEDULE) || o.name().equals(StripeOptions.API_BASE)) {
        // the options the route's URIs read directly, so Camel needs their defaults
        template.templateParameter(o.name(), o.defaultValue().toString(), o.description());
      } else {
        template.templateOptionalParameter(o.name(), o.description());
      }
    }
    // one reader per instance; creating it validates the parameters
    template.templateBean(READER, StripeReader.class, rtc -> {
      StripeReader reader = new StripeReader(instance(rtc), settings(rtc));
      webhooks.register(reader);
      return reader;
    });

    template.from("quartz:cxhub-stripe/{{instance}}?cron={{schedule}}&stateful=true")
        .onException(Exception.class)
            .handled(true)
            .process(step(StripeReader::failed))
        .end()
        .process("{{" + READER + "}}") // starts the poll and puts the reader on the exchange for the steps below
        .loopDoWhile(exchangeProperty(StripeReader.MORE))
            .process(step(StripeReader::prepare))
            .filter(exchangeProperty(StripeReader.CALL))
                .to("{{apiBase}}?throwExceptionOnFailure=false")
            .end()
            .process(step(StripeReader::handle))
            .split(exchangeProperty(StripeReader.REJECTED))
                .process(step(StripeReader::toQuarantine))
                .to(HubEndpoints.QUARANTINE)
            .end()
            .filter(exchange -> !exchange.getMessage().getBody(List.class).isEmpty())
                .to(HubEndpoints.INGEST)
            .end()
            .process(step(StripeReader::accepted))
            .delay(exchangeProperty(StripeReader.DELAY)).syncDelayed()
        .end()
        .process(step(StripeReader::endPoll));

    from("platform-http:" + WEBHOOK_PATH + "/{instance}?httpMethodRestrict=POST")
        .routeId("stripe-webhooks")
        .process(webhooks::receive)
        .filter(exchangeProperty(StripeWebhooks.RECORD).isNotNull())
            .process(StripeWebhooks::toRecord)
            .doTry()
                .to(HubEndpoints.INGEST)
                .process(StripeWebhooks::received)
            .doCatch(Exception.class)
                .process(webhooks::notIngested)
            .end()
        .end();
  }

  /** A poll step run on the instance's reader, which the first step put on the exchange. */
  private static Processor step(BiConsumer<StripeReader, Exchange> step) {
    return exchange -> step.accept(exchange.getProperty(StripeReader.READER, StripeReader.class), exchange);
  }

  private static String instance(RouteTemplateContext rtc) {
    return String.valueOf(rtc.getParameters().get(INSTANCE));
  }

  /** Parses the instance's parameters, failing with every problem named (secrets masked). */
  private static StripeSettings settings(RouteTemplateContext rtc) {
    Map<String, Object> options = new LinkedHashMap<>(rtc.getParameters());
    options.remove(INSTANCE);
    return StripeSettings.of(StripeOptions.DEF.parse("connector " + TEMPLATE_ID + " instance " + instance(rtc), options));
  }
}
