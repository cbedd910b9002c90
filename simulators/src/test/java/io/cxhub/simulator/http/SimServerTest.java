package io.cxhub.simulator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimServerTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static SimServer sim;

  @BeforeAll
  static void start() {
    sim = SimServer.start("test", 0)
        .errorBody((status, message) -> SimResponse.json(status, Map.of("error", Map.of("message", message))))
        .formatChange("epoch_dates", "dates as epoch seconds")
        .route("GET", "/v1/items/{id}", r -> SimResponse.json(200,
            Map.of("id", r.pathParam("id"), "q", r.param("q").orElse(""), "epoch", sim.formatOn("epoch_dates"))))
        .steadyRoute("POST", "/oauth/token", r -> SimResponse.json(200, Map.of("access_token", "t")));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void clear() {
    sim.faults().clear();
  }

  @Test
  void routesMatchPathParametersAndQueries() throws Exception {
    HttpResponse<String> r = get("/v1/items/it_42?q=a%20b");
    assertEquals(200, r.statusCode());
    var body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    assertEquals("it_42", body.path("id").asText());
    assertEquals("a b", body.path("q").asText());
    assertEquals(404, get("/v1/nothing").statusCode());
    assertTrue(get("/v1/nothing").body().contains("\"message\":\"no route for GET /v1/nothing\""));
  }

  @Test
  void countedFaultsHitTheNextRequestsInTheApisErrorShape() throws Exception {
    sim.faults().rateLimit(2, Duration.ofMillis(1500)).serverErrors(1).truncate(1);
    HttpResponse<String> limited = get("/v1/items/a");
    assertEquals(429, limited.statusCode());
    assertEquals("2", limited.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(limited.body().contains("rate limit exceeded"));
    assertEquals(429, get("/v1/items/a").statusCode());
    assertEquals(500, get("/v1/items/a").statusCode());
    String cut = get("/v1/items/a").body();
    String whole = get("/v1/items/a").body();
    assertEquals(whole.substring(0, whole.length() / 2), cut);
    assertTrue(sim.faults().injected() >= 4, "four faults injected");
  }

  @Test
  void steadyRoutesAreNeverFaulted() throws Exception {
    sim.faults().serverErrors(5);
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(sim.baseUri().resolve("/oauth/token"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
  }

  @Test
  void latencySlowsEveryRequestUntilCleared() throws Exception {
    sim.faults().latency(Duration.ofMillis(300));
    long t0 = System.nanoTime();
    get("/v1/items/a");
    assertTrue(System.nanoTime() - t0 >= 290_000_000L);
  }

  @Test
  void faultsAndFormatChangesAreSetOverHttpAtRunTime() throws Exception {
    assertEquals(200, post("/_sim/faults", "{\"rateLimit\":1,\"retryAfterSeconds\":3}").statusCode());
    assertEquals("3", get("/v1/items/a").headers().firstValue("Retry-After").orElseThrow());
    assertEquals(200, post("/_sim/format", "{\"change\":\"epoch_dates\",\"on\":true}").statusCode());
    assertTrue(get("/v1/items/a").body().contains("\"epoch\":true"));
    HttpResponse<String> unknown = post("/_sim/format", "{\"change\":\"nope\"}");
    assertEquals(400, unknown.statusCode());
    assertTrue(unknown.body().contains("has no format change 'nope'"), unknown.body());
    assertTrue(get("/_sim").body().contains("\"epoch_dates\":{"));
    sim.setFormat("epoch_dates", false);
    assertThrows(IllegalArgumentException.class, () -> sim.setFormat("nope", true));
  }

  @Test
  void accessTokensExpireAndCanBeRevoked() {
    AccessTokens tokens = new AccessTokens(Duration.ofMinutes(5)).client("id", "secret");
    assertTrue(tokens.knows("id", "secret"));
    assertTrue(!tokens.knows("id", "wrong") && !tokens.knows(null, null));
    String t = tokens.issue();
    SimRequest withToken = new SimRequest("GET", "/", Map.of(), Map.of(), Map.of("authorization", "Bearer " + t), new byte[0]);
    assertTrue(tokens.valid(withToken));
    tokens.revokeAll();
    assertTrue(!tokens.valid(withToken));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String json) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
