package com.example.cxhub.zendesk.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxhub.simulator.http.AccessTokens;
import io.cxhub.simulator.http.SimRequest;
import io.cxhub.simulator.http.SimResponse;
import io.cxhub.simulator.http.SimServer;
import io.cxhub.simulator.people.People;
import io.cxhub.simulator.people.Person;
import io.cxhub.simulator.people.Rendering;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A stand-in for a Zendesk Support account, on loopback, built on the shared {@link SimServer}:
 * <ul>
 *   <li>{@code GET /api/v2/incremental/tickets/cursor.json} — the cursor-based Incremental Ticket
 *       Export: {@code start_time} (Unix seconds, compared with a ticket's
 *       {@code generated_timestamp}) or {@code cursor}, {@code per_page} (at most 1000),
 *       {@code include=users} side-loading the users the page refers to; answers
 *       {@code {tickets, users, after_url, after_cursor, before_url, before_cursor, end_of_stream}},
 *       tickets ordered by {@code (generated_timestamp, id)};</li>
 *   <li>{@code GET /api/v2/users/me.json} — the authenticated agent (never faulted).</li>
 * </ul>
 * Authentication as Zendesk does it: Basic {@code {email}/token:{api_token}} or an OAuth Bearer
 * token ({@link #oauthToken()}); anything else is {@code 401 {"error":"Couldn't authenticate you"}}.
 * Errors use Zendesk's shapes ({@code {"error": "...", "description": "..."}}); 429 comes with
 * {@code Retry-After} in seconds (through {@link SimServer#faults()}).
 *
 * <p>Requesters are persons 0..3999 of {@link People#DEFAULT_SEED}'s population with their
 * Zendesk rendering of e-mail and phone, so their tickets join the customers of the other systems.
 * The account has its own clock, starting at {@link #ANCHOR}: it moves only when {@link #tick()}
 * changes tickets, which keeps reads reproducible. Unlike the real API it does not hold back the
 * tickets of the last minute. Thread-safe.
 */
public final class ZendeskSimulator implements AutoCloseable {

  public static final String EMAIL = "api-agent@acme-support.example";
  public static final String API_TOKEN = "sim-zendesk-api-token-6c1f2a";
  public static final Instant ANCHOR = Instant.parse("2026-01-01T00:00:00Z");
  public static final int REQUESTERS = 4000;

  static final String EXPORT_PATH = "/api/v2/incremental/tickets/cursor.json";
  static final int MAX_PER_PAGE = 1000;
  static final long REQUESTER_ID_BASE = 361_000_000_000L;
  static final long AGENT_ID_BASE = 362_000_000_000L;
  static final int AGENTS = 6;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> STATUSES = List.of("new", "open", "pending", "hold", "solved", "closed");
  private static final List<String> PRIORITIES = List.of("low", "normal", "normal", "normal", "high", "urgent");
  private static final List<String> TYPES = List.of("question", "incident", "problem", "task");
  private static final List<String> CHANNELS = List.of("email", "email", "web", "web", "api", "chat", "voice", "mobile");
  private static final List<String> TOPICS = List.of("Refund not received", "Cannot log in", "Invoice shows the wrong amount",
      "Cancel my subscription", "Delivery is late", "App crashes on start", "Change of address",
      "Charged twice this month", "How do I export my data?", "Password reset e-mail never arrives");
  private static final List<String> TAGS = List.of("billing", "refund", "login", "delivery", "vip", "mobile", "churn_risk");
  private static final long FIELD_PRODUCT = 360_001_234_567L;
  private static final long FIELD_ORDER = 360_001_234_568L;
  private static final long FIELD_CALLBACK = 360_001_234_569L;

  private record Key(long generatedTimestamp, long id) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = Long.compare(generatedTimestamp, o.generatedTimestamp);
      return c != 0 ? c : Long.compare(id, o.id);
    }
  }

  private final SimServer server;
  private final People people = new People(People.DEFAULT_SEED);
  private final Random random;
  private final AccessTokens tokens = new AccessTokens(Duration.ofHours(2));
  private final Map<Long, ObjectNode> tickets = new LinkedHashMap<>();
  private final NavigableMap<Key, Long> order = new TreeMap<>();
  private final Map<Long, Integer> requesterOf = new LinkedHashMap<>();
  private long nextTicketId = 1;
  private Instant now = ANCHOR;

  /** Starts on a free port with {@code initialTickets} tickets, all derived from {@code seed}. */
  public ZendeskSimulator(int initialTickets, long seed) {
    this(initialTickets, seed, 0);
  }

  public ZendeskSimulator(int initialTickets, long seed, int port) {
    this.random = new Random(seed);
    for (int i = 0; i < initialTickets; i++) {
      Instant created = ANCHOR.minusSeconds(60 + random.nextInt(180 * 24 * 3600));
      Instant updated = created.plusSeconds(random.nextInt(10 * 24 * 3600));
      createTicket(created, updated.isAfter(ANCHOR) ? ANCHOR : updated);
    }
    this.server = SimServer.start("zendesk", port)
        .errorBody(ZendeskSimulator::errorBody)
        .route("GET", EXPORT_PATH, this::export)
        .steadyRoute("GET", "/api/v2/users/me.json", this::me);
  }

  /** Base URL of the account, what the connector's {@code baseUrl} option takes. */
  public String baseUrl() {
    return server.baseUri().toString();
  }

  public SimServer server() {
    return server;
  }

  /** A fresh OAuth access token the account accepts, as after an authorization-code grant. */
  public String oauthToken() {
    return tokens.issue();
  }

  /** Ids of every ticket in the account. */
  public synchronized Set<String> ticketIds() {
    Set<String> ids = new LinkedHashSet<>();
    tickets.keySet().forEach(id -> ids.add(String.valueOf(id)));
    return ids;
  }

  /** A copy of one ticket as the export shows it. */
  public synchronized Optional<ObjectNode> ticket(long id) {
    return Optional.ofNullable(tickets.get(id)).map(ObjectNode::deepCopy);
  }

  /** The e-mail the account holds for the requester of a ticket (may be null or messy). */
  public synchronized String requesterEmail(long ticketId) {
    Person p = people.person(requesterOf.get(ticketId));
    return people.rendering(p, "zendesk").email();
  }

  /**
   * Moves the account's clock on: agents work some tickets along (new, open, pending, solved,
   * closed) and customers open new ones. Returns the ids of the tickets changed or created.
   */
  public synchronized Set<String> tick() {
    Set<String> changed = new LinkedHashSet<>();
    int updates = Math.max(2, tickets.size() / 40);
    List<Long> ids = new ArrayList<>(tickets.keySet());
    for (int i = 0; i < updates && !ids.isEmpty(); i++) {
      long id = ids.get(random.nextInt(ids.size()));
      ObjectNode t = tickets.get(id);
      if (t.path("status").asText().equals("closed")) {
        continue; // closed tickets are final in Zendesk
      }
      advance();
      order.remove(key(t));
      t.put("status", nextStatus(t.path("status").asText()));
      if (t.path("assignee_id").isNull()) {
        t.put("assignee_id", AGENT_ID_BASE + 1 + random.nextInt(AGENTS));
      }
      if (random.nextInt(4) == 0) {
        t.put("priority", PRIORITIES.get(random.nextInt(PRIORITIES.size())));
      }
      stamp(t, now);
      order.put(key(t), id);
      changed.add(String.valueOf(id));
    }
    int creations = Math.max(1, tickets.size() / 100);
    for (int i = 0; i < creations; i++) {
      advance();
      changed.add(String.valueOf(createTicket(now, now)));
    }
    return changed;
  }

  @Override
  public void close() {
    server.close();
  }

  // ---- the API -------------------------------------------------------------------------------

  private SimResponse export(SimRequest request) {
    if (!authenticated(request)) {
      return server.error(401, "Couldn't authenticate you");
    }
    int perPage = request.param("per_page").map(ZendeskSimulator::integer).orElse(MAX_PER_PAGE);
    if (perPage < 1 || perPage > MAX_PER_PAGE) {
      throw new SimRequest.BadRequest("per_page must be between 1 and " + MAX_PER_PAGE);
    }
    boolean includeUsers = request.param("include").map(v -> List.of(v.split(",")).contains("users")).orElse(false);
    synchronized (this) {
      NavigableMap<Key, Long> rest;
      Key requested;
      if (request.param("cursor").isPresent()) {
        requested = decode(request.param("cursor").get());
        rest = order.tailMap(requested, false);
      } else if (request.param("start_time").isPresent()) {
        long start = request.param("start_time").map(ZendeskSimulator::unixTime).orElseThrow();
        requested = new Key(start, 0);
        rest = order.tailMap(requested, true);
      } else {
        throw new SimRequest.BadRequest("start_time or cursor is required");
      }
      ArrayNode page = JSON.createArrayNode();
      Set<Long> userIds = new LinkedHashSet<>();
      Key first = null;
      Key last = null;
      for (Map.Entry<Key, Long> e : rest.entrySet()) {
        if (page.size() == perPage) {
          break;
        }
        ObjectNode t = tickets.get(e.getValue());
        page.add(t.deepCopy());
        userIds.add(t.path("requester_id").asLong());
        userIds.add(t.path("submitter_id").asLong());
        if (t.hasNonNull("assignee_id")) {
          userIds.add(t.path("assignee_id").asLong());
        }
        first = first == null ? e.getKey() : first;
        last = e.getKey();
      }
      String after = encode(last != null ? last : requested);
      ObjectNode body = JSON.createObjectNode();
      body.set("tickets", page);
      if (includeUsers) {
        ArrayNode users = body.putArray("users");
        userIds.forEach(id -> users.add(user(id)));
      }
      body.put("after_url", baseUrl() + EXPORT_PATH + "?cursor=" + after);
      body.put("after_cursor", after);
      if (first != null) {
        body.put("before_url", baseUrl() + EXPORT_PATH + "?cursor=" + encode(first));
        body.put("before_cursor", encode(first));
      } else {
        body.putNull("before_url");
        body.putNull("before_cursor");
      }
      body.put("end_of_stream", last == null || order.higherKey(last) == null);
      return SimResponse.json(200, body);
    }
  }

  private SimResponse me(SimRequest request) {
    if (!authenticated(request)) {
      return server.error(401, "Couldn't authenticate you");
    }
    return SimResponse.json(200, Map.of("user", user(AGENT_ID_BASE + 1)));
  }

  private boolean authenticated(SimRequest request) {
    if (tokens.valid(request)) {
      return true;
    }
    String expected = "Basic " + Base64.getEncoder()
        .encodeToString((EMAIL + "/token:" + API_TOKEN).getBytes(StandardCharsets.UTF_8));
    return request.header("authorization").map(expected::equals).orElse(false);
  }

  /** Zendesk's error bodies: a bare error for 401, error and description otherwise. */
  static SimResponse errorBody(int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    switch (status) {
      case 401 -> body.put("error", "Couldn't authenticate you");
      case 403 -> {
        body.put("error", "Forbidden");
        body.put("description", "You do not have access to this page. Please contact the account owner of this help "
            + "desk for further help.");
      }
      case 404 -> {
        body.put("error", "InvalidEndpoint");
        body.put("description", "Not found");
      }
      case 429 -> {
        body.put("error", "APIRateLimitExceeded");
        body.put("description", "Number of allowed incremental export API requests per minute exceeded");
      }
      case 400 -> {
        body.put("error", "InvalidValue");
        body.put("description", message);
      }
      default -> {
        body.put("error", "InternalError");
        body.put("description", message);
      }
    }
    return SimResponse.json(status, body);
  }

  // ---- data ----------------------------------------------------------------------------------

  private long createTicket(Instant created, Instant updated) {
    long id = nextTicketId++;
    int person = random.nextInt(REQUESTERS);
    requesterOf.put(id, person);
    long requester = REQUESTER_ID_BASE + person;
    String channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
    String topic = TOPICS.get(random.nextInt(TOPICS.size()));
    String status = created.equals(updated) ? "new" : STATUSES.get(random.nextInt(STATUSES.size()));
    ObjectNode t = JSON.createObjectNode();
    t.put("url", "https://acme-support.zendesk.com/api/v2/tickets/" + id + ".json");
    t.put("id", id);
    if (random.nextInt(10) == 0) {
      t.put("external_id", "ord-" + (100_000 + random.nextInt(900_000)));
    } else {
      t.putNull("external_id");
    }
    ObjectNode via = t.putObject("via");
    via.put("channel", channel);
    ObjectNode source = via.putObject("source");
    ObjectNode from = source.putObject("from");
    ObjectNode to = source.putObject("to");
    if (channel.equals("email")) {
      Rendering r = people.rendering(people.person(person), "zendesk");
      from.put("address", r.email() == null ? null : r.email().trim());
      from.put("name", people.person(person).firstName() + " " + people.person(person).lastName());
      to.put("address", "support@acme-support.example");
      to.put("name", "Acme Support");
    }
    source.putNull("rel");
    t.put("created_at", iso(created));
    t.put("type", random.nextInt(5) == 0 ? null : TYPES.get(random.nextInt(TYPES.size())));
    t.put("subject", topic);
    t.put("raw_subject", topic);
    t.put("description", topic + ". Ticket opened via " + channel + ".");
    t.put("priority", random.nextInt(6) == 0 ? null : PRIORITIES.get(random.nextInt(PRIORITIES.size())));
    t.put("status", status);
    t.put("recipient", channel.equals("email") ? "support@acme-support.example" : null);
    t.put("requester_id", requester);
    t.put("submitter_id", requester);
    if (status.equals("new")) {
      t.putNull("assignee_id");
    } else {
      t.put("assignee_id", AGENT_ID_BASE + 1 + random.nextInt(AGENTS));
    }
    if (random.nextInt(3) == 0) {
      t.put("organization_id", 363_000_000_000L + random.nextInt(200));
    } else {
      t.putNull("organization_id");
    }
    t.put("group_id", 364_000_000_001L + random.nextInt(3));
    t.putArray("collaborator_ids");
    t.putArray("follower_ids");
    t.putArray("email_cc_ids");
    t.putNull("forum_topic_id");
    t.putNull("problem_id");
    t.put("has_incidents", false);
    t.put("is_public", true);
    t.putNull("due_at");
    ArrayNode tags = t.putArray("tags");
    tags.add(TAGS.get(random.nextInt(TAGS.size())));
    if (random.nextBoolean()) {
      tags.add(TAGS.get(random.nextInt(TAGS.size())));
    }
    ArrayNode custom = t.putArray("custom_fields");
    custom.addObject().put("id", FIELD_PRODUCT).put("value", List.of("plan_basic", "plan_pro", "plan_team")
        .get(random.nextInt(3)));
    ObjectNode orderField = custom.addObject().put("id", FIELD_ORDER);
    if (random.nextBoolean()) {
      orderField.put("value", String.valueOf(100_000 + random.nextInt(900_000)));
    } else {
      orderField.putNull("value");
    }
    custom.addObject().put("id", FIELD_CALLBACK).put("value", random.nextInt(4) == 0);
    ObjectNode rating = t.putObject("satisfaction_rating");
    rating.put("score", "unoffered");
    t.putArray("sharing_agreement_ids");
    t.set("fields", custom.deepCopy());
    t.putArray("followup_ids");
    t.put("ticket_form_id", 360_000_111_222L);
    t.put("brand_id", 360_000_333_444L);
    t.put("allow_channelback", false);
    t.put("allow_attachments", true);
    t.put("from_messaging_channel", channel.equals("chat"));
    stamp(t, updated);
    tickets.put(id, t);
    order.put(key(t), id);
    return id;
  }

  private void stamp(ObjectNode t, Instant updated) {
    t.put("updated_at", iso(updated));
    t.put("generated_timestamp", updated.getEpochSecond());
    String status = t.path("status").asText();
    ObjectNode rating = (ObjectNode) t.get("satisfaction_rating");
    if ((status.equals("solved") || status.equals("closed")) && rating.path("score").asText().equals("unoffered")) {
      rating.put("score", "offered");
    }
  }

  private ObjectNode user(long id) {
    ObjectNode u = JSON.createObjectNode();
    u.put("id", id);
    u.put("url", "https://acme-support.zendesk.com/api/v2/users/" + id + ".json");
    if (id >= AGENT_ID_BASE) {
      int n = (int) (id - AGENT_ID_BASE);
      u.put("name", n == 1 ? "API Agent" : "Agent " + n);
      u.put("email", n == 1 ? EMAIL : "agent" + n + "@acme-support.example");
      u.putNull("phone");
      u.put("role", n == 1 ? "admin" : "agent");
    } else {
      Person p = people.person((int) (id - REQUESTER_ID_BASE));
      Rendering r = people.rendering(p, "zendesk");
      u.put("name", p.firstName() + " " + p.lastName());
      u.put("email", r.email());
      u.put("phone", r.phone());
      u.put("role", "end-user");
    }
    u.put("locale", "en-US");
    u.put("time_zone", "Eastern Time (US & Canada)");
    u.put("active", true);
    u.put("verified", true);
    u.put("created_at", "2024-03-01T10:00:00Z");
    u.put("updated_at", "2025-06-01T10:00:00Z");
    return u;
  }

  private String nextStatus(String status) {
    return switch (status) {
      case "new" -> "open";
      case "open" -> random.nextInt(5) == 0 ? "hold" : random.nextBoolean() ? "pending" : "solved";
      case "pending", "hold" -> random.nextBoolean() ? "open" : "solved";
      case "solved" -> random.nextInt(3) == 0 ? "open" : "closed";
      default -> status;
    };
  }

  /** The account's clock moves on by 1 to 30 seconds per change, so every change gets a later timestamp. */
  private void advance() {
    now = now.plusSeconds(1 + random.nextInt(30));
  }

  private static Key key(ObjectNode t) {
    return new Key(t.path("generated_timestamp").asLong(), t.path("id").asLong());
  }

  private static String iso(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Opaque to clients, like Zendesk's: base64 of {@code <generated_timestamp>.0||<id>|}. */
  private static String encode(Key key) {
    return Base64.getEncoder().encodeToString((key.generatedTimestamp() + ".0||" + key.id() + "|")
        .getBytes(StandardCharsets.UTF_8));
  }

  private static Key decode(String cursor) {
    try {
      String text = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = text.split("\\|\\|");
      return new Key((long) Double.parseDouble(parts[0]), Long.parseLong(parts[1].replace("|", "")));
    } catch (RuntimeException e) {
      throw new SimRequest.BadRequest("cursor is invalid");
    }
  }

  private static long unixTime(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new SimRequest.BadRequest("start_time '" + value + "' is not a Unix time in seconds");
    }
  }

  private static int integer(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new SimRequest.BadRequest("'" + value + "' is not an integer");
    }
  }
}
