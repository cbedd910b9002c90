package io.cxhub.connector.qualtrics;

import io.cxhub.spi.connector.PollBackoff;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxhub.spi.connector.CursorStore;
import io.cxhub.spi.connector.HubEndpoints;
import io.cxhub.spi.record.RawRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code qualtrics} instance (a template-local bean): the steps of its export poll, its event
 * subscription and its webhook handling.
 *
 * <p>Export poll, per survey: start an export of the responses recorded after the survey's
 * position and before {@code now - settleTime}, poll its progress with growing pauses for at most
 * {@code exportTimeout}, download the ZIP, parse its JSON once, and hand the responses, in
 * {@code (recordedDate, responseId)} order, to the hub. The position moves only after the hub took
 * them, so a failed hand-off re-exports; a restart resumes from the committed cursor. A file that
 * cannot be read is quarantined (ZIP as base64) and the same range is exported again next poll.
 *
 * <p>Quartz runs an instance's polls one at a time ({@code stateful}), which makes the plain fields
 * of the poll safe; webhook events arrive on HTTP threads and only read immutable settings.
 */
final class QualtricsInstance implements Processor {

  static final String INSTANCE = "cxhubQualtricsInstance";
  static final String SURVEY = "cxhubQualtricsSurvey";
  static final String END = "cxhubQualtricsEnd";
  static final String REJECTED = "cxhubQualtricsRejected";
  static final String RECORD = "cxhubQualtricsRecord";
  static final String REPLY_STATUS = "cxhubQualtricsReplyStatus";
  static final String REPLY = "cxhubQualtricsReply";

  static final String TOPIC_PREFIX = "surveyengine.completedResponse.";

