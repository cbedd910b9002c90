package io.cxhub.connector.salesforce;

import io.cxhub.spi.connector.PollBackoff;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxhub.spi.connector.CursorStore;
import io.cxhub.spi.connector.HubEndpoints;
import io.cxhub.spi.record.RawRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one instance (a template-local bean) and the steps of its poll. Per stream: describe
 * the sObject (so the query selects every field the org has, and a renamed or added field shows
 * up as drift instead of failing the query), query from the stream's position on
 * ({@code WHERE SystemModstamp >= t ORDER BY SystemModstamp, Id}), follow {@code nextRecordsUrl}
 * page by page, and hand each page to the hub. The position advances only after a page was handed
 * over; an answer whose JSON cannot be parsed goes to quarantine with the raw body and is asked for
 * again (at most {@link #PAGE_ATTEMPTS} times, then the poll ends and the next one resumes).
 *
 * <p>Quartz runs an instance's polls one at a time ({@code stateful}), which makes the plain fields
 * here safe.
 */
final class SalesforceReader implements Processor {

  static final String READER = "cxhubSalesforceReader";
  static final String STREAM = "cxhubSalesforceStream";
  static final String MORE = "cxhubSalesforceMore";
  static final String URI = "cxhubSalesforceUri";
  static final String REQUEST = "cxhubSalesforceRequest";
  static final String PAGE_END = "cxhubSalesforcePageEnd";
  static final String REJECTED = "cxhubSalesforceRejected";
  static final String ATTEMPTS = "cxhubSalesforceAttempts";
  static final String DESCRIBING = "cxhubSalesforceDescribing";
  static final int PAGE_ATTEMPTS = 3;
  static final int REQUEST_ATTEMPTS = 4;

  /** Field types that cannot be selected as such (compound or binary). */
  private static final Set<String> UNSELECTABLE = Set.of("address", "location", "base64");

  private static final Logger log = LoggerFactory.getLogger(SalesforceReader.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A page the connector could not parse. */
  record RejectedPage(String stream, String reason, String body) {}

  private final String instance;
  private final SalesforceSettings settings;
  private final SalesforceConnection connection;
  private final Map<String, Cursor> positions = new ConcurrentHashMap<>();
  private final PollBackoff backoff = PollBackoff.standard(Clock.systemUTC());
  private boolean polling;
  private boolean pollFailed;

  SalesforceReader(String instance, SalesforceSettings settings, SalesforceConnection connection) {
    this.instance = instance;
    this.settings = settings;
    this.connection = connection;
  }

  /** Start of a poll. Body := the streams to read, none while backing off; {@link #READER} := this. */
  @Override
  public void process(Exchange exchange) {
    polling = backoff.ready();
    pollFailed = false;
    exchange.setProperty(READER, this);
    exchange.getMessage().setBody(polling ? settings.streams() : List.of());
  }

  /** Start of one stream (the split's body is its name): its first request is the describe. */
  void startStream(Exchange exchange) {
    String stream = exchange.getMessage().getBody(String.class);
    exchange.setProperty(STREAM, stream);
    exchange.setProperty(MORE, !pollFailed);
    exchange.setProperty(ATTEMPTS, 0);
    exchange.setProperty(DESCRIBING, true);
    exchange.setProperty(URI, connection.uri("getDescription"));
    exchange.setProperty(REQUEST, null);
  }

  /** Before each request: the sObject to describe, or the SOQL or nextRecordsUrl to query. */
  void prepareRequest(Exchange exchange) {
    var m = exchange.getMessage();
    if (exchange.getProperty(DESCRIBING, false, Boolean.class)) {
      m.setHeader(SalesforceEndpointConfig.SOBJECT_NAME, sObject(exchange.getProperty(STREAM, String.class)));
      m.setBody(null);
    } else {
      String request = exchange.getProperty(REQUEST, String.class);
      m.setHeader(SalesforceEndpointConfig.SOBJECT_QUERY, request);
      m.setBody(request);
    }
  }

  /**
   * Body: the raw answer (describe or query page). Body := the records not read before;
   * {@link #MORE} := whether to request (again or further); {@link #PAGE_END} := the page's last
   * position; {@link #REJECTED} := the answer itself when it is not the expected JSON.
   */
  void readAnswer(Exchange exchange) {
    String stream = exchange.getProperty(STREAM, String.class);
    boolean describing = exchange.getProperty(DESCRIBING, false, Boolean.class);
    var m = exchange.getMessage();
    m.removeHeader(SalesforceEndpointConfig.SOBJECT_NAME);
    m.removeHeader(SalesforceEndpointConfig.SOBJECT_QUERY);
    String raw = m.getBody(String.class);
    exchange.setProperty(PAGE_END, null);
    exchange.setProperty(REJECTED, List.of());
    m.setBody(List.of());
    JsonNode answer;
    try {
      answer = JSON.readTree(raw == null ? "" : raw);
      String expected = describing ? "fields" : "records";
      if (answer == null || !answer.isObject() || !answer.path(expected).isArray()) {
        throw new IllegalArgumentException("the answer has no " + expected + " array");
      }
    } catch (JsonProcessingException | IllegalArgumentException e) {
      int attempts = exchange.getProperty(ATTEMPTS, 0, Integer.class) + 1;
      exchange.setProperty(ATTEMPTS, attempts);
      String reason = "unparseable " + (describe(describing)) + " of " + sObject(stream) + ": " + firstLine(e.getMessage());
      exchange.setProperty(REJECTED, List.of(new RejectedPage(stream, reason, raw == null ? "" : raw)));
      exchange.setProperty(MORE, attempts < PAGE_ATTEMPTS); // ask again, a few times
      if (attempts >= PAGE_ATTEMPTS) {
        pollFailed = true;
      }
      return;
    }
    exchange.setProperty(ATTEMPTS, 0);
    if (describing) {
      exchange.setProperty(REQUEST, query(exchange, stream, answer));
      exchange.setProperty(URI, connection.uri("query"));
      exchange.setProperty(DESCRIBING, false);
      exchange.setProperty(MORE, true);
    } else {
      readPage(exchange, stream, answer);
    }
  }

  private static String describe(boolean describing) {
    return describing ? "describe answer" : "query page";
  }

  private String query(Exchange exchange, String stream, JsonNode describe) {
    List<String> fields = new ArrayList<>();
    for (JsonNode f : describe.path("fields")) {
      if (!UNSELECTABLE.contains(f.path("type").asText())) {
        fields.add(f.path("name").asText());
      }
    }
    if (!fields.contains("Id") || !fields.contains("SystemModstamp")) {
      throw new IllegalStateException("describe of " + sObject(stream) + " lists no Id or SystemModstamp field");
    }
    Cursor from = positions.computeIfAbsent(stream, s -> committed(exchange, s));
    return "SELECT " + String.join(", ", fields) + " FROM " + sObject(stream) + from.soqlCondition()
        + " ORDER BY SystemModstamp, Id";
  }

  private void readPage(Exchange exchange, String stream, JsonNode page) {
    Cursor position = positions.getOrDefault(stream, Cursor.START);
    Cursor last = null;
    List<RawRecord> records = new ArrayList<>();
    List<RejectedPage> rejected = new ArrayList<>();
    for (JsonNode r : page.path("records")) {
      String id = r.path("Id").asText(null);
      Instant stamp = r.path("SystemModstamp").isTextual() ? Cursor.apiTimestamp(r.path("SystemModstamp").asText()) : null;
      if (id == null || stamp == null || !r.isObject()) {
        rejected.add(new RejectedPage(stream, "record of " + sObject(stream) + " without an Id or a SystemModstamp "
            + "date-time", r.toString()));
        continue;
      }
      Cursor at = new Cursor(stamp, id);
      if (last == null || at.isAfter(last)) {
        last = at;
      }
      if (position.covers(stamp, id)) {
        continue; // at the boundary stamp and read by an earlier page or poll
      }
      ObjectNode payload = ((ObjectNode) r).deepCopy();
      payload.remove("attributes");
      records.add(new RawRecord(settings.system(), stream, id, stamp, payload, at.toString(), instance));
    }
    String next = page.path("nextRecordsUrl").asText(null);
    boolean more = !page.path("done").asBoolean(true) && next != null;
    exchange.setProperty(MORE, more);
    if (more) {
      exchange.setProperty(REQUEST, next);
      exchange.setProperty(URI, connection.uri("queryMore"));
    }
    exchange.setProperty(PAGE_END, last);
    exchange.setProperty(REJECTED, rejected);
    exchange.getMessage().setBody(records);
  }

  /** The hub has the page: move past it. */
  void commitPage(Exchange exchange) {
    Cursor end = exchange.getProperty(PAGE_END, Cursor.class);
    String stream = exchange.getProperty(STREAM, String.class);
    if (end != null && end.isAfter(positions.getOrDefault(stream, Cursor.START))) {
      positions.put(stream, end);
    }
  }

  /** Body: a {@link RejectedPage}. Sets the quarantine headers and the raw text as body. */
  void toQuarantine(Exchange exchange) {
    RejectedPage page = exchange.getMessage().getBody(RejectedPage.class);
    exchange.getMessage().setHeader(HubEndpoints.SYSTEM, settings.system());
    exchange.getMessage().setHeader(HubEndpoints.STREAM, page.stream());
    exchange.getMessage().setHeader(HubEndpoints.REASON, page.reason());
    exchange.getMessage().setHeader(HubEndpoints.CONNECTOR_INSTANCE, instance);
    exchange.getMessage().setBody(page.body());
    log.warn("salesforce instance {}: quarantined {} ({} bytes): {}", instance, page.stream(), page.body().length(),
        page.reason());
  }

  /**
   * End of a poll: one that read without failing ends the backoff (a skipped one does not); one
   * that failed spaces out the next polls.
   */
  void endPoll(Exchange exchange) {
    if (polling && !pollFailed) {
      backoff.succeeded();
    } else if (polling) {
      Duration wait = backoff.failed();
      log.warn("salesforce instance {}: poll ended early ({} failed polls in a row), next attempt in {}s", instance,
          backoff.failures(), wait.toSeconds());
    }
  }

  /** The stream's request failed after Camel's redeliveries: the rest of this poll is skipped. */
  void failed(Exchange exchange) {
    pollFailed = true;
    exchange.setProperty(MORE, false);
    Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    log.warn("salesforce instance {}: reading {} from {} failed: {}", instance,
        exchange.getProperty(STREAM, "?", String.class), settings.loginUrl(), describe(cause));
  }

  /**
   * Whether to ask again within the poll: up to {@link #REQUEST_ATTEMPTS} attempts for a rate limit
   * (429), a server error (5xx) or a network failure; never for what Salesforce refused (a failed
   * login, a malformed query, the daily request limit), which only a later poll may get past.
   */
  static boolean worthRetrying(Exchange exchange) {
    int redeliveries = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
    if (redeliveries >= REQUEST_ATTEMPTS - 1) {
      return false;
    }
    Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    if (t == null) {
      t = exchange.getException();
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SalesforceException se && se.getStatusCode() > 0) {
        return se.getStatusCode() == 429 || se.getStatusCode() >= 500;
      }
    }
    return true;
  }

  /** A failure in one line, without the request (whose URL or body could carry data) or secrets. */
  static String describe(Throwable t) {
    if (t == null) {
      return "unknown error";
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SalesforceException se) {
        String errors = se.getErrors() == null || se.getErrors().isEmpty() ? ""
            : " " + se.getErrors().stream().map(e -> e.getErrorCode() + ": " + e.getMessage()).toList();
        return "HTTP " + se.getStatusCode() + errors;
      }
    }
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return firstLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private Cursor committed(Exchange exchange, String stream) {
    CursorStore store = exchange.getContext().getRegistry()
        .lookupByNameAndType(HubEndpoints.CURSOR_STORE_BEAN, CursorStore.class);
    if (store == null) {
      log.warn("salesforce instance {}: no CursorStore bean named {}; reading {} from the beginning", instance,
          HubEndpoints.CURSOR_STORE_BEAN, stream);
      return Cursor.START;
    }
    Cursor start = store.committed(instance, stream).map(Cursor::parse).orElse(Cursor.START);
    log.info("salesforce instance {}: reading {} from {} after {}", instance, sObject(stream), settings.loginUrl(), start);
    return start;
  }

  private static String sObject(String stream) {
    return SalesforceStreams.named(stream).orElseThrow().sObject();
  }
}
