package com.example.cxhub.zendesk;

import io.cxhub.spi.connector.PollBackoff;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxhub.spi.connector.CursorStore;
import io.cxhub.spi.connector.HubEndpoints;
import io.cxhub.spi.record.RawRecord;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one {@code zendesk} instance (a template-local bean) and the steps of its poll:
 * the next export request, turning a page into records, and moving the position once the hub has
 * the page.
 *
 * <p>Position: the first poll starts from the cursor the hub committed for the instance, or from
 * {@code start_time} when there is none; later polls continue from memory. Every record of a page
 * carries the page's {@code after_cursor}, so a committed cursor means "this page and everything
 * before it is stored". The position moves only after the page was handed to the hub, so a failed
 * hand-off re-reads the page. Quartz runs an instance's polls one at a time ({@code stateful}),
 * which is what makes the plain fields here safe.
 */
final class TicketExport implements Processor {

  static final String EXPORT = "cxhubZendeskExport";
  static final String MORE = "cxhubZendeskMore";
  static final String PAGE_END = "cxhubZendeskPageEnd";
  static final String REJECTED = "cxhubZendeskRejected";

  static final String PATH = "/api/v2/incremental/tickets/cursor.json";
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);

  private static final Logger log = LoggerFactory.getLogger(TicketExport.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Something that goes to quarantine instead of the hub: the raw text and why. */
  record Rejected(String body, String reason) {}

  private final String instance;
  private final ZendeskSettings settings;
  private final PollBackoff backoff = new PollBackoff(Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(5));
  /** The after_cursor to continue from; null until the first poll read the committed one (or none). */
  private String cursor;
  private boolean started;
  private boolean polling;
  private boolean pollFailed;

  TicketExport(String instance, ZendeskSettings settings) {
    this.instance = instance;
    this.settings = settings;
  }

  /** Start of a poll: property {@link #EXPORT} := this; {@link #MORE} := whether to call Zendesk now. */
  @Override
  public void process(Exchange exchange) {
    polling = backoff.ready();
    pollFailed = false;
    exchange.setProperty(EXPORT, this);
    exchange.setProperty(MORE, polling);
    if (polling && !started) {
      cursor = committed(exchange);
      started = true;
    }
  }

  /** Headers of the next export request; every other header is dropped so none leaks to Zendesk. */
  void prepareRequest(Exchange exchange) {
    Message m = exchange.getMessage();
    m.removeHeaders("*");
    m.setBody(null);
    StringBuilder query = new StringBuilder();
    if (cursor != null) {
      query.append("cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
    } else {
      query.append("start_time=").append(settings.startTime());
    }
    query.append("&per_page=").append(settings.perPage());
    if (settings.includeUsers()) {
      query.append("&include=users");
    }
    m.setHeader(Exchange.HTTP_METHOD, "GET");
    m.setHeader(Exchange.HTTP_URI, settings.baseUrl() + PATH);
    m.setHeader(Exchange.HTTP_QUERY, query.toString());
    m.setHeader("Accept", "application/json");
    m.setHeader("Authorization", settings.authorization());
  }

  /**
   * Body: Zendesk's answer. Body := the page's records; {@link #REJECTED} := what goes to
   * quarantine; {@link #MORE} := whether another page follows; {@link #PAGE_END} := the page's
   * after_cursor. A 429 or an error ends the poll and backs off.
   */
  void readResponse(Exchange exchange) {
    Message m = exchange.getMessage();
    int status = m.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
    String retryAfter = m.getHeader("Retry-After", String.class);
    String body = m.getBody(String.class);
    m.removeHeaders("*"); // the request's Authorization header must not travel on with the records
    List<RawRecord> records = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    exchange.setProperty(MORE, false);
    exchange.setProperty(PAGE_END, null);
    exchange.setProperty(REJECTED, rejected);
    m.setBody(records);
    if (status == 200) {
      readPage(exchange, body, records, rejected);
    } else if (status == 429) {
      pollFailed = true;
      Duration wait = backoff.rateLimited(retryAfter(retryAfter));
      log.warn("zendesk instance {}: rate limited by {} (429), next request in {}s", instance, settings.baseUrl(),
          wait.toSeconds());
    } else {
      pollFailed = true;
      Duration wait = backoff.failed();
      log.warn("zendesk instance {}: {} answered HTTP {} ({}) with {} ({} failed polls in a row), next attempt in {}s",
          instance, settings.baseUrl() + PATH, status, ZendeskErrors.message(body), settings.authDescription(),
          backoff.failures(), wait.toSeconds());
    }
  }

  private void readPage(Exchange exchange, String body, List<RawRecord> records, List<Rejected> rejected) {
    JsonNode page;
    try {
      page = JSON.readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      page = null;
    }
    if (page == null || !page.isObject() || !page.path("tickets").isArray()) {
      // e.g. a body cut off in transit: keep it for people to see, and ask for the same page at the next tick
      String reason = "the export page from " + settings.baseUrl() + PATH + " is not a JSON object with a tickets "
          + "array (" + (body == null ? 0 : body.length()) + " characters; truncated or not JSON)";
      rejected.add(new Rejected(body == null ? "" : body, reason));
      log.warn("zendesk instance {}: {}; quarantined, the page is asked for again at the next poll", instance, reason);
      pollFailed = true;
      return;
    }
    Map<Long, JsonNode> users = new HashMap<>();
    for (JsonNode u : page.path("users")) {
      if (u.path("id").canConvertToLong()) {
        users.put(u.path("id").asLong(), u);
      }
    }
    String after = page.path("after_cursor").isTextual() ? page.path("after_cursor").asText() : null;
    String recordCursor = after != null ? after : cursor;
    for (JsonNode ticket : page.path("tickets")) {
      if (!ticket.isObject() || !ticket.path("id").isIntegralNumber()) {
        rejected.add(new Rejected(ticket.toString(), "a ticket without an integer id"));
        continue;
      }
      ObjectNode payload = (ObjectNode) ticket; // parsed just now and emitted once: adding to it is safe
      JsonNode requester = users.get(ticket.path("requester_id").asLong(-1));
      if (requester != null) {
        ObjectNode r = payload.putObject("requester");
        r.set("id", requester.path("id"));
        r.set("name", requester.path("name"));
        r.set("email", requester.path("email"));
      }
      records.add(new RawRecord(settings.system(), ZendeskStreams.TICKETS, ticket.get("id").asText(),
          changedAt(ticket), payload, recordCursor, instance));
    }
    boolean endOfStream = page.path("end_of_stream").asBoolean(true);
    exchange.setProperty(PAGE_END, after);
    exchange.setProperty(MORE, !endOfStream && after != null);
  }

  /** Body: a {@link Rejected}. Sets the quarantine headers and the raw text as body. */
  void toQuarantine(Exchange exchange) {
    Rejected r = exchange.getMessage().getBody(Rejected.class);
    Message m = exchange.getMessage();
    m.setHeader(HubEndpoints.SYSTEM, settings.system());
    m.setHeader(HubEndpoints.STREAM, ZendeskStreams.TICKETS);
    m.setHeader(HubEndpoints.REASON, r.reason());
    m.setHeader(HubEndpoints.CONNECTOR_INSTANCE, instance);
    m.setBody(r.body());
  }

  /** The hub has the page: continue after it. */
  void pageStored(Exchange exchange) {
    String end = exchange.getProperty(PAGE_END, String.class);
    if (end != null) {
      cursor = end;
    }
  }

  /** End of a poll: one that read to the end of the stream ends the backoff. */
  void endPoll(Exchange exchange) {
    if (polling && !pollFailed) {
      backoff.succeeded();
    }
  }

  /** The poll failed with an exception (unreachable host, reset connection): stop it and back off. */
  void failed(Exchange exchange) {
    pollFailed = true;
    exchange.setProperty(MORE, false);
    Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    Duration wait = backoff.failed();
    log.warn("zendesk instance {}: reading {} failed ({} failed polls in a row), next attempt in {}s: {}", instance,
        settings.baseUrl() + PATH, backoff.failures(), wait.toSeconds(), rootMessage(cause));
  }

  private String committed(Exchange exchange) {
    CursorStore store = exchange.getContext().getRegistry()
        .lookupByNameAndType(HubEndpoints.CURSOR_STORE_BEAN, CursorStore.class);
    if (store == null) {
      log.warn("zendesk instance {}: no CursorStore bean named {}; exporting from start_time {}", instance,
          HubEndpoints.CURSOR_STORE_BEAN, settings.startTime());
      return null;
    }
    String c = store.committed(instance, ZendeskStreams.TICKETS).orElse(null);
    log.info("zendesk instance {}: exporting tickets from {} {}", instance, settings.baseUrl(),
        c == null ? "from start_time " + settings.startTime() : "after the committed cursor");
    return c;
  }

  private static Instant changedAt(JsonNode ticket) {
    try {
      return Instant.parse(ticket.path("updated_at").asText());
    } catch (DateTimeParseException e) {
      return Instant.now();
    }
  }

  /** Zendesk sends Retry-After in whole seconds. */
  static Duration retryAfter(String header) {
    if (header == null) {
      return DEFAULT_RETRY_AFTER;
    }
    try {
      return Duration.ofMillis((long) (Double.parseDouble(header.trim()) * 1000));
    } catch (NumberFormatException e) {
      return DEFAULT_RETRY_AFTER;
    }
  }

  static String rootMessage(Throwable t) {
    if (t == null) {
      return "unknown error";
    }
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
