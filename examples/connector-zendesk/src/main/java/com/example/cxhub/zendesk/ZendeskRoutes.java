package com.example.cxhub.zendesk;

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
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.model.RouteTemplateDefinition;

/**
 * The {@code zendesk} route template. Each Quartz tick reads export pages with camel-http until
 * Zendesk says {@code end_of_stream}, hands each page's tickets to {@link HubEndpoints#INGEST} as a
 * {@code List<RawRecord>} and anything it cannot parse to {@link HubEndpoints#QUARANTINE}.
 *
 * <p>Parameters: every option of {@link ZendeskOptions#DEF} plus {@code instance}, the id the hub
 * gives the instance. All are declared optional to Camel, so that {@link ZendeskOptions#DEF}
 * validates them and reports every problem at once instead of Camel stopping at the first.
 */
final class ZendeskRoutes extends RouteBuilder {

  static final String TEMPLATE_ID = ZendeskConnector.ID;
  static final String INSTANCE = "instance";

  private static final String EXPORT = "zendeskTicketExport";

  /**
   * This connector's own instance of the hub's camel-http component: the shared one lets Apache
   * HttpClient retry a 429 by itself, sleeping through Retry-After on a Quartz thread; here a 429
   * comes back to {@link TicketExport}, which backs off without holding a thread.
   */
  static final String COMPONENT = "zendesk-http";

  /** Requests go to the URL a step puts in the CamelHttpUri header; this endpoint only holds the options. */
  private static final String HTTP = COMPONENT + "://zendesk-api?throwExceptionOnFailure=false";

  @Override
  public void configure() {
    if (getContext().hasComponent(COMPONENT) == null) {
      HttpComponent http = new HttpComponent();
      http.setAutomaticRetriesDisabled(true);
      http.setConnectTimeout(10_000);
      http.setResponseTimeout(60_000);
      getContext().addComponent(COMPONENT, http);
    }
    RouteTemplateDefinition template = routeTemplate(TEMPLATE_ID)
        .templateParameter(INSTANCE, null, "Id of the connector instance, given by the hub");
    for (ConfigOption o : ZendeskOptions.DEF.options()) {
      if (o.name().equals(ZendeskOptions.SCHEDULE)) {
        // the only option the route's URIs read directly, so Camel needs its default
        template.templateParameter(o.name(), ZendeskOptions.DEFAULT_SCHEDULE, o.description());
      } else {
        template.templateOptionalParameter(o.name(), o.description());
      }
    }
    // one export state per instance; creating it validates the instance's parameters
    template.templateBean(EXPORT, TicketExport.class, rtc -> new TicketExport(instance(rtc), settings(rtc)));

    template.from("quartz:cxhub-zendesk/{{instance}}?cron={{schedule}}&stateful=true")
        // an I/O failure (host unreachable, connection reset) ends the poll; the next ticks retry with backoff
        .onException(Exception.class)
            .handled(true).logExhausted(false)
            .process(step(TicketExport::failed))
        .end()
        .process("{{" + EXPORT + "}}") // starts the poll and puts the export state on the exchange
        .loopDoWhile(exchangeProperty(TicketExport.MORE))
            .process(step(TicketExport::prepareRequest))
            .to(HTTP)
            .process(step(TicketExport::readResponse))
            .split(exchangeProperty(TicketExport.REJECTED))
                .process(step(TicketExport::toQuarantine))
                .to(HubEndpoints.QUARANTINE)
            .end()
            .filter(exchange -> !exchange.getMessage().getBody(List.class).isEmpty())
                .to(HubEndpoints.INGEST)
            .end()
            .process(step(TicketExport::pageStored))
        .end()
        .process(step(TicketExport::endPoll));
  }

  /** A poll step run on the instance's export state, which the first step put on the exchange. */
  private static Processor step(BiConsumer<TicketExport, Exchange> step) {
    return exchange -> step.accept(exchange.getProperty(TicketExport.EXPORT, TicketExport.class), exchange);
  }

  private static String instance(RouteTemplateContext rtc) {
    return String.valueOf(rtc.getParameters().get(INSTANCE));
  }

  /** Parses the instance's parameters, failing with every problem named. */
  private static ZendeskSettings settings(RouteTemplateContext rtc) {
    Map<String, Object> options = new LinkedHashMap<>(rtc.getParameters());
    options.remove(INSTANCE);
    String subject = "connector " + TEMPLATE_ID + " instance " + instance(rtc);
    return ZendeskSettings.of(subject, ZendeskOptions.DEF.parse(subject, options));
  }
}
