package io.cxhub.connector.stripe;

import io.cxhub.spi.connector.PollBackoff;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.connector.stripe.Position.Anchor;
import io.cxhub.connector.stripe.StripeStreams.Stream;
import io.cxhub.spi.connector.CursorStore;
import io.cxhub.spi.connector.HubEndpoints;
import io.cxhub.spi.record.RawRecord;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one connector instance (a template-local bean) and the steps of its poll.
 *
 * <p>A poll runs these phases, one HTTP request per loop iteration of the route:
 * <ol>
 *   <li><b>anchor</b> (only for streams never read): the newest event, {@code GET /v1/events?limit=1},
 *       fetched <em>before</em> listing, so changes made while the listing runs are read later as
 *       events instead of being lost;</li>
 *   <li><b>list</b>: each stream still listing pages through {@code GET /v1/<stream>} with
 *       {@code starting_after} (newest first) until {@code has_more} is false;</li>
 *   <li><b>events</b>: {@code GET /v1/events?created[gte]=<oldest anchor>} paged to the end, then
 *       walked oldest first; a stream takes the events after its own anchor, so a restart from
 *       committed cursors neither re-reads nor skips (events are one sequence, cursors are per
 *       stream: a stream whose last record is old makes the walk start earlier, never emit twice);</li>
 *   <li><b>emit</b>: the walked events in chunks of {@code pageSize}, each chunk one list handed to
 *       the hub, after which every stream stands at the chunk's last event.</li>
 * </ol>
 * 429 and 5xx are retried within the poll (Retry-After honoured, else exponential from 0.5 s), up to
 * {@link #MAX_ATTEMPTS} tries; a 200 whose body is not JSON goes to quarantine and is asked again.
 * A poll that still fails ends and the next polls back off ({@link PollBackoff}). Quartz runs an
 * instance's polls one at a time ({@code stateful}); the webhook thread touches only {@link SeenEvents}.
 */
final class StripeReader implements Processor {

  static final String READER = "cxhubStripeReader";
  static final String MORE = "cxhubStripeMore";
  static final String CALL = "cxhubStripeCall";
  static final String REJECTED = "cxhubStripeRejected";
  static final String DELAY = "cxhubStripeDelay";

  static final int MAX_ATTEMPTS = 6;
  static final long MAX_RETRY_AFTER_MS = 60_000;

  private static final Logger log = LoggerFactory.getLogger(StripeReader.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EVENTS_STREAM = "events";

  private enum Phase { ANCHOR, LIST, EVENTS, EMIT, DONE }

  /** Something that goes to the hub's quarantine instead of the ingest path. */
  record Rejected(String stream, String reason, String body) {}

  /** An event of the walk and the stream it feeds, if any. */
  private record Walked(JsonNode event, Stream stream) {}

  private final String instance;
  private final StripeSettings settings;
  private final List<Stream> streams;
  private final PollBackoff backoff = PollBackoff.standard(Clock.systemUTC());
  private final SeenEvents seen = new SeenEvents(20_000);
  private Map<String, Position> positions;

  // the poll in progress
  private boolean polling;
  private boolean pollFailed;
  private Phase phase;
  private int listIndex;
  private final List<JsonNode> collected = new ArrayList<>();
  private String eventsAfter;
  private long eventsFrom;
  private List<Walked> walk = List.of();
  private Map<String, Integer> walkStart = Map.of();
  private int emitted;
  private int attempts;
  private String requestLine;
  private Runnable onAccepted;
  private List<String> claimed = List.of();

  StripeReader(String instance, StripeSettings settings) {
    this.instance = instance;
    this.settings = settings;
    this.streams = settings.streams().stream().map(s -> StripeStreams.named(s).orElseThrow()).toList();
  }

  String instance() {
    return instance;
  }

  StripeSettings settings() {
    return settings;
  }

  SeenEvents seen() {
    return seen;
  }

  /** Start of a poll: property {@link #READER} := this; {@link #MORE} := whether to poll now. */
  @Override
  public void process(Exchange exchange) {
    polling = backoff.ready();
    pollFailed = false;
    attempts = 0;
    exchange.setProperty(READER, this);
    exchange.setProperty(MORE, polling);
    if (!polling) {
      return;
    }
    if (positions == null) {
      positions = committed(exchange);
    }
    boolean needAnchor = positions.values().stream().anyMatch(p -> p.anchor() == null);
    phase = needAnchor ? Phase.ANCHOR : Phase.LIST;
    listIndex = 0;
    collected.clear();
    eventsAfter = null;
  }

  /**
   * Sets up the next step. For a request: no headers but the request's, property {@link #CALL} :=
   * true. For an emit step, {@link #CALL} := false. Nothing left: {@link #MORE} := false.
   */
  void prepare(Exchange exchange) {
    Message m = exchange.getMessage();
    m.removeHeaders("*");
    m.setBody(null);
    exchange.setProperty(DELAY, 0L);
    exchange.setProperty(REJECTED, List.of());
    String path;
    Map<String, String> query = new LinkedHashMap<>();
    switch (phase) {
      case ANCHOR -> {
        path = "/v1/events";
        query.put("limit", "1");
      }
      case LIST -> {
        Stream s = currentListing();
        if (s == null) {
          startEvents();
          prepare(exchange);
          return;
        }
        path = "/v1/" + s.name();
        query.put("limit", String.valueOf(settings.pageSize()));
        if (!s.listQuery().isEmpty()) {
          String[] kv = s.listQuery().split("=", 2);
          query.put(kv[0], kv[1]);
        }
        String after = positions.get(s.name()).after();
        if (after != null) {
          query.put("starting_after", after);
        }
      }
      case EVENTS -> {
        path = "/v1/events";
        query.put("limit", "100");
        if (eventsFrom > 0) {
          query.put("created[gte]", String.valueOf(eventsFrom));
        }
        if (eventsAfter != null) {
          query.put("starting_after", eventsAfter);
        }
      }
      case EMIT -> {
        exchange.setProperty(CALL, false);
        return;
      }
      default -> {
        exchange.setProperty(CALL, false);
        exchange.setProperty(MORE, false);
        return;
      }
    }
    StringBuilder q = new StringBuilder();
    query.forEach((k, v) -> q.append(q.isEmpty() ? "" : "&").append(encode(k)).append('=').append(encode(v)));
    requestLine = "GET " + path + "?" + q;
    m.setHeader(Exchange.HTTP_METHOD, "GET");
    m.setHeader(Exchange.HTTP_URI, settings.apiBase() + path);
    m.setHeader(Exchange.HTTP_QUERY, q.toString());
    m.setHeader("Authorization", "Bearer " + settings.apiKey());
    m.setHeader("Accept", "application/json");
    exchange.setProperty(CALL, true);
  }

  /**
   * After the request (or for an emit step): body := the records to hand to the hub (maybe none);
   * property {@link #REJECTED} := what goes to quarantine; {@link #DELAY} := wait before the retry.
   */
  void handle(Exchange exchange) {
    Message m = exchange.getMessage();
    onAccepted = null;
    if (!exchange.getProperty(CALL, false, Boolean.class)) {
      m.removeHeaders("*");
      m.setBody(phase == Phase.EMIT ? emitChunk() : List.of());
      return;
    }
    int status = m.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
    String retryAfter = m.getHeader("Retry-After", String.class);
    String shouldRetry = m.getHeader("Stripe-Should-Retry", String.class);
    byte[] raw = m.getBody(byte[].class);
    String text = raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
    m.removeHeaders("*"); // the Authorization header must not travel further
    m.setBody(List.of());
    if (status == 429 || status >= 500) {
      if ("false".equalsIgnoreCase(shouldRetry)) {
        throw new StripeApiException(requestLine + " answered " + status + " and Stripe-Should-Retry: false: "
            + errorMessage(text));
      }
      retry(exchange, status == 429 ? "rate limited (429)" : "server error " + status, retryDelay(retryAfter));
      return;
    }
    if (status != 200) {
      throw new StripeApiException(requestLine + " answered " + status + ": " + errorMessage(text));
    }
    JsonNode page;
    try {
      page = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      page = null;
    }
    if (page == null || !page.path("data").isArray()) {
      String stream = phase == Phase.LIST ? currentListing().name() : EVENTS_STREAM;
      String reason = "response to " + requestLine + " is not a Stripe list: "
          + (page == null ? "not valid JSON (truncated?)" : "no data array");
      exchange.setProperty(REJECTED, List.of(new Rejected(stream, reason, text)));
      retry(exchange, reason, 0);
      return;
    }
    attempts = 0;
    JsonNode data = page.get("data");
    boolean more = page.path("has_more").asBoolean(false);
    switch (phase) {
      case ANCHOR -> {
        Anchor anchor = data.isEmpty() ? Anchor.BEFORE_ALL
            : new Anchor(data.get(0).path("created").asLong(), data.get(0).path("id").asText());
        positions.replaceAll((s, p) -> p.anchor() == null ? p.withAnchor(anchor) : p);
        log.info("stripe instance {}: listing {} from the newest object; changes after event {} follow from the events API",
            instance, positions.entrySet().stream().filter(e -> e.getValue().listing()).map(Map.Entry::getKey).toList(),
            anchor.eventId().isEmpty() ? "<none yet>" : anchor.eventId());
        phase = Phase.LIST;
      }
      case LIST -> m.setBody(listed(exchange, currentListing(), data, more));
      case EVENTS -> {
        data.forEach(collected::add);
        if (more && !data.isEmpty()) {
          eventsAfter = data.get(data.size() - 1).path("id").asText();
        } else {
          startEmit();
        }
      }
      default -> throw new IllegalStateException("no request in phase " + phase);
    }
  }

  /** The hub accepted the records of this step: move past them. */
  void accepted(Exchange exchange) {
    if (onAccepted != null) {
      onAccepted.run();
      onAccepted = null;
    }
    exchange.setProperty(MORE, phase != Phase.DONE && !pollFailed);
  }

  /** Body: a {@link Rejected}. Sets the quarantine headers and the raw text as body. */
  void toQuarantine(Exchange exchange) {
    Rejected r = exchange.getMessage().getBody(Rejected.class);
    Message m = exchange.getMessage();
    m.setHeader(HubEndpoints.SYSTEM, StripeConnector.ID);
    m.setHeader(HubEndpoints.STREAM, r.stream());
    m.setHeader(HubEndpoints.REASON, r.reason());
    m.setHeader(HubEndpoints.CONNECTOR_INSTANCE, instance);
    m.setBody(r.body());
    log.warn("stripe instance {}: quarantined a payload of {}: {}", instance, r.stream(), r.reason());
  }

  /** End of a poll: one that read without failing ends the backoff (a skipped one does not). */
  void endPoll(Exchange exchange) {
    if (polling && !pollFailed) {
      backoff.succeeded();
    }
  }

  /** The poll failed: stop it here and back off. Positions stay where the hub last accepted. */
  void failed(Exchange exchange) {
    pollFailed = true;
    exchange.setProperty(MORE, false);
    claimed.forEach(seen::remove); // not handed over after all: a webhook or the next poll may take them
    claimed = List.of();
    exchange.getMessage().removeHeaders("*");
    Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    Duration wait = backoff.failed();
    log.warn("stripe instance {}: poll against {} failed ({} failed polls in a row), next attempt in {}s: {}",
        instance, settings.apiBase(), backoff.failures(), wait.toSeconds(), rootMessage(cause));
  }

  // ---------------------------------------------------------------- phases

  private Stream currentListing() {
    while (listIndex < streams.size()) {
      Stream s = streams.get(listIndex);
      if (positions.get(s.name()).listing()) {
        return s;
      }
      listIndex++;
    }
    return null;
  }

  private List<RawRecord> listed(Exchange exchange, Stream stream, JsonNode data, boolean more) {
    Position at = positions.get(stream.name());
    Instant now = Instant.now();
    List<RawRecord> records = new ArrayList<>(data.size());
    List<Rejected> rejected = new ArrayList<>();
    String last = at.after();
    for (JsonNode o : data) {
      String id = o.path("id").asText("");
      if (id.isEmpty() || !stream.objectType().equals(o.path("object").asText())) {
        rejected.add(new Rejected(stream.name(), "a " + stream.objectType() + " without id or of another object type",
            o.toString()));
        continue;
      }
      last = id;
      records.add(new RawRecord(StripeConnector.ID, stream.name(), id, now, o, Position.listCursor(at.anchor(), id),
          instance));
    }
    exchange.setProperty(REJECTED, rejected);
    String end = last;
    boolean continues = more && !data.isEmpty();
    onAccepted = () -> {
      positions.put(stream.name(), at.listedUpTo(end, continues));
      if (!continues) {
        log.info("stripe instance {}: listed {} completely", instance, stream.name());
      }
    };
    return records;
  }

  private void startEvents() {
    phase = Phase.EVENTS;
    collected.clear();
    eventsAfter = null;
    eventsFrom = positions.values().stream().mapToLong(p -> p.anchor().created()).min().orElse(0);
  }

  /** Orders the collected events oldest first and finds, per stream, the first one it has not seen. */
  private void startEmit() {
    List<JsonNode> ascending = new ArrayList<>(collected);
    Collections.reverse(ascending);
    collected.clear();
    List<Walked> w = new ArrayList<>(ascending.size());
    for (JsonNode e : ascending) {
      String type = e.path("data").path("object").path("object").asText();
      w.add(new Walked(e, StripeStreams.ofObject(type).filter(streams::contains).orElse(null)));
    }
    Map<String, Integer> start = new HashMap<>();
    for (Stream s : streams) {
      Anchor a = positions.get(s.name()).anchor();
      int from = -1;
      if (!a.eventId().isEmpty()) {
        for (int i = 0; i < w.size(); i++) {
          if (w.get(i).event().path("id").asText().equals(a.eventId())) {
            from = i + 1;
            break;
          }
        }
      }
      if (from < 0) { // anchor gone (Stripe keeps 30 days of events) or before every event
        from = 0;
        while (from < w.size() && w.get(from).event().path("created").asLong() <= a.created() && a.created() > 0) {
          from++;
        }
        if (!a.eventId().isEmpty()) {
          log.warn("stripe instance {}: event {} is no longer listed; reading {} from events after {}", instance,
              a.eventId(), s.name(), Instant.ofEpochSecond(a.created()));
        }
      }
      start.put(s.name(), from);
    }
    walk = w;
    walkStart = start;
    emitted = 0;
    phase = w.isEmpty() ? Phase.DONE : Phase.EMIT;
  }

  private List<RawRecord> emitChunk() {
    int from = emitted;
    int to = Math.min(walk.size(), from + settings.pageSize());
    List<RawRecord> records = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Walked w = walk.get(i);
      if (w.stream() == null || i < walkStart.get(w.stream().name())) {
        continue;
      }
      JsonNode e = w.event();
      String eventId = e.path("id").asText();
      if (!seen.add(eventId)) {
        continue; // already handed over from a webhook
      }
      JsonNode object = e.path("data").path("object");
      records.add(new RawRecord(StripeConnector.ID, w.stream().name(), object.path("id").asText(),
          Instant.ofEpochSecond(e.path("created").asLong()), object, Position.eventCursor(e.path("created").asLong(), eventId),
          instance));
      ids.add(eventId);
    }
    JsonNode last = walk.get(to - 1).event();
    Anchor reached = new Anchor(last.path("created").asLong(), last.path("id").asText());
    claimed = ids;
    onAccepted = () -> {
      claimed = List.of();
      positions.replaceAll((s, p) -> Position.at(reached));
      emitted = to;
      if (emitted >= walk.size()) {
        walk = List.of();
        phase = Phase.DONE;
      }
    };
    return records;
  }

  // ---------------------------------------------------------------- helpers

  private void retry(Exchange exchange, String why, long delayMs) {
    attempts++;
    if (attempts >= MAX_ATTEMPTS) {
      throw new StripeApiException(requestLine + " failed " + attempts + " times, last: " + why);
    }
    long wait = delayMs > 0 ? delayMs : why.startsWith("response") ? 0 : 500L << Math.min(attempts - 1, 4);
    exchange.setProperty(DELAY, wait);
    log.info("stripe instance {}: {} {}; retry {} of {} in {} ms", instance, requestLine, why, attempts,
        MAX_ATTEMPTS - 1, wait);
  }

  private static long retryDelay(String retryAfter) {
    if (retryAfter == null) {
      return 0;
    }
    try {
      return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, (long) (Double.parseDouble(retryAfter.trim()) * 1000)));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private Map<String, Position> committed(Exchange exchange) {
    CursorStore store = exchange.getContext().getRegistry()
        .lookupByNameAndType(HubEndpoints.CURSOR_STORE_BEAN, CursorStore.class);
    Map<String, Position> out = new LinkedHashMap<>();
    for (Stream s : streams) {
      String cursor = store == null ? null : store.committed(instance, s.name()).orElse(null);
      Position p = cursor == null ? Position.NEW : Position.parse(cursor);
      out.put(s.name(), p);
      log.info("stripe instance {}: {} starts {}", instance, s.name(), cursor == null ? "with a full listing" : "after " + cursor);
    }
    if (store == null) {
      log.warn("stripe instance {}: no CursorStore bean named {}; reading everything", instance,
          HubEndpoints.CURSOR_STORE_BEAN);
    }
    return out;
  }

  /** Stripe's {@code error.type: error.message}, or the start of the body. */
  static String errorMessage(String body) {
    try {
      JsonNode error = JSON.readTree(body).path("error");
      if (error.isObject()) {
        return error.path("type").asText("error") + ": " + error.path("message").asText("");
      }
    } catch (JsonProcessingException e) {
      // not JSON
    }
    return body.length() > 200 ? body.substring(0, 200) + "..." : body;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String rootMessage(Throwable t) {
    if (t == null) {
      return "unknown error";
    }
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return m == null ? root.getClass().getSimpleName() : root.getClass().getSimpleName() + ": " + m;
  }
}
