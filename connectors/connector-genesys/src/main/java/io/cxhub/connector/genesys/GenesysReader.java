package io.cxhub.connector.genesys;

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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance's state (a template-local bean) and its poll. A poll, at time {@code T}:
 * <ol>
 *   <li><b>Ended since the last poll.</b> Re-queries conversations that started in
 *       {@code [position - openLookback, position]} and have a conversationEnd, and emits those
 *       that ended at or after {@code checkedAt - settleTime} (and were not already emitted ended).
 *       This is how a conversation first read while ongoing is read again once it ends: the
 *       details query selects by conversationStart, which never changes.</li>
 *   <li><b>New.</b> Pages through conversations that started in {@code [position, T - settleTime)},
 *       in intervals of at most 7 days, in (conversationStart, conversationId) order, and emits
 *       each after the position, ongoing or not.</li>
 * </ol>
 * Each page is one {@code List<RawRecord>} handed to {@link HubEndpoints#INGEST}; the position
 * advances once the hub took it. Every record carries the {@link Cursor} after it, so a restart
 * from the committed cursor re-reads nothing before it and skips nothing (at worst it re-emits a
 * few conversations that ended just before the cursor's check time).
 *
 * <p>A page that is not JSON goes to {@link HubEndpoints#QUARANTINE} with its raw body and the
 * reason and is asked for again (twice); a poll that fails backs off ({@link PollBackoff}) and the
 * next one resumes from the position. Quartz runs an instance's polls one at a time
 * ({@code stateful}), which makes the plain fields safe.
 */
final class GenesysReader implements Processor {

  static final String STREAM = "conversations";
  static final Duration MAX_INTERVAL = Duration.ofDays(7);
  static final int PAGE_ATTEMPTS = 3;
  private static final int REMEMBERED_ENDS = 50_000;

  private static final Logger log = LoggerFactory.getLogger(GenesysReader.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String instance;
  private final GenesysSettings settings;
  private final Clock clock;
  private final PollBackoff backoff;
  private final GenesysApi.Sleeper sleeper;
  private GenesysApi api;
  private ProducerTemplate producer;
  private Cursor position;
  /** Conversations emitted ended, so the overlap of the ended-since check does not emit them twice. */
  private final Map<String, Boolean> emittedEnded = new LinkedHashMap<>(1024, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > REMEMBERED_ENDS;
    }
  };

  GenesysReader(String instance, GenesysSettings settings) {
    this(instance, settings, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
  }

  GenesysReader(String instance, GenesysSettings settings, Clock clock, GenesysApi.Sleeper sleeper) {
    this.instance = instance;
    this.settings = settings;
    this.clock = clock;
    this.sleeper = sleeper;
    this.backoff = new PollBackoff(clock, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMinutes(15));
  }

  @Override
  public void process(Exchange exchange) throws Exception {
    if (!backoff.ready()) {
      return;
    }
    if (api == null) {
      producer = exchange.getContext().createProducerTemplate();
      api = new GenesysApi(settings, new CamelHttpTransport(producer), clock, sleeper);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (position == null) {
      position = committed(exchange).orElse(Cursor.before(now.minus(settings.initialLookback())));
    }
    try {
      if (position.checkedAt() != null) {
        readEndedSince(now);
      }
      position = position.checked(now);
      readNew(now.minus(settings.settleTime()), now);
      backoff.succeeded();
    } catch (PollFailure e) {
      Duration wait = backoff.failed(e.retryAfter());
      log.warn("genesys instance {}: poll failed ({} in a row), next attempt in {} s: {}", instance,
          backoff.failures(), wait.toSeconds(), e.getMessage());
    }
  }

  /** Conversations at or before the position that ended since the last check. */
  private void readEndedSince(Instant now) throws PollFailure, InterruptedException {
    Instant endedFrom = position.checkedAt().minus(settings.settleTime());
    Instant to = position.start().plusMillis(1);
    Instant from = position.start().minus(settings.openLookback());
    Cursor at = position;
    for (Instant a = from; a.isBefore(to); a = min(a.plus(MAX_INTERVAL), to)) {
      Instant b = min(a.plus(MAX_INTERVAL), to);
      int pageNumber = 1;
      while (true) {
        JsonNode page = page(a, b, pageNumber, true);
        List<RawRecord> records = new ArrayList<>();
        for (JsonNode c : page.path("conversations")) {
          String id = c.path("conversationId").asText();
          Instant start = instant(c.path("conversationStart"));
          Instant end = instant(c.path("conversationEnd"));
          if (start == null || end == null || end.isBefore(endedFrom) || !at.covers(start, id)
              || emittedEnded.containsKey(id)) {
            continue;
          }
          records.add(record((ObjectNode) c, id, at, now));
          emittedEnded.put(id, Boolean.TRUE);
        }
        ingest(records);
        if (!morePages(page, pageNumber)) {
          break;
        }
        pageNumber++;
      }
    }
  }

  /** Conversations after the position that started before {@code upTo}. */
  private void readNew(Instant upTo, Instant now) throws PollFailure, InterruptedException {
    while (position.start().isBefore(upTo)) {
      Instant a = position.start();
      Instant b = min(a.plus(MAX_INTERVAL), upTo);
      int pageNumber = 1;
      while (true) {
        JsonNode page = page(a, b, pageNumber, false);
        List<RawRecord> records = new ArrayList<>();
        Cursor next = position;
        for (JsonNode c : page.path("conversations")) {
          String id = c.path("conversationId").asText();
          Instant start = instant(c.path("conversationStart"));
          if (start == null || id.isEmpty() || next.covers(start, id)) {
            continue; // already emitted (a page boundary moved) or unusable
          }
          next = next.at(start, id);
          records.add(record((ObjectNode) c, id, next, now));
          if (c.hasNonNull("conversationEnd")) {
            emittedEnded.put(id, Boolean.TRUE);
          }
        }
        ingest(records);
        position = next;
        if (!morePages(page, pageNumber)) {
          break;
        }
        pageNumber++;
      }
      // the whole interval was read: continue from its end (kept in memory; records carry their own cursors)
      if (b.isAfter(position.start())) {
        position = new Cursor(b, "", position.checkedAt());
      }
    }
  }

  private boolean morePages(JsonNode page, int pageNumber) {
    int count = page.path("conversations").size();
    long total = page.path("totalHits").asLong(0);
    return count > 0 && (long) pageNumber * settings.pageSize() < total;
  }

  /** One page, parsed; an answer that is not JSON is quarantined and asked for again. */
  private JsonNode page(Instant from, Instant to, int pageNumber, boolean endedOnly)
      throws PollFailure, InterruptedException {
    ObjectNode q = JSON.createObjectNode();
    String interval = Cursor.iso(from) + "/" + Cursor.iso(to);
    q.put("interval", interval);
    q.put("order", "asc");
    q.put("orderBy", "conversationStart");
    q.putObject("paging").put("pageSize", settings.pageSize()).put("pageNumber", pageNumber);
    if (endedOnly) {
      q.putArray("conversationFilters").addObject().put("type", "and").putArray("predicates").addObject()
          .put("type", "dimension").put("dimension", "conversationEnd").put("operator", "exists");
    }
    String request = q.toString();
    for (int attempt = 1; ; attempt++) {
      String body = api.detailsQuery(request);
      try {
        JsonNode page = JSON.readTree(body);
        if (page == null || !page.isObject() || (page.has("conversations") && !page.get("conversations").isArray())) {
          throw new JsonProcessingException("expected an object with a conversations array") { };
        }
        return page;
      } catch (JsonProcessingException e) {
        String reason = "details query page " + pageNumber + " of interval " + interval + " is not valid JSON ("
            + e.getOriginalMessage() + "), attempt " + attempt + " of " + PAGE_ATTEMPTS;
        quarantine(body, reason);
        if (attempt >= PAGE_ATTEMPTS) {
          throw new PollFailure(reason);
        }
      }
    }
  }

  private RawRecord record(ObjectNode conversation, String id, Cursor cursor, Instant now) {
    ConversationPayloads.derive(conversation);
    return new RawRecord(settings.system(), STREAM, id, now, conversation, cursor.toString(), instance);
  }

  private void ingest(List<RawRecord> records) {
    if (!records.isEmpty()) {
      producer.sendBody(HubEndpoints.INGEST, records);
    }
  }

  private void quarantine(String body, String reason) {
    log.warn("genesys instance {}: quarantined a page: {}", instance, reason);
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put(HubEndpoints.SYSTEM, settings.system());
    headers.put(HubEndpoints.STREAM, STREAM);
    headers.put(HubEndpoints.REASON, reason);
    headers.put(HubEndpoints.CONNECTOR_INSTANCE, instance);
    producer.sendBodyAndHeaders(HubEndpoints.QUARANTINE, body, headers);
  }

  private java.util.Optional<Cursor> committed(Exchange exchange) {
    CursorStore store = exchange.getContext().getRegistry()
        .lookupByNameAndType(HubEndpoints.CURSOR_STORE_BEAN, CursorStore.class);
    if (store == null) {
      log.warn("genesys instance {}: no CursorStore bean named {}; reading from the initial lookback", instance,
          HubEndpoints.CURSOR_STORE_BEAN);
      return java.util.Optional.empty();
    }
    java.util.Optional<Cursor> c = store.committed(instance, STREAM).map(Cursor::parse);
    log.info("genesys instance {}: reading conversations from {} after {}", instance, settings.apiUrl(),
        c.map(Cursor::toString).orElse("the initial lookback of " + settings.initialLookback()));
    return c;
  }

  private static Instant instant(JsonNode node) {
    if (node == null || !node.isTextual()) {
      return null;
    }
    try {
      return Instant.parse(node.asText());
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
