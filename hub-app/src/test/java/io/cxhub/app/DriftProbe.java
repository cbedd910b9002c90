package io.cxhub.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.StreamSupport;

/** Pushing records into a running hub and reading its drift API, for the drift tests. */
final class DriftProbe {

  private final HubFixture fixture;

  DriftProbe(HubFixture fixture) {
    this.fixture = fixture;
  }

  /** POSTs records {@code from..to-1} to {@code /api/ingest/system/stream} as JSON lines. */
  HttpResponse<String> push(String system, String stream, int from, int to, IntFunction<? extends JsonNode> record) {
    StringBuilder body = new StringBuilder();
    for (int i = from; i < to; i++) {
      body.append(record.apply(i)).append('\n');
    }
    HttpResponse<String> response = fixture.post("/api/ingest/" + system + "/" + stream, body.toString());
    assertEquals(202, response.statusCode(), response.body());
    return response;
  }

  /** The stream as {@code GET /api/drift/streams} shows it, if the hub has seen it. */
  Optional<JsonNode> stream(String system, String stream) {
    return StreamSupport.stream(fixture.json(fixture.get("/api/drift/streams")).path("items").spliterator(), false)
        .filter(s -> s.path("system").asText().equals(system) && s.path("stream").asText().equals(stream))
        .findFirst();
  }

  void awaitBaseline(String system, String stream) {
    HubFixtureAwait.until("a baseline of " + system + "/" + stream, () -> stream(system, stream)
        .map(s -> s.path("baselineVersion").asInt() >= 1 && s.path("learnedFrom").asLong() > 0).orElse(false));
  }

  List<JsonNode> alerts(String system, String stream) {
    List<JsonNode> out = new ArrayList<>();
    fixture.json(fixture.get("/api/drift/alerts?system=" + system + "&stream=" + stream)).path("items")
        .forEach(out::add);
    return out;
  }

  JsonNode awaitAlert(String system, String stream, String kind) {
    JsonNode[] found = new JsonNode[1];
    HubFixtureAwait.until(kind + " on " + system + "/" + stream, () -> {
      for (JsonNode a : alerts(system, stream)) {
        if (a.path("kind").asText().equals(kind)) {
          found[0] = a;
          return true;
        }
      }
      return false;
    });
    return found[0];
  }

  /** The alert with its audit trail. */
  JsonNode alert(long id) {
    return fixture.json(fixture.get("/api/drift/alerts/" + id));
  }

  /** Held quarantine entries of a stream (up to 500, a page). */
  List<JsonNode> held(String system, String stream) {
    HttpResponse<String> response = fixture.get("/api/quarantine?system=" + system + "&stream=" + stream
        + "&status=HELD&limit=500");
    assertEquals(200, response.statusCode(), response.body());
    List<JsonNode> out = new ArrayList<>();
    fixture.json(response).path("items").forEach(out::add);
    return out;
  }

  /** Records stored for a stream, per {@code GET /api/streams}. */
  long stored(String system, String stream) {
    for (JsonNode s : fixture.json(fixture.get("/api/streams")).path("items")) {
      if (s.path("system").asText().equals(system) && s.path("stream").asText().equals(stream)) {
        return s.path("records").asLong();
      }
    }
    return 0;
  }

  /** Asserts that none of {@code raw} (e-mails, phone numbers, names pushed) shows in {@code alert}. */
  static void assertMasked(JsonNode alert, List<String> raw) {
    String text = alert.toString();
    for (String value : raw) {
      assertFalse(text.contains(value), "raw value '" + value + "' in " + alert);
    }
  }
}
