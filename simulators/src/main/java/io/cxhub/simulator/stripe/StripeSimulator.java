package io.cxhub.simulator.stripe;

import io.cxhub.simulator.ChangeLoop;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxhub.simulator.http.Faults;
import io.cxhub.simulator.http.SimRequest;
import io.cxhub.simulator.http.SimResponse;
import io.cxhub.simulator.http.SimServer;
import io.cxhub.simulator.people.People;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for the Stripe API (v1) on loopback, in Stripe's shapes: secret-key auth (Bearer, or
 * HTTP Basic with the key as user name), the list endpoints of customers, invoices, charges,
 * subscriptions and events with cursor paging ({@code limit}, {@code starting_after},
 * {@code ending_before}, newest first, {@code has_more}) and {@code created[gt|gte|lt|lte]}
 * filters, retrieve by id, Stripe's error bodies ({@code {"error":{"type":...,"message":...}}}, 429
 * {@code rate_limit_error} with {@code Stripe-Should-Retry}) and signed webhook deliveries
 * ({@code Stripe-Signature: t=...,v1=...}) to an endpoint configured with {@link #webhook}.
 *
 * <p>Seeded from {@link StripeOptions}: customers are persons of the shared {@link People}
 * population (by default 2000..3999). {@link #tick()} applies one round of live changes (new
 * invoices, payments succeeding and failing, cancellations, e-mail changes), each an event, and
 * delivers the new events to the webhook endpoint. Thread-safe.
 */
public final class StripeSimulator implements AutoCloseable {

  /** The lists a connector reads, by their URL name. */
  public static final List<String> LISTS = List.of("customers", "invoices", "charges", "subscriptions");

  private static final Logger log = LoggerFactory.getLogger(StripeSimulator.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> KIND_OF_LIST = Map.of("customers", "customer", "invoices", "invoice",
      "charges", "charge", "subscriptions", "subscription", "events", "event");

  /** One webhook delivery attempt and what the endpoint answered (-1: not reachable). */
  public record Delivery(String eventId, String type, int status) {}

  private final StripeOptions options;
  private final StripeAccount account;
  private final SimServer server;
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private volatile URI webhookUrl;
  private volatile String webhookSecret;
  private final ChangeLoop changeLoop = new ChangeLoop("stripe-simulator");

  private StripeSimulator(StripeOptions options, int port, Clock clock) {
    this.options = options;
    this.account = new StripeAccount(options, clock);
    long t0 = System.nanoTime();
    account.seed();
    log.info("seeded the Stripe simulator: {} in {} ms", counts(), (System.nanoTime() - t0) / 1_000_000);
    this.server = SimServer.start("stripe", port).errorBody(StripeSimulator::error);
    StripeFormats.declared().forEach(f -> server.formatChange(f[0], f[1]));
    for (String list : KIND_OF_LIST.keySet()) {
      server.route("GET", "/v1/" + list, r -> list(list, r));
      server.route("GET", "/v1/" + list + "/{id}", r -> retrieve(list, r));
    }
  }

  /** Seeds and starts serving on {@code port} (0: a free one). */
  public static StripeSimulator start(StripeOptions options, int port) {
    return new StripeSimulator(options, port, Clock.systemUTC());
  }

  public static StripeSimulator start(StripeOptions options) {
    return start(options, 0);
  }

  public URI baseUri() {
    return server.baseUri();
  }

  public String apiKey() {
    return options.apiKey();
  }

  public StripeOptions options() {
    return options;
  }

  public Faults faults() {
    return server.faults();
  }

  /** The HTTP server, for format changes ({@link SimServer#setFormat}) and request counts. */
  public SimServer server() {
    return server;
  }

  /** Where {@link #tick()} POSTs the events it creates, signed with {@code secret}; null stops it. */
  public void webhook(URI url, String secret) {
    this.webhookUrl = url;
    this.webhookSecret = secret;
  }

  public List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /** The ids of every object per list: what a full read must return. */
  public synchronized Map<String, Set<String>> contents() {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (String list : LISTS) {
      Set<String> ids = new LinkedHashSet<>();
      account.store().all(KIND_OF_LIST.get(list)).forEach(o -> ids.add(o.path("id").asText()));
      out.put(list, ids);
    }
    return out;
  }

  /** Object counts per list, and events. */
  public synchronized Map<String, Integer> counts() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String list : List.of("customers", "invoices", "charges", "subscriptions", "events")) {
      out.put(list, account.store().count(KIND_OF_LIST.get(list)));
    }
    return out;
  }

  /** The newest event's id, if any. */
  public synchronized Optional<String> lastEventId() {
    List<ObjectNode> events = account.store().all("event");
    return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1).path("id").asText());
  }

  /**
   * One round of live changes (a handful of them), each recorded as events, which are then POSTed
   * to the webhook endpoint if one is configured.
   *
   * @return the ids changed per list
   */
  public Map<String, Set<String>> tick() {
    return tick(5);
  }

  public Map<String, Set<String>> tick(int changes) {
    List<ObjectNode> fresh;
    Map<String, Set<String>> changed;
    Set<String> formats = formatsOn();
    synchronized (this) {
      int before = account.store().count("event");
      changed = account.tick(changes);
      List<ObjectNode> events = account.store().all("event");
      fresh = new ArrayList<>();
      for (ObjectNode e : events.subList(before, events.size())) {
        fresh.add(render(e, formats));
      }
    }
    deliver(fresh);
    return changed;
  }

  /** Applies a round of changes every {@code period} on a daemon thread; no-op when running. */
  public void startChanging(Duration period) {
    changeLoop.start(period, () -> tick(3));
  }

  public void stop() {
    changeLoop.stop();
  }

  @Override
  public void close() {
    stop();
    server.close();
  }

  /**
   * The {@code Stripe-Signature} header value Stripe sends with {@code body} at unix time
   * {@code timestamp}: {@code t=<timestamp>,v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}.
   */
  public static String signatureHeader(String secret, long timestamp, String body) {
    return "t=" + timestamp + ",v1=" + hmacHex(secret, timestamp + "." + body);
  }

  public static String hmacHex(String secret, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  // ---------------------------------------------------------------- HTTP

  private SimResponse list(String list, SimRequest r) {
    Optional<SimResponse> denied = authenticate(r);
    if (denied.isPresent()) {
      return denied.get();
    }
    int limit = intParam(r, "limit", 10);
    if (limit < 1 || limit > 100) {
      return error(400, "Invalid integer: limit must be between 1 and 100, was " + limit);
    }
    String startingAfter = r.param("starting_after").filter(s -> !s.isEmpty()).orElse(null);
    String endingBefore = r.param("ending_before").filter(s -> !s.isEmpty()).orElse(null);
    if (startingAfter != null && endingBefore != null) {
      return error(400, "Received both starting_after and ending_before parameters. Please pass in only one.");
    }
    Predicate<ObjectNode> filter = createdFilter(r);
    Optional<String> customer = r.param("customer");
    if (customer.isPresent()) {
      filter = filter.and(o -> o.path("customer").asText().equals(customer.get()));
    }
    if (list.equals("subscriptions")) {
      String status = r.param("status").orElse(null);
      if (status == null) { // Stripe leaves canceled subscriptions out unless asked for them
        filter = filter.and(o -> !o.path("status").asText().equals("canceled"));
      } else if (!status.equals("all")) {
        filter = filter.and(o -> o.path("status").asText().equals(status));
      }
    }
    if (list.equals("customers") && r.param("email").isPresent()) {
      String email = r.param("email").get();
      filter = filter.and(o -> o.path("email").asText().equals(email));
    }
    if (list.equals("events")) {
      Set<String> types = new LinkedHashSet<>();
      r.query().forEach((k, v) -> {
        if (k.equals("type") || k.startsWith("types[")) {
          types.add(v);
        }
      });
      if (!types.isEmpty()) {
        filter = filter.and(o -> types.stream().anyMatch(t -> matchesType(t, o.path("type").asText())));
      }
    }
    Set<String> formats = formatsOn();
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("object", "list");
    var data = body.putArray("data");
    StripeStore.Page page;
    synchronized (this) {
      try {
        page = account.store().page(KIND_OF_LIST.get(list), filter, startingAfter, endingBefore, limit);
      } catch (StripeStore.NoSuchObject e) {
        return missing(e.getMessage(), startingAfter != null ? "starting_after" : "ending_before");
      }
      page.data().forEach(o -> data.add(render(o, formats)));
    }
    body.put("has_more", page.hasMore());
    body.put("url", "/v1/" + list);
    return SimResponse.json(200, body).withHeader("Request-Id", requestId());
  }

  private SimResponse retrieve(String list, SimRequest r) {
    Optional<SimResponse> denied = authenticate(r);
    if (denied.isPresent()) {
      return denied.get();
    }
    String id = r.pathParam("id");
    synchronized (this) {
      ObjectNode o = account.store().get(id);
      if (o == null || !o.path("object").asText().equals(KIND_OF_LIST.get(list))) {
        return missing("No such " + KIND_OF_LIST.get(list) + ": '" + id + "'", "id");
      }
      return SimResponse.json(200, render(o, formatsOn())).withHeader("Request-Id", requestId());
    }
  }

  private Optional<SimResponse> authenticate(SimRequest r) {
    Optional<String> auth = r.header("authorization");
    if (auth.isEmpty() || auth.get().isBlank()) {
      return Optional.of(error(401, "You did not provide an API key. You need to provide your API key in the "
          + "Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."));
    }
    String key;
    if (auth.get().regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(auth.get().substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.of(error(401, "Invalid API Key provided: the Basic credentials are not base64"));
      }
      int colon = decoded.indexOf(':');
      key = colon < 0 ? decoded : decoded.substring(0, colon);
    } else if (auth.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
      key = auth.get().substring(7).trim();
    } else {
      return Optional.of(error(401, "Invalid Authorization header: use Bearer auth with your secret key"));
    }
    if (!key.equals(options.apiKey())) {
      return Optional.of(error(401, "Invalid API Key provided: " + mask(key)));
    }
    return Optional.empty();
  }

  /** Stripe shows the key's prefix and last four characters only. */
  static String mask(String key) {
    int prefix = key.startsWith("sk_test_") || key.startsWith("sk_live_") || key.startsWith("rk_test_")
        || key.startsWith("rk_live_") ? 8 : 0;
    if (key.length() <= prefix + 4) {
      return key.substring(0, Math.min(prefix, key.length())) + "****";
    }
    return key.substring(0, prefix) + "****" + key.substring(key.length() - 4);
  }

  private static Predicate<ObjectNode> createdFilter(SimRequest r) {
    Predicate<ObjectNode> f = o -> true;
    Optional<String> exact = r.param("created");
    if (exact.isPresent()) {
      long v = longParam(exact.get(), "created");
      f = f.and(o -> o.path("created").asLong() == v);
    }
    for (String op : List.of("gt", "gte", "lt", "lte")) {
      Optional<String> value = r.param("created[" + op + "]");
      if (value.isPresent()) {
        long v = longParam(value.get(), "created[" + op + "]");
        f = f.and(o -> {
          long c = o.path("created").asLong();
          return switch (op) {
            case "gt" -> c > v;
            case "gte" -> c >= v;
            case "lt" -> c < v;
            default -> c <= v;
          };
        });
      }
    }
    return f;
  }

  private static boolean matchesType(String pattern, String type) {
    return pattern.endsWith(".*") ? type.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(type);
  }

  private static int intParam(SimRequest r, String name, int dflt) {
    return r.param(name).map(v -> (int) longParam(v, name)).orElse(dflt);
  }

  private static long longParam(String v, String name) {
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new SimRequest.BadRequest("Invalid integer: " + v + " (parameter " + name + ")");
    }
  }

  private Set<String> formatsOn() {
    Set<String> on = new LinkedHashSet<>();
    for (String[] f : StripeFormats.declared()) {
      if (server != null && server.formatOn(f[0])) {
        on.add(f[0]);
      }
    }
    return on;
  }

  /** A served copy of an object (events: their data.object too) in the switched-on formats. */
  private static ObjectNode render(ObjectNode o, Set<String> formats) {
    ObjectNode copy = o.deepCopy();
    if (formats.isEmpty()) {
      return copy;
    }
    if (copy.path("object").asText().equals("event") && copy.path("data").get("object") instanceof ObjectNode inner) {
      StripeFormats.apply(inner, formats);
    } else {
      StripeFormats.apply(copy, formats);
    }
    return copy;
  }

  private void deliver(List<ObjectNode> events) {
    URI url = webhookUrl;
    String secret = webhookSecret;
    if (url == null || secret == null) {
      return;
    }
    for (ObjectNode e : events) {
      String body;
      try {
        body = JSON.writeValueAsString(e);
      } catch (Exception ex) {
        throw new IllegalStateException(ex);
      }
      long t = System.currentTimeMillis() / 1000;
      int status;
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
            .header("Stripe-Signature", signatureHeader(secret, t, body))
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        status = response.statusCode();
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        return;
      } catch (java.io.IOException ex) {
        status = -1;
      }
      deliveries.add(new Delivery(e.path("id").asText(), e.path("type").asText(), status));
    }
  }

  static SimResponse error(int status, String message) {
    String type = switch (status) {
      case 429 -> "rate_limit_error";
      case 401, 400, 404 -> "invalid_request_error";
      case 402 -> "card_error";
      default -> "api_error";
    };
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ObjectNode error = body.putObject("error");
    if (status == 429) {
      error.put("code", "rate_limit");
      error.put("message", "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.");
    } else if (status >= 500) {
      error.put("message", "An unknown error occurred");
    } else {
      error.put("message", message);
    }
    error.put("type", type);
    SimResponse response = SimResponse.json(status, body).withHeader("Request-Id", requestId());
    if (status == 429 || status >= 500) {
      response = response.withHeader("Stripe-Should-Retry", "true");
    }
    return response;
  }

  private static SimResponse missing(String message, String param) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ObjectNode error = body.putObject("error");
    error.put("code", "resource_missing");
    error.put("message", message);
    error.put("param", param);
    error.put("type", "invalid_request_error");
    return SimResponse.json(404, body).withHeader("Request-Id", requestId());
  }

  private static String requestId() {
    return "req_" + Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 14);
  }
}
