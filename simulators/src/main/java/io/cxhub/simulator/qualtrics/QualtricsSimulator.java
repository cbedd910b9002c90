package io.cxhub.simulator.qualtrics;

import io.cxhub.simulator.ChangeLoop;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxhub.simulator.http.SimRequest;
import io.cxhub.simulator.http.SimResponse;
import io.cxhub.simulator.http.SimServer;
import io.cxhub.simulator.people.People;
import io.cxhub.simulator.qualtrics.QualtricsResponses.StoredResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for the Qualtrics v3 API of one brand, on loopback ({@link SimServer}):
 * <ul>
 *   <li>{@code X-API-TOKEN} header auth; a bad token gets 401 in Qualtrics' {@code meta.error} shape;</li>
 *   <li>{@code GET /API/v3/whoami}, {@code GET /API/v3/surveys}, {@code GET /API/v3/surveys/{id}};</li>
 *   <li>response export: {@code POST /API/v3/surveys/{id}/export-responses} (json only; {@code startDate}
 *       inclusive, {@code endDate} exclusive, on the recorded date; {@code allowContinuation} /
 *       {@code continuationToken}), its progress (complete at the second poll, with {@code fileId}) and
 *       {@code GET .../export-responses/{fileId}/file}, a ZIP holding {@code <survey name>.json};</li>
 *   <li>{@code GET /API/v3/surveys/{id}/responses/{responseId}};</li>
 *   <li>event subscriptions ({@code POST/GET /API/v3/eventsubscriptions}, {@code GET/DELETE .../{id}}):
 *       each response completed by {@link #tick(int)} is announced to the subscriptions whose topic
 *       is {@code surveyengine.completedResponse.<surveyId>} as a form-encoded POST to their
 *       {@code publicationUrl} (Topic, Status, SurveyID, ResponseID, CompletedDate, BrandID).</li>
 * </ul>
 * Format changes (drift): {@code rename_question}, {@code epoch_recorded_date}, {@code nps_as_string}.
 * Data is seeded from {@link People#DEFAULT_SEED}: the same seed gives the same responses.
 */
public final class QualtricsSimulator implements AutoCloseable {

  public static final String DEFAULT_TOKEN = "qualtrics-sim-token";
  public static final String BRAND_ID = "cxhubsim";
  public static final String RENAME_QUESTION = "rename_question";
  public static final String EPOCH_RECORDED_DATE = "epoch_recorded_date";
  public static final String NPS_AS_STRING = "nps_as_string";

  private static final Logger log = LoggerFactory.getLogger(QualtricsSimulator.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter EVENT_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  /** An export job: the responses it holds are fixed when it starts. */
  private record Export(String surveyId, String progressId, String fileId, List<StoredResponse> responses,
      String continuationToken, AtomicInteger polls) {}

  /** An event subscription. */
  public record Subscription(String id, String topics, String publicationUrl, boolean encrypt) {}

  private final SimServer server;
  private final String token;
  private final QualtricsResponses maker;
  private final Map<String, List<StoredResponse>> responses = new LinkedHashMap<>();
  private final Map<String, Export> exports = new ConcurrentHashMap<>();
  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
  private final Random ids;
  private final AtomicInteger delivered = new AtomicInteger();
  private final AtomicInteger corruptFiles = new AtomicInteger();
  private final ExecutorService webhooks = Executors.newSingleThreadExecutor(r -> daemon(r, "qualtrics-sim-webhooks"));
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ChangeLoop changeLoop = new ChangeLoop("qualtrics-simulator");
  private Instant last;

  /** Starts on {@code port} (0 for any) with {@code perSurvey} responses per survey, recorded over the last 90 days. */
  public QualtricsSimulator(int port, int perSurvey) {
    this(port, perSurvey, People.DEFAULT_SEED, DEFAULT_TOKEN);
  }

  public QualtricsSimulator(int port, int perSurvey, long seed, String token) {
    this.token = token;
    this.maker = new QualtricsResponses(new People(seed), seed);
    this.ids = new Random(seed ^ 0x5eed);
    Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
    Instant start = end.minus(Duration.ofDays(90));
    long span = Duration.between(start, end).toMillis();
    for (int s = 0; s < QualtricsSurvey.ALL.size(); s++) {
      QualtricsSurvey survey = QualtricsSurvey.ALL.get(s);
      List<StoredResponse> list = new ArrayList<>();
      Random spread = new Random(seed + s);
      List<Long> offsets = new ArrayList<>();
      for (int n = 0; n < perSurvey; n++) {
        offsets.add((long) (spread.nextDouble() * span));
      }
      offsets.sort(null);
      for (int n = 0; n < perSurvey; n++) {
        list.add(maker.make(survey, s, n, start.plusMillis(offsets.get(n))));
      }
      responses.put(survey.id(), list);
    }
    last = end;
    server = SimServer.start("qualtrics", port)
        .errorBody(QualtricsSimulator::error)
        .formatChange(RENAME_QUESTION, "satisfaction question QID1 is exported as QID10 (same values)")
        .formatChange(EPOCH_RECORDED_DATE, "values.recordedDate as epoch seconds instead of ISO-8601")
        .formatChange(NPS_AS_STRING, "the NPS answer (QID2) as a string, e.g. \"9\"");
    server.route("GET", "/API/v3/whoami", authed(this::whoami))
        .route("GET", "/API/v3/surveys", authed(this::listSurveys))
        .route("GET", "/API/v3/surveys/{surveyId}", authed(this::getSurvey))
        .route("POST", "/API/v3/surveys/{surveyId}/export-responses", authed(this::startExport))
        .route("GET", "/API/v3/surveys/{surveyId}/export-responses/{progressId}", authed(this::exportProgress))
        .route("GET", "/API/v3/surveys/{surveyId}/export-responses/{fileId}/file", authed(this::exportFile))
        .route("GET", "/API/v3/surveys/{surveyId}/responses/{responseId}", authed(this::getResponse))
        .route("POST", "/API/v3/eventsubscriptions", authed(this::subscribe))
        .route("GET", "/API/v3/eventsubscriptions", authed(this::listSubscriptions))
        .route("GET", "/API/v3/eventsubscriptions/{subscriptionId}", authed(this::getSubscription))
        .route("DELETE", "/API/v3/eventsubscriptions/{subscriptionId}", authed(this::deleteSubscription));
  }

  public SimServer server() {
    return server;
  }

  public URI baseUri() {
    return server.baseUri();
  }

  public String apiToken() {
    return token;
  }

  public List<String> surveyIds() {
    return QualtricsSurvey.ALL.stream().map(QualtricsSurvey::id).toList();
  }

  /** Every response id, in recorded order per survey. */
  public synchronized List<String> responseIds() {
    return responses.values().stream().flatMap(List::stream).map(StoredResponse::responseId).toList();
  }

  public synchronized int size() {
    return responses.values().stream().mapToInt(List::size).sum();
  }

  /** The response as the API renders it now (format changes applied), plus its survey id. */
  public synchronized JsonNode response(String responseId) {
    return responses.values().stream().flatMap(List::stream).filter(r -> r.responseId().equals(responseId))
        .findFirst().map(r -> (JsonNode) render(r)).orElse(null);
  }

  public List<Subscription> subscriptions() {
    return List.copyOf(subscriptions.values());
  }

  /** The next {@code files} export files are served cut in half (a corrupt ZIP), whatever the other faults. */
  public void corruptNextFiles(int files) {
    corruptFiles.set(files);
  }

  /** Webhook events delivered (answered 2xx) so far. */
  public int eventsDelivered() {
    return delivered.get();
  }

  /**
   * Completes {@code count} new responses (surveys in turn) and announces each to the matching
   * event subscriptions. Returns their ids.
   */
  public List<String> tick(int count) {
    List<StoredResponse> added = new ArrayList<>();
    synchronized (this) {
      for (int i = 0; i < count; i++) {
        int s = (size() + i) % QualtricsSurvey.ALL.size();
        QualtricsSurvey survey = QualtricsSurvey.ALL.get(s);
        List<StoredResponse> list = responses.get(survey.id());
        Instant now = Instant.now();
        last = now.isAfter(last) ? now : last.plusMillis(1);
        StoredResponse r = maker.make(survey, s, list.size(), last);
        list.add(r);
        added.add(r);
      }
    }
    added.forEach(this::announce);
    return added.stream().map(StoredResponse::responseId).toList();
  }

  /** Completes one to three responses every {@code period} until {@link #close()}. */
  public void startChanging(Duration period) {
    Random r = new Random(17);
    changeLoop.start(period, () -> tick(1 + r.nextInt(3)));
  }

  @Override
  public void close() {
    changeLoop.stop();
    webhooks.shutdownNow();
    server.close();
  }

  // ---- API -----------------------------------------------------------------------------------

  private SimResponse whoami(SimRequest request) {
    return ok(Map.of("brandId", BRAND_ID, "userId", "UR_cxhubSimulator1", "userName", "api@cxhub.example",
        "accountType", "UT_BRANDADMIN", "firstName", "API", "lastName", "User", "datacenter", "sim1"));
  }

  private SimResponse listSurveys(SimRequest request) {
    List<Map<String, Object>> elements = QualtricsSurvey.ALL.stream().map(QualtricsSimulator::surveyInfo).toList();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("elements", elements);
    result.put("nextPage", null);
    return ok(result);
  }

  private SimResponse getSurvey(SimRequest request) {
    return survey(request.pathParam("surveyId")).map(s -> ok(surveyInfo(s)))
        .orElseGet(() -> error(404, "Could not find survey " + request.pathParam("surveyId")));
  }

  private SimResponse startExport(SimRequest request) {
    String surveyId = request.pathParam("surveyId");
    if (survey(surveyId).isEmpty()) {
      return error(404, "Could not find survey " + surveyId);
    }
    JsonNode body = request.json();
    if (!"json".equals(body.path("format").asText())) {
      return error(400, "Invalid or missing format: the simulator exports json only");
    }
    String continuation = body.path("continuationToken").asText(null);
    if (continuation != null && (body.has("startDate") || body.has("endDate"))) {
      return error(400, "continuationToken cannot be combined with startDate or endDate");
    }
    Instant from = date(body, "startDate");
    Instant to = date(body, "endDate");
    List<StoredResponse> selected = new ArrayList<>();
    String nextToken = null;
    synchronized (this) {
      List<StoredResponse> all = responses.get(surveyId);
      int start = 0;
      if (continuation != null) {
        start = continuationIndex(surveyId, continuation);
      }
      for (int i = start; i < all.size(); i++) {
        StoredResponse r = all.get(i);
        if ((from == null || !r.recorded().isBefore(from)) && (to == null || r.recorded().isBefore(to))) {
          selected.add(r);
        }
      }
      if (continuation != null || body.path("allowContinuation").asBoolean(false)) {
        nextToken = Base64.getUrlEncoder().withoutPadding()
            .encodeToString((surveyId + ":" + all.size()).getBytes(StandardCharsets.UTF_8));
      }
    }
    String progressId = "ES_" + randomId(15);
    exports.put(progressId, new Export(surveyId, progressId, UUID.randomUUID() + "-def", selected, nextToken,
        new AtomicInteger()));
    return ok(Map.of("progressId", progressId, "percentComplete", 0.0, "status", "inProgress"));
  }

  private SimResponse exportProgress(SimRequest request) {
    Export e = exports.get(request.pathParam("progressId"));
    if (e == null || !e.surveyId().equals(request.pathParam("surveyId"))) {
      return error(404, "Could not find export " + request.pathParam("progressId"));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    if (e.polls().incrementAndGet() < 2) {
      result.put("percentComplete", 50.0);
      result.put("status", "inProgress");
    } else {
      result.put("fileId", e.fileId());
      result.put("percentComplete", 100.0);
      result.put("status", "complete");
      if (e.continuationToken() != null) {
        result.put("continuationToken", e.continuationToken());
      }
    }
    return ok(result);
  }

  private SimResponse exportFile(SimRequest request) throws IOException {
    Export e = exports.values().stream().filter(x -> x.fileId().equals(request.pathParam("fileId"))).findFirst()
        .orElse(null);
    if (e == null || !e.surveyId().equals(request.pathParam("surveyId")) || e.polls().get() < 2) {
      return error(404, "Could not find file " + request.pathParam("fileId"));
    }
    ObjectNode file = JSON.createObjectNode();
    var array = file.putArray("responses");
    synchronized (this) {
      e.responses().forEach(r -> array.add(render(r)));
    }
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry(survey(e.surveyId()).orElseThrow().name() + ".json"));
      out.write(JSON.writeValueAsBytes(file));
      out.closeEntry();
    }
    byte[] bytes = zip.toByteArray();
    if (corruptFiles.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      bytes = java.util.Arrays.copyOf(bytes, bytes.length / 2);
    }
    return SimResponse.bytes(200, "application/zip", bytes)
        .withHeader("Content-Disposition", "attachment; filename=" + e.fileId() + ".zip");
  }

  private SimResponse getResponse(SimRequest request) {
    String surveyId = request.pathParam("surveyId");
    String id = request.pathParam("responseId");
    synchronized (this) {
      List<StoredResponse> list = responses.get(surveyId);
      if (list == null) {
        return error(404, "Could not find survey " + surveyId);
      }
      return list.stream().filter(r -> r.responseId().equals(id)).findFirst().map(r -> ok(render(r)))
          .orElseGet(() -> error(404, "Could not find response " + id));
    }
  }

  private SimResponse subscribe(SimRequest request) {
    JsonNode body = request.json();
    String topics = body.path("topics").asText("");
    String url = body.path("publicationUrl").asText("");
    if (topics.isBlank() || !url.startsWith("http")) {
      return error(400, "topics and an http(s) publicationUrl are required");
    }
    Subscription s = new Subscription("SUB_" + randomId(15), topics, url, body.path("encrypt").asBoolean(false));
    subscriptions.put(s.id(), s);
    log.info("qualtrics simulator: subscription {} for {} to {}", s.id(), topics, url);
    return ok(Map.of("id", s.id()));
  }

  private SimResponse listSubscriptions(SimRequest request) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("elements", subscriptions.values().stream().map(QualtricsSimulator::subscriptionInfo).toList());
    result.put("nextPage", null);
    return ok(result);
  }

  private SimResponse getSubscription(SimRequest request) {
    Subscription s = subscriptions.get(request.pathParam("subscriptionId"));
    return s == null ? error(404, "Could not find subscription " + request.pathParam("subscriptionId"))
        : ok(subscriptionInfo(s));
  }

  private SimResponse deleteSubscription(SimRequest request) {
    Subscription s = subscriptions.remove(request.pathParam("subscriptionId"));
    return s == null ? error(404, "Could not find subscription " + request.pathParam("subscriptionId"))
        : SimResponse.json(200, Map.of("meta", meta(200)));
  }

  // ---- helpers -------------------------------------------------------------------------------

  private SimServer.Handler authed(SimServer.Handler handler) {
    return request -> {
      String given = request.header("x-api-token").orElse(null);
      if (given == null || !given.equals(token)) {
        return error(401, given == null ? "Missing X-API-TOKEN header" : "Invalid API token");
      }
      return handler.handle(request);
    };
  }

  /** The response as exported: format changes applied to a copy of the stored JSON. */
  private ObjectNode render(StoredResponse r) {
    ObjectNode json = r.json().deepCopy();
    ObjectNode values = (ObjectNode) json.get("values");
    ObjectNode labels = (ObjectNode) json.get("labels");
    if (server.formatOn(RENAME_QUESTION) && values.has(QualtricsSurvey.CSAT)) {
      values.set("QID10", values.remove(QualtricsSurvey.CSAT));
      labels.set("QID10", labels.remove(QualtricsSurvey.CSAT));
    }
    if (server.formatOn(EPOCH_RECORDED_DATE)) {
      values.put("recordedDate", r.recorded().getEpochSecond());
    }
    if (server.formatOn(NPS_AS_STRING) && values.has(QualtricsSurvey.NPS)) {
      values.put(QualtricsSurvey.NPS, values.get(QualtricsSurvey.NPS).asText());
    }
    return json;
  }

  private void announce(StoredResponse r) {
    String topic = "surveyengine.completedResponse." + r.surveyId();
    for (Subscription s : subscriptions.values()) {
      if (!topicMatches(s.topics(), topic)) {
        continue;
      }
      String form = form(Map.of("Topic", topic, "Status", "Complete", "SurveyID", r.surveyId(),
          "ResponseID", r.responseId(), "CompletedDate", EVENT_DATE.format(r.recorded()), "BrandID", BRAND_ID));
      try {
        webhooks.execute(() -> deliver(s, form));
      } catch (java.util.concurrent.RejectedExecutionException e) {
        return; // closing
      }
    }
  }

  private void deliver(Subscription s, String form) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(s.publicationUrl())).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 == 2) {
        delivered.incrementAndGet();
      } else {
        log.info("qualtrics simulator: subscription {} answered {}", s.id(), response.statusCode());
      }
    } catch (IOException e) {
      log.info("qualtrics simulator: subscription {} unreachable: {}", s.id(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean topicMatches(String subscribed, String topic) {
    for (String t : subscribed.split(",")) {
      String p = t.trim();
      if (p.equals(topic) || (p.endsWith("*") && topic.startsWith(p.substring(0, p.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  private int continuationIndex(String surveyId, String token) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
      if (parts.length == 2 && parts[0].equals(surveyId)) {
        return Integer.parseInt(parts[1]);
      }
    } catch (IllegalArgumentException e) {
      // falls through to the 400 below
    }
    throw new SimRequest.BadRequest("Invalid continuationToken");
  }

  private static Instant date(JsonNode body, String field) {
    if (!body.hasNonNull(field)) {
      return null;
    }
    try {
      return Instant.parse(body.get(field).asText());
    } catch (DateTimeParseException e) {
      throw new SimRequest.BadRequest("Invalid " + field + ": expected ISO-8601 such as 2024-01-01T00:00:00Z");
    }
  }

  private static java.util.Optional<QualtricsSurvey> survey(String id) {
    return QualtricsSurvey.ALL.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  private static Map<String, Object> surveyInfo(QualtricsSurvey s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("name", s.name());
    m.put("ownerId", "UR_cxhubSimulator1");
    m.put("lastModified", "2025-06-01T09:00:00Z");
    m.put("creationDate", "2025-05-01T09:00:00Z");
    m.put("isActive", true);
    return m;
  }

  private static Map<String, Object> subscriptionInfo(Subscription s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("scope", "brand");
    m.put("topics", s.topics());
    m.put("publicationUrl", s.publicationUrl());
    m.put("encrypted", s.encrypt());
    return m;
  }

  private static SimResponse ok(Object result) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("result", result);
    body.put("meta", meta(200));
    return SimResponse.json(200, body);
  }

  /** Qualtrics' error shape: {@code {"meta":{"httpStatus":"401 - Unauthorized","error":{...},"requestId":...}}}. */
  static SimResponse error(int status, String message) {
    Map<String, Object> meta = meta(status);
    meta.put("error", Map.of("errorMessage", message, "errorCode", switch (status) {
      case 400 -> "RP_0.1";
      case 401 -> "AUTH_6.0";
      case 403 -> "AUTH_5.0";
      case 404 -> "GS_1.1";
      case 429 -> "REQ_0.1";
      default -> "SYS_0.1";
    }));
    return SimResponse.json(status, Map.of("meta", meta));
  }

  private static Map<String, Object> meta(int status) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("httpStatus", status + " - " + switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 429 -> "Too Many Requests";
      case 503 -> "Service Unavailable";
      default -> "Internal Server Error";
    });
    meta.put("requestId", UUID.randomUUID().toString());
    return meta;
  }

  private synchronized String randomId(int length) {
    return QualtricsResponses.alnum(ids, length);
  }

  private static String form(Map<String, String> fields) {
    StringBuilder s = new StringBuilder();
    fields.forEach((k, v) -> s.append(s.length() == 0 ? "" : "&").append(k).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return s.toString();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
