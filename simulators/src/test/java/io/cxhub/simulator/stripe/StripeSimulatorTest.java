package io.cxhub.simulator.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StripeSimulatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static StripeSimulator sim;

  @BeforeAll
  static void start() {
    sim = StripeSimulator.start(StripeOptions.defaults().withCustomers(40));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static HttpResponse<String> get(String pathAndQuery, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUri() + pathAndQuery));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode list(String pathAndQuery) throws Exception {
    HttpResponse<String> r = get(pathAndQuery, "Bearer " + sim.apiKey());
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  @Test
  void seededFromTheSharedPopulationReproducibly() {
    try (StripeSimulator again = StripeSimulator.start(StripeOptions.defaults().withCustomers(40))) {
      assertEquals(sim.contents(), again.contents());
    }
    assertEquals(40, sim.contents().get("customers").size());
    assertTrue(sim.contents().get("customers").stream().allMatch(id -> id.matches("cus_[A-Za-z0-9]{14}")));
  }

  @Test
  void listsAreNewestFirstAndPageWithStartingAfterAndEndingBefore() throws Exception {
    List<String> ids = new ArrayList<>();
    long previous = Long.MAX_VALUE;
    String after = null;
    JsonNode page;
    do {
      page = list("/v1/customers?limit=7" + (after == null ? "" : "&starting_after=" + after));
      assertEquals("list", page.path("object").asText());
      assertEquals("/v1/customers", page.path("url").asText());
      for (JsonNode c : page.path("data")) {
        assertTrue(c.path("created").asLong() <= previous, "newest first");
        previous = c.path("created").asLong();
        ids.add(c.path("id").asText());
        assertEquals("customer", c.path("object").asText());
      }
      after = ids.get(ids.size() - 1);
    } while (page.path("has_more").asBoolean());
    assertEquals(40, ids.size());
    assertEquals(sim.contents().get("customers"), new HashSet<>(ids));
    JsonNode before = list("/v1/customers?limit=3&ending_before=" + ids.get(10));
    assertEquals(List.of(ids.get(7), ids.get(8), ids.get(9)),
        List.of(before.path("data").get(0).path("id").asText(), before.path("data").get(1).path("id").asText(),
            before.path("data").get(2).path("id").asText()));
    assertTrue(before.path("has_more").asBoolean());
    long t = list("/v1/customers?limit=1&starting_after=" + ids.get(19)).path("data").get(0).path("created").asLong();
    for (JsonNode c : list("/v1/customers?limit=100&created[lte]=" + t).path("data")) {
      assertTrue(c.path("created").asLong() <= t);
    }
    assertEquals(400, get("/v1/customers?limit=101", "Bearer " + sim.apiKey()).statusCode());
    assertEquals(400, get("/v1/customers?starting_after=a&ending_before=b", "Bearer " + sim.apiKey()).statusCode());
    HttpResponse<String> missing = get("/v1/customers?starting_after=cus_nope", "Bearer " + sim.apiKey());
    assertEquals(404, missing.statusCode());
    assertEquals("resource_missing", JSON.readTree(missing.body()).path("error").path("code").asText());
  }

  @Test
  void subscriptionsLeaveCanceledOutUnlessAskedForAll() throws Exception {
    Set<String> statuses = new HashSet<>();
    list("/v1/subscriptions?limit=100").path("data").forEach(s -> statuses.add(s.path("status").asText()));
    assertFalse(statuses.contains("canceled"));
    assertEquals(sim.contents().get("subscriptions").size(), list("/v1/subscriptions?limit=100&status=all").path("data").size());
  }

  @Test
  void keysAreCheckedLikeStripeDoes() throws Exception {
    assertEquals(200, get("/v1/charges?limit=1", "Basic " + Base64.getEncoder()
        .encodeToString((sim.apiKey() + ":").getBytes(StandardCharsets.UTF_8))).statusCode());
    HttpResponse<String> bad = get("/v1/charges", "Bearer sk_test_someoneElsesKey1234");
    assertEquals(401, bad.statusCode());
    JsonNode error = JSON.readTree(bad.body()).path("error");
    assertEquals("invalid_request_error", error.path("type").asText());
    assertEquals("Invalid API Key provided: sk_test_****1234", error.path("message").asText());
    assertEquals(401, get("/v1/charges", null).statusCode());
  }

  @Test
  void faultsComeInStripesShapes() throws Exception {
    sim.faults().rateLimit(1, Duration.ofSeconds(1));
    HttpResponse<String> limited = get("/v1/invoices", "Bearer " + sim.apiKey());
    assertEquals(429, limited.statusCode());
    assertEquals("rate_limit_error", JSON.readTree(limited.body()).path("error").path("type").asText());
    assertEquals("true", limited.headers().firstValue("Stripe-Should-Retry").orElse(""));
    sim.faults().serverErrors(1);
    HttpResponse<String> failed = get("/v1/invoices", "Bearer " + sim.apiKey());
    assertEquals(500, failed.statusCode());
    assertEquals("api_error", JSON.readTree(failed.body()).path("error").path("type").asText());
  }

  @Test
  void ticksRecordEventsAndDeliverThemSigned() throws Exception {
    List<String[]> received = new CopyOnWriteArrayList<>();
    HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    endpoint.createContext("/hook", ex -> {
      received.add(new String[] {ex.getRequestHeaders().getFirst("Stripe-Signature"),
          new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    endpoint.start();
    try {
      sim.webhook(URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook"), "whsec_test");
      String last = sim.lastEventId().orElse(null);
      Map<String, Set<String>> changed = sim.tick(10);
      assertTrue(changed.values().stream().anyMatch(s -> !s.isEmpty()));
      JsonNode events = list("/v1/events?limit=100" + (last == null ? "" : "&ending_before=" + last));
      assertEquals(sim.deliveries().size(), events.path("data").size());
      assertEquals(received.size(), sim.deliveries().size());
      for (String[] r : received) {
        JsonNode e = JSON.readTree(r[1]);
        assertEquals("event", e.path("object").asText());
        assertTrue(e.path("data").path("object").has("id"));
        long t = Long.parseLong(r[0].substring(2, r[0].indexOf(',')));
        assertEquals(StripeSimulator.signatureHeader("whsec_test", t, r[1]), r[0]);
      }
    } finally {
      sim.webhook(null, null);
      endpoint.stop(0);
    }
  }

  @Test
  void formatChangesRewriteServedObjects() throws Exception {
    sim.server().setFormat("rename_email", true);
    sim.server().setFormat("address_split", true);
    sim.server().setFormat("amount_as_decimal_string", true);
    try {
      JsonNode c = list("/v1/customers?limit=1").path("data").get(0);
      assertFalse(c.has("email"));
      assertTrue(c.has("email_address"));
      assertTrue(c.path("address").has("street") && c.path("address").has("house_number"));
      JsonNode i = list("/v1/invoices?limit=1").path("data").get(0);
      assertTrue(i.path("amount_due").isTextual() && i.path("amount_due").asText().matches("\\d+\\.\\d{2}"));
    } finally {
      sim.server().setFormat("rename_email", false);
      sim.server().setFormat("address_split", false);
      sim.server().setFormat("amount_as_decimal_string", false);
    }
    assertTrue(list("/v1/customers?limit=1").path("data").get(0).has("email"));
  }
}
