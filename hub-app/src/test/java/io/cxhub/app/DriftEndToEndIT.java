package io.cxhub.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Schema drift on a running hub, fed through {@code POST /api/ingest}: baselines learned from the
 * first records, alerts with severity from the mappings, the quarantine policy holding what does not
 * fit, accept making a new baseline version and replay letting the held records through once.
 */
class DriftEndToEndIT {

  private static HubFixture fixture;
  private static DriftProbe probe;
  /** A Slack-compatible webhook on loopback: what the hub notified. */
  private static com.sun.net.httpserver.HttpServer hook;
  private static final List<String> notified = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeAll
  static void startHub() throws Exception {
    hook = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    hook.createContext("/services/T000/B000/secret", exchange -> {
      notified.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    hook.start();
    fixture = new HubFixture(Map.of("DRIFT_HOOK", "http://127.0.0.1:" + hook.getAddress().getPort()
        + "/services/T000/B000/secret"));
    DriftScenario.configure(fixture, """
          notify:
            webhookUrl: ${env:DRIFT_HOOK}
            minSeverity: BREAKING
        """);
    fixture.route("drift.yaml", """
        - drift:
            system: crm
            streams:
              contacts: quarantine
        """);
    fixture.start();
    probe = new DriftProbe(fixture);
  }

  @AfterAll
  static void stopHub() {
    if (fixture != null) {
      fixture.close();
    }
    if (hook != null) {
      hook.stop(0);
    }
  }

  @Test
  void anUnmappedPushedStreamIsLearnedAndAnAddedFieldIsInfo() {
    probe.push("shop", "orders", 0, 80, i -> DriftScenario.order(i, false));
    probe.awaitBaseline("shop", "orders");
    probe.push("shop", "orders", 80, 260, i -> DriftScenario.order(i, true));
    JsonNode alert = probe.awaitAlert("shop", "orders", "FIELD_ADDED");
    assertEquals("INFO", alert.path("severity").asText());
    assertEquals("[\"coupon\"]", alert.path("fields").path("new").toString());
    assertEquals(0, alert.path("affected").size());
    assertEquals("OPEN", alert.path("status").asText());
    // kept, as unmapped, until a mapping exists
    String held = fixture.get("/api/quarantine?system=shop&stream=orders&limit=500").body();
    assertEquals(260, fixture.json(fixture.get("/api/quarantine?system=shop&stream=orders&limit=500"))
        .path("items").size(), held);
    assertTrue(held.contains("no mapping for shop/orders"), held);
  }

  @Test
  void aSplitAddressIsHeldUntilAcceptedWithItsProposalThenReplayedOnceAndRecombined() throws Exception {
    probe.push("crm", "contacts", 0, 80, i -> DriftScenario.contact(i, false));
    probe.awaitBaseline("crm", "contacts");
    HttpResponse<String> split = probe.push("crm", "contacts", 80, 200, i -> DriftScenario.contact(i, true));
    assertEquals(120, fixture.json(split).path("quarantined").asInt(), split.body());

    JsonNode alert = probe.awaitAlert("crm", "contacts", "SPLIT");
    assertEquals("BREAKING", alert.path("severity").asText());
    assertEquals("[\"address\"]", alert.path("fields").path("old").toString());
    assertEquals("[\"street_name\",\"house_number\"]", alert.path("fields").path("new").toString());
    assertTrue(alert.path("affected").toString().contains("contacts.yaml"), alert.toString());
    assertTrue(alert.path("proposal").asText().contains("concat: [street_name, house_number]"), alert.toString());
    assertFalse(alert.path("evidence").toString().contains(DriftScenario.street(7)), "examples are masked: " + alert);
    for (JsonNode other : probe.alerts("crm", "contacts")) {
      assertFalse(List.of("FIELD_ADDED", "FIELD_REMOVED").contains(other.path("kind").asText()),
          "a split is not also added and removed fields: " + other);
    }
    String held = fixture.get("/api/quarantine?system=crm&stream=contacts&limit=500").body();
    assertTrue(held.contains("field 'address' is missing"), held);
    HubFixtureAwait.until("the breaking alert notified", () -> notified.stream()
        .anyMatch(m -> m.contains("SPLIT on crm/contacts") && m.contains("\"blocks\"")));
    assertTrue(notified.stream().noneMatch(m -> m.contains("shop/orders")), "INFO alerts are below minSeverity");

    long id = alert.path("id").asLong();
    HttpResponse<String> noComment = fixture.post("/api/drift/alerts/" + id + "/accept", "{}");
    assertEquals(400, noComment.statusCode(), noComment.body());
    HttpResponse<String> onAck = fixture.post("/api/drift/alerts/" + id + "/ack",
        "{\"comment\":\"x\",\"applyProposal\":true}");
    assertEquals(400, onAck.statusCode(), onAck.body());
    java.nio.file.Path mapping = fixture.configDir.resolve("mappings/crm/contacts.yaml");
    String before = Files.readString(mapping);
    HttpResponse<String> accepted = fixture.post("/api/drift/alerts/" + id + "/accept",
        "{\"comment\":\"CRM split the address on purpose\",\"applyProposal\":true}");
    assertEquals(200, accepted.statusCode(), accepted.body());
    JsonNode done = fixture.json(accepted);
    assertEquals("ACCEPTED", done.path("status").asText());
    List<String> actions = new ArrayList<>();
    done.path("history").forEach(h -> actions.add(h.path("action").asText()));
    assertEquals(List.of("OPENED", "PROPOSAL_APPLIED", "ACCEPTED"), actions, done.toString());
    JsonNode last = done.path("history").get(2);
    assertEquals("admin", last.path("actor").asText());
    assertTrue(last.path("detail").asText().contains("baseline v2"), done.toString());
    assertEquals("mappings/crm/contacts.yaml", done.path("affected").get(0).path("file").asText(), done.toString());
    String after = Files.readString(mapping);
    assertEquals(before.replace("street: { path: address, transform: [trim] }",
        "street: { concat: [street_name, house_number], separator: \" \", transform: [trim] }"), after);
    assertEquals(409, fixture.post("/api/drift/alerts/" + id + "/accept", "{\"comment\":\"again\"}").statusCode());

    JsonNode replay = fixture.json(fixture.post("/api/quarantine/replay?system=crm&stream=contacts", ""));
    assertEquals(120, replay.path("replayed").asInt(), replay.toString());
    assertEquals(120, replay.path("accepted").asInt(), replay.toString());
    assertEquals(0, replay.path("quarantinedAgain").asInt(), replay.toString());
    assertEquals(0, fixture.json(fixture.post("/api/quarantine/replay?system=crm&stream=contacts", ""))
        .path("replayed").asInt(), "nothing is replayed twice");
    HubFixtureAwait.until("the split contacts stored", () -> fixture.json(
        fixture.get("/api/profiles?key=crm_contact_id:c-199")).path("items").size() == 1);
    JsonNode profile = fixture.json(fixture.get("/api/profiles?key=crm_contact_id:c-199")).path("items").get(0);
    assertEquals(DriftScenario.street(199), profile.path("attributes").path("street").path("value")
        .asText(), "the mapping recombines the split address: " + profile);
  }
}
