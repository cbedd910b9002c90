package io.cxhub.simulator.genesys;

import io.cxhub.simulator.ChangeLoop;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxhub.simulator.http.AccessTokens;
import io.cxhub.simulator.http.SimRequest;
import io.cxhub.simulator.http.SimResponse;
import io.cxhub.simulator.http.SimServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for Genesys Cloud (CCaaS) on loopback: the OAuth client-credentials login
 * ({@code POST /oauth/token}, client id and secret in HTTP Basic auth), the analytics conversation
 * details query ({@code POST /api/v2/analytics/conversations/details/query}: conversations that
 * started in an ISO-8601 interval of at most 31 days, ordered by conversationStart, paged by
 * pageSize/pageNumber, with totalHits), and the queue and wrap-up code lists. Errors come in
 * Genesys' shape ({@code message, code, status, contextId, details, errors}).
 *
 * <p>The seeded history (~30 days) has conversations still going on; {@link #tick()} (or a
 * background {@link #startChanging(Duration)}) ends due ones and starts new ones, so an incremental
 * reader must catch a conversation's end after having seen it ongoing. Login and API share one
 * server here; in Genesys they are different hosts ({@code login.mypurecloud.com},
 * {@code api.mypurecloud.com}).
 */
public final class GenesysSimulator implements AutoCloseable {

  public static final String ANI_WITHOUT_TEL_PREFIX = "ani_without_tel_prefix";
  public static final String EPOCH_MILLIS_TIMES = "epoch_millis_times";
  public static final String RENAME_WRAPUP = "rename_wrapup";

  static final String QUERY_PATH = "/api/v2/analytics/conversations/details/query";
  static final int MAX_PAGE_SIZE = 100;
  static final Duration MAX_INTERVAL = Duration.ofDays(31);

  private static final Logger log = LoggerFactory.getLogger(GenesysSimulator.class);
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final GenesysOptions options;
  private final ConversationStore store;
  private final AccessTokens tokens;
  private final SimServer server;
  private final Random changes;
  private final ChangeLoop changeLoop = new ChangeLoop("genesys-simulator");

  private GenesysSimulator(GenesysOptions options, int port) {
    this.options = options;
    this.store = new ConversationStore(options);
    this.changes = new Random(options.seed() * 31 + 7);
    this.tokens = new AccessTokens(options.tokenLifetime()).client(options.clientId(), options.clientSecret());
    this.server = SimServer.start("genesys", port)
        .errorBody(GenesysSimulator::error)
        .formatChange(ANI_WITHOUT_TEL_PREFIX, "session ani/dnis as bare numbers (+15551234567) instead of tel: URIs")
        .formatChange(EPOCH_MILLIS_TIMES, "segmentStart/segmentEnd as epoch milliseconds instead of ISO-8601 strings")
        .formatChange(RENAME_WRAPUP, "segment wrapUpCode/wrapUpNote renamed to wrapupCode/wrapupNote")
        .steadyRoute("POST", "/oauth/token", this::token)
        .route("POST", QUERY_PATH, this::query)
        .route("GET", "/api/v2/routing/queues", r -> list(r, Directory.QUEUES.stream()
            .map(q -> (Object) Map.of("id", q.id(), "name", q.name(), "mediaSettings", Map.of())).toList()))
        .route("GET", "/api/v2/routing/wrapupcodes", r -> list(r, Directory.WRAP_UPS.stream()
            .map(w -> (Object) Map.of("id", w.id(), "name", w.name())).toList()));
  }

  /** Seeds the history and starts serving on {@code port} (0 for a free one). */
  public static GenesysSimulator start(GenesysOptions options, int port) {
    GenesysSimulator sim = new GenesysSimulator(options, port);
    log.info("genesys simulator: {} conversations over {} days, {} ongoing", sim.store.size(),
        options.history().toDays(), sim.store.ongoingIds().size());
    return sim;
  }

  public static GenesysSimulator start() {
    return start(GenesysOptions.defaults(), 0);
  }

  /** Base URL of the API, e.g. {@code http://127.0.0.1:PORT} (Genesys: https://api.mypurecloud.com). */
  public URI apiUri() {
    return server.baseUri();
  }

  /** Base URL of the login service (Genesys: https://login.mypurecloud.com); the same server here. */
  public URI loginUri() {
    return server.baseUri();
  }

  public String clientId() {
    return options.clientId();
  }

  public String clientSecret() {
    return options.clientSecret();
  }

  public SimServer server() {
    return server;
  }

  public AccessTokens tokens() {
    return tokens;
  }

  public void setFormat(String change, boolean on) {
    server.setFormat(change, on);
  }

  /** Every conversation id. */
  public Set<String> conversationIds() {
    return store.ids();
  }

  public Set<String> ongoingIds() {
    return store.ongoingIds();
  }

  /** A conversation as the details query shows it now, or null. */
  public JsonNode conversation(String id) {
    SimConversation c = store.get(id);
    return c == null ? null : renderer().render(c);
  }

  /**
   * The population index of the conversation's customer: the ground truth tests check the hub's
   * identity joins against. Empty for callers who are nobody of the population (unknown and
   * withheld numbers, guest chats and visitors' e-mails).
   *
   * @throws IllegalArgumentException when there is no conversation {@code id}
   */
  public OptionalInt person(String id) {
    SimConversation c = store.get(id);
    if (c == null) {
      throw new IllegalArgumentException("no conversation " + id);
    }
    return c.person < 0 ? OptionalInt.empty() : OptionalInt.of(c.person);
  }

  /** One round of changes: due conversations end, 1 to 4 new ones start. */
  public TickReport tick() {
    return tick(1 + changes.nextInt(4), 0);
  }

  /** Starts {@code added} conversations now and ends due ones plus at least {@code minFinished} ongoing ones. */
  public TickReport tick(int added, int minFinished) {
    return store.tick(Instant.now().truncatedTo(ChronoUnit.MILLIS), added, minFinished);
  }

  /** Applies {@link #tick()} every {@code period} on a daemon thread until {@link #close()}. */
  public void startChanging(Duration period) {
    changeLoop.start(period, this::tick);
  }

  @Override
  public void close() {
    changeLoop.stop();
    server.close();
  }

  private ConversationJson renderer() {
    return new ConversationJson(new ConversationJson.Format(server.formatOn(ANI_WITHOUT_TEL_PREFIX),
        server.formatOn(EPOCH_MILLIS_TIMES), server.formatOn(RENAME_WRAPUP)));
  }

  // ---- endpoints

  private SimResponse token(SimRequest request) {
    String[] client = basic(request);
    if (client == null || !tokens.knows(client[0], client[1])) {
      return SimResponse.json(401, Map.of("error", "invalid_client", "description", "client not found",
          "error_description", "client not found"));
    }
    String grant = request.form().get("grant_type");
    if (!"client_credentials".equals(grant)) {
      return SimResponse.json(400, Map.of("error", "unsupported_grant_type", "description",
          "grant type " + grant + " is not supported", "error_description", "grant type " + grant + " is not supported"));
    }
    return SimResponse.json(200, Map.of("access_token", tokens.issue(), "token_type", "bearer",
        "expires_in", tokens.lifetime().toSeconds()));
  }

  private SimResponse query(SimRequest request) {
    SimResponse denied = authorize(request);
    if (denied != null) {
      return denied;
    }
    JsonNode q = request.json();
    String interval = q.path("interval").asText("");
    if (interval.isEmpty()) {
      return error(400, "Query must specify an interval.");
    }
    Instant[] range = interval(interval);
    int pageSize = q.path("paging").path("pageSize").asInt(25);
    int pageNumber = q.path("paging").path("pageNumber").asInt(1);
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      return error(400, "paging.pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
    }
    if (pageNumber < 1) {
      return error(400, "paging.pageNumber must be at least 1, was " + pageNumber);
    }
    String orderBy = q.path("orderBy").asText("conversationStart");
    if (!orderBy.equals("conversationStart")) {
      return error(400, "orderBy " + orderBy + " is not supported by this simulator; use conversationStart");
    }
    List<SimConversation> matches = new ArrayList<>();
    for (SimConversation c : store.startedIn(range[0], range[1])) {
      if (matches(q.path("conversationFilters"), c)) {
        matches.add(c);
      }
    }
    if (q.path("order").asText("asc").equalsIgnoreCase("desc")) {
      java.util.Collections.reverse(matches);
    }
    ConversationJson json = renderer();
    ObjectNode out = F.objectNode();
    int from = (pageNumber - 1) * pageSize;
    if (from < matches.size()) {
      ArrayNode conversations = out.putArray("conversations");
      for (SimConversation c : matches.subList(from, Math.min(matches.size(), from + pageSize))) {
        conversations.add(json.render(c));
      }
    }
    out.put("totalHits", matches.size());
    return SimResponse.json(200, out);
  }

  /** Supports predicates on conversationId (matches) and conversationEnd (exists / notExists). */
  private static boolean matches(JsonNode filters, SimConversation c) {
    for (JsonNode filter : filters) {
      boolean or = filter.path("type").asText("and").equalsIgnoreCase("or");
      boolean any = false;
      boolean all = true;
      for (JsonNode p : filter.path("predicates")) {
        String dimension = p.path("dimension").asText();
        String operator = p.path("operator").asText("matches");
        boolean hit = switch (dimension) {
          case "conversationId" -> c.id.equals(p.path("value").asText());
          case "conversationEnd" -> operator.equals("notExists") ? c.end == null : c.end != null;
          default -> throw new SimRequest.BadRequest("dimension " + dimension + " is not supported by this simulator");
        };
        any |= hit;
        all &= hit;
      }
      if (!(or ? any : all)) {
        return false;
      }
    }
    return true;
  }

  private static Instant[] interval(String text) {
    String[] parts = text.split("/");
    if (parts.length != 2) {
      throw new SimRequest.BadRequest("Invalid interval '" + text + "': expected <ISO-8601 start>/<ISO-8601 end>");
    }
    try {
      Instant start = OffsetDateTime.parse(parts[0]).toInstant();
      Instant end = OffsetDateTime.parse(parts[1]).toInstant();
      if (!end.isAfter(start)) {
        throw new SimRequest.BadRequest("Invalid interval '" + text + "': the end must be after the start");
      }
      if (Duration.between(start, end).compareTo(MAX_INTERVAL) > 0) {
        throw new SimRequest.BadRequest("Invalid interval '" + text + "': the interval must not exceed 31 days");
      }
      return new Instant[] {start, end};
    } catch (DateTimeParseException e) {
      throw new SimRequest.BadRequest("Invalid interval '" + text + "': " + e.getMessage());
    }
  }

  private SimResponse list(SimRequest request, List<Object> entities) {
    SimResponse denied = authorize(request);
    if (denied != null) {
      return denied;
    }
    int pageSize = Integer.parseInt(request.param("pageSize").orElse("25"));
    int pageNumber = Integer.parseInt(request.param("pageNumber").orElse("1"));
    int from = Math.min(entities.size(), (pageNumber - 1) * pageSize);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("entities", entities.subList(from, Math.min(entities.size(), from + pageSize)));
    out.put("pageSize", pageSize);
    out.put("pageNumber", pageNumber);
    out.put("total", entities.size());
    out.put("pageCount", (entities.size() + pageSize - 1) / pageSize);
    return SimResponse.json(200, out);
  }

  private SimResponse authorize(SimRequest request) {
    if (request.bearer().isEmpty()) {
      return genesysError(401, "authentication.required", "No authentication bearer token specified in authorization header.");
    }
    if (!tokens.valid(request)) {
      return genesysError(401, "bad.credentials", "Invalid login credentials.");
    }
    return null;
  }

  private static String[] basic(SimRequest request) {
    String header = request.header("authorization").orElse("");
    if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static SimResponse error(int status, String message) {
    String code = switch (status) {
      case 400 -> "bad.request";
      case 401 -> "bad.credentials";
      case 403 -> "missing.permissions";
      case 404 -> "not.found";
      case 429 -> "too.many.requests";
      case 503 -> "service.unavailable";
      default -> status >= 500 ? "internal.server.error" : "bad.request";
    };
    if (status == 429) {
      message = "Rate limit exceeded the maximum. Retry the request later.";
    }
    return genesysError(status, code, message);
  }

  private static SimResponse genesysError(int status, String code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", message);
    body.put("code", code);
    body.put("status", status);
    body.put("contextId", UUID.randomUUID().toString());
    body.put("details", List.of());
    body.put("errors", List.of());
    return SimResponse.json(status, body);
  }
}