  private static final Logger log = LoggerFactory.getLogger(QualtricsInstance.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A payload that could not be read, for the quarantine. */
  record Rejected(String reason, String body) {}

  private final String instance;
  private final QualtricsSettings settings;
  private final QualtricsApi api;
  private final QualtricsApi webhookApi;
  private final PollBackoff backoff = PollBackoff.standard(Clock.systemUTC());
  private final Clock clock = Clock.systemUTC();
  private Position position;
  private boolean subscribed;
  private boolean polling;
  private boolean pollFailed;

  QualtricsInstance(String instance, QualtricsSettings settings) {
    this.instance = instance;
    this.settings = settings;
    this.api = new QualtricsApi(settings.baseUrl(), settings.apiToken(), RetryPolicy.DEFAULT);
    // a webhook caller waits for the answer: fewer, shorter retries; Qualtrics delivers again on a failure
    this.webhookApi = new QualtricsApi(settings.baseUrl(), settings.apiToken(),
        new RetryPolicy(3, Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofSeconds(5)));
  }

  String instance() {
    return instance;
  }

  // ---- export poll ---------------------------------------------------------------------------

  /** Start of a poll. Body := the surveys to export, none while backing off; property {@link #INSTANCE} := this. */
  @Override
  public void process(Exchange exchange) {
    exchange.setProperty(INSTANCE, this);
    polling = backoff.ready();
    pollFailed = false;
    if (!polling) {
      exchange.getMessage().setBody(List.of());
      return;
    }
    if (position == null) {
      position = committed(exchange);
    }
    if (settings.webhook() && !subscribed) {
      subscribe();
    }
    exchange.getMessage().setBody(settings.surveyIds());
  }

  /**
   * Body: a survey id. Exports its new responses. Body := their records; property {@link #REJECTED}
   * := what could not be read; {@link #END} := the survey's position after the records.
   */
  void exportSurvey(Exchange exchange) {
    String survey = exchange.getMessage().getBody(String.class);
    exchange.setProperty(SURVEY, survey);
    exchange.setProperty(END, null);
    List<Rejected> rejected = new ArrayList<>();
    exchange.setProperty(REJECTED, rejected);
    exchange.getMessage().setBody(List.of());
    if (pollFailed) {
      return;
    }
    Position.Mark from = position.of(survey).orElse(null);
    byte[] zip;
    try {
      zip = export(survey, from);
    } catch (QualtricsApi.MalformedResponse e) {
      rejected.add(new Rejected(e.getMessage(), new String(e.body(), StandardCharsets.UTF_8)));
      return;
    }
    JsonNode file;
    try {
      file = unzip(zip);
    } catch (IOException | RuntimeException e) {
      rejected.add(new Rejected("export file of survey " + survey + " is not a readable ZIP of JSON ("
          + QualtricsApi.firstLine(e.getMessage()) + "); body is the file as base64",
          Base64.getEncoder().encodeToString(zip)));
      return;
    }
    List<RawRecord> records = new ArrayList<>();
    List<Map.Entry<Position.Mark, ObjectNode>> fresh = new ArrayList<>();
    for (JsonNode r : file.path("responses")) {
      Position.Mark mark = mark(r);
      if (mark == null || !r.isObject()) {
        rejected.add(new Rejected("response of survey " + survey + " without a responseId or readable recordedDate",
            r.toString()));
      } else if (from == null || mark.compareTo(from) > 0) {
        fresh.add(Map.entry(mark, (ObjectNode) r));
      }
    }
    fresh.sort(Map.Entry.comparingByKey());
    Position after = position;
    for (Map.Entry<Position.Mark, ObjectNode> e : fresh) {
      after = after.with(survey, e.getKey());
      records.add(record(survey, e.getValue(), e.getKey(), after.toString()));
    }
    if (!fresh.isEmpty()) {
      exchange.setProperty(END, fresh.get(fresh.size() - 1).getKey());
      log.info("qualtrics instance {}: {} new responses of survey {}", instance, fresh.size(), survey);
    }
    exchange.getMessage().setBody(records);
  }

  /** The hub has the survey's records: move past them. */
  void commitSurvey(Exchange exchange) {
    Position.Mark end = exchange.getProperty(END, Position.Mark.class);
    if (end != null) {
      position = position.with(exchange.getProperty(SURVEY, String.class), end);
    }
  }

  /** Body: a {@link Rejected}. Sets the quarantine headers and the raw body. */
  void toQuarantine(Exchange exchange) {
    Rejected r = exchange.getMessage().getBody(Rejected.class);
    quarantineHeaders(exchange, r);
    log.warn("qualtrics instance {}: quarantined a payload: {}", instance, r.reason());
  }

  /** End of a poll: one that read without failing ends the backoff. */
  void endPoll(Exchange exchange) {
    if (polling && !pollFailed) {
      backoff.succeeded();
    }
  }

  /** The poll failed: stop it and back off. */
  void failed(Exchange exchange) {
    pollFailed = true;
    exchange.getMessage().setBody(List.of());
    Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    Duration wait = backoff.failed();
    log.warn("qualtrics instance {}: exporting survey {} failed ({} failed polls in a row), next attempt in {}s: {}",
        instance, exchange.getProperty(SURVEY, "?", String.class), backoff.failures(), wait.toSeconds(),
        cause == null ? "unknown error" : cause.getMessage());
  }

  private byte[] export(String survey, Position.Mark from) {
    String base = "/API/v3/surveys/" + survey + "/export-responses";
    ObjectNode request = JSON.createObjectNode().put("format", "json");
    if (from != null) {
      request.put("startDate", from.recorded().toString()); // inclusive: the last response is filtered out here
    }
    request.put("endDate", clock.instant().minus(settings.settleTime()).toString());
    JsonNode started = api.post(base, request);
    String progressId = started.path("progressId").asText(null);
    if (progressId == null) {
      throw new QualtricsApi.MalformedResponse(base, "export started without a progressId",
          started.toString().getBytes(StandardCharsets.UTF_8));
    }
    Instant deadline = clock.instant().plus(settings.exportTimeout());
    Duration pause = Duration.ofMillis(100);
    while (true) {
      JsonNode progress = api.get(base + "/" + progressId);
      String status = progress.path("status").asText("");
      if (status.equals("complete")) {
        String fileId = progress.path("fileId").asText(null);
        if (fileId == null) {
          throw new QualtricsApi.MalformedResponse(base, "export complete without a fileId",
              progress.toString().getBytes(StandardCharsets.UTF_8));
        }
        return api.download(base + "/" + fileId + "/file");
      }
      if (status.equals("failed")) {
        throw new QualtricsApi.ApiFailure("export " + progressId + " of survey " + survey + " failed at Qualtrics", 0);
      }
      if (clock.instant().plus(pause).isAfter(deadline)) {
        throw new QualtricsApi.ApiFailure("export " + progressId + " of survey " + survey + " did not complete within "
            + settings.exportTimeout().toSeconds() + "s (at " + progress.path("percentComplete").asText("?") + "%)", 0);
      }
      QualtricsApi.sleep(pause);
      pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : pause.multipliedBy(2);
    }
  }

  private static JsonNode unzip(byte[] zip) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().endsWith(".json")) {
          JsonNode tree = JSON.readTree(in.readAllBytes());
          if (tree == null || !tree.path("responses").isArray()) {
            throw new IOException("the JSON file has no responses array");
          }
          return tree;
        }
      }
    }
    throw new IOException("no JSON file in the ZIP");
  }

  // ---- webhook -------------------------------------------------------------------------------

  /**
   * A completed-response event posted to {@code /webhooks/qualtrics/<instance>}. Sets property
   * {@link #RECORD} (the fetched response) or the quarantine headers and body, and the reply.
   */
  void onEvent(Exchange exchange) {
    var m = exchange.getMessage();
    if (settings.webhookSharedKey() != null) {
      String given = query(m.getHeader(Exchange.HTTP_QUERY, String.class)).get(WebhookSignature.PARAM);
      if (!WebhookSignature.valid(settings.webhookSharedKey(), instance, given)) {
        log.warn("qualtrics instance {}: rejected a webhook event from {}: {} signature", instance,
            m.getHeader("CamelVertxPlatformHttpRemoteAddress", "?", String.class), given == null ? "no" : "a wrong");
        reply(exchange, 401, "missing or invalid signature");
        return;
      }
    }
    Map<String, String> event = query(m.getBody(String.class));
    for (String field : List.of("Topic", "SurveyID", "ResponseID", "Status")) {
      if (!event.containsKey(field) && m.getHeader(field) != null) {
        event.put(field, m.getHeader(field, String.class)); // a form already parsed into headers
      }
    }
    String survey = event.get("SurveyID");
    String responseId = event.get("ResponseID");
    if (survey == null || responseId == null || !event.getOrDefault("Topic", "").startsWith(TOPIC_PREFIX)) {
      reply(exchange, 400, "not a Qualtrics completed-response event (needs Topic, SurveyID and ResponseID)");
      return;
    }
    if (!settings.surveyIds().contains(survey)) {
      reply(exchange, 202, "survey " + survey + " is not read by instance " + instance + "; ignored");
      return;
    }
    JsonNode response;
    try {
      response = webhookApi.get("/API/v3/surveys/" + survey + "/responses/" + responseId);
    } catch (QualtricsApi.MalformedResponse e) {
      quarantineHeaders(exchange, new Rejected(e.getMessage(), new String(e.body(), StandardCharsets.UTF_8)));
      exchange.setProperty(REJECTED, Boolean.TRUE);
      reply(exchange, 200, "response " + responseId + " could not be read and was quarantined");
      return;
    } catch (QualtricsApi.ApiFailure e) {
      log.warn("qualtrics instance {}: fetching response {} of {} after an event failed: {}", instance, responseId,
          survey, e.getMessage());
      reply(exchange, e.status() == 404 ? 404 : 503, "cannot fetch the response now: " + e.getMessage());
      return;
    }
    Position.Mark mark = mark(response);
    if (mark == null || !response.isObject()) {
      quarantineHeaders(exchange, new Rejected("response " + responseId + " without a responseId or readable recordedDate",
          response.toString()));
      exchange.setProperty(REJECTED, Boolean.TRUE);
      reply(exchange, 200, "response " + responseId + " quarantined");
      return;
    }
    exchange.setProperty(RECORD, record(survey, (ObjectNode) response, mark, null));
    reply(exchange, 200, "response " + responseId + " received");
  }

  // ---- subscription --------------------------------------------------------------------------

  /** Makes sure each survey has a completed-response subscription to this instance's endpoint. */
  private void subscribe() {
    String url = settings.publicUrl() + "/webhooks/qualtrics/" + instance;
    String published = settings.webhookSharedKey() == null ? url
        : url + "?" + WebhookSignature.PARAM + "=" + WebhookSignature.of(settings.webhookSharedKey(), instance);
    try {
      JsonNode existing = api.get("/API/v3/eventsubscriptions").path("elements");
      for (String survey : settings.surveyIds()) {
        String topic = TOPIC_PREFIX + survey;
        boolean found = false;
        for (JsonNode s : existing) {
          found |= topic.equals(s.path("topics").asText()) && published.equals(s.path("publicationUrl").asText());
        }
        if (!found) {
          JsonNode created = api.post("/API/v3/eventsubscriptions", JSON.createObjectNode().put("topics", topic)
              .put("publicationUrl", published).put("encrypt", false));
          log.info("qualtrics instance {}: subscribed {} to {} (subscription {})", instance, topic, url,
              created.path("id").asText("?"));
        }
      }
      subscribed = true;
    } catch (QualtricsApi.ApiFailure | QualtricsApi.MalformedResponse e) {
      log.warn("qualtrics instance {}: cannot subscribe to completed-response events yet (the export still runs): {}",
          instance, e.getMessage());
    }
  }

  // ---- shared --------------------------------------------------------------------------------

  /** The payload: the response object, its survey id and the normalized scores. */
  private RawRecord record(String survey, ObjectNode response, Position.Mark mark, String cursor) {
    response.put("surveyId", survey);
    Scores.add(response, survey, settings.questions());
    return new RawRecord(QualtricsConnector.ID, QualtricsStreams.NAME, mark.responseId(), mark.recorded(), response,
        cursor, instance);
  }

  private void quarantineHeaders(Exchange exchange, Rejected r) {
    var m = exchange.getMessage();
    m.setHeader(HubEndpoints.SYSTEM, QualtricsConnector.ID);
    m.setHeader(HubEndpoints.STREAM, QualtricsStreams.NAME);
    m.setHeader(HubEndpoints.REASON, r.reason());
    m.setHeader(HubEndpoints.CONNECTOR_INSTANCE, instance);
    m.setBody(r.body());
  }

  private static void reply(Exchange exchange, int status, String message) {
    exchange.setProperty(REPLY_STATUS, status);
    exchange.setProperty(REPLY, JSON.createObjectNode().put("status", status).put("message", message).toString());
  }

  /** {@code (recordedDate, responseId)}; recordedDate as ISO-8601 or epoch seconds/millis. Null when absent. */
  static Position.Mark mark(JsonNode response) {
    String id = response.path("responseId").asText(null);
    JsonNode date = response.path("values").path("recordedDate");
    if (id == null || id.isBlank()) {
      return null;
    }
    try {
      if (date.isNumber() || (date.isTextual() && date.asText().matches("\\d{9,13}"))) {
        long n = date.asLong();
        return new Position.Mark(n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n), id);
      }
      if (date.isTextual()) {
        String t = date.asText();
        return new Position.Mark(t.contains("T") ? Instant.parse(t) : Instant.parse(t.replace(' ', 'T') + "Z"), id);
      }
    } catch (DateTimeParseException e) {
      return null;
    }
    return null;
  }

  private Position committed(Exchange exchange) {
    CursorStore store = exchange.getContext().getRegistry()
        .lookupByNameAndType(HubEndpoints.CURSOR_STORE_BEAN, CursorStore.class);
    if (store == null) {
      log.warn("qualtrics instance {}: no CursorStore bean named {}; exporting from the beginning", instance,
          HubEndpoints.CURSOR_STORE_BEAN);
      return Position.START;
    }
    Position start = store.committed(instance, QualtricsStreams.NAME).map(Position::parse).orElse(Position.START);
    log.info("qualtrics instance {}: exporting surveys {} from {} after {}", instance, settings.surveyIds(),
        settings.baseUrl(), start.toString().isEmpty() ? "<start>" : start);
    return start;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isBlank()) {
      return out;
    }
    for (String pair : raw.strip().split("&")) {
      int eq = pair.indexOf('=');
      try {
        out.putIfAbsent(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // a malformed pair is ignored; the required fields are checked afterwards
      }
    }
    return out;
  }
}
