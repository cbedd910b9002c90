package io.cxhub.connector.qualtrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.simulator.qualtrics.QualtricsSimulator;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.testkit.ConnectorHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the conformance suite does not cover: webhooks, their signature, corrupt export files, drift. */
class QualtricsConnectorIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String KEY = "a-shared-key-of-some-length";

  private final QualtricsSimulator sim = new QualtricsSimulator(0, 10);
  private ConnectorHarness hub = new ConnectorHarness(new QualtricsConnector());

  @AfterEach
  void stop() {
    hub.close();
    sim.close();
  }

  private Map<String, Object> config() {
    Map<String, Object> c = new HashMap<>();
    c.put("baseUrl", sim.baseUri().toString());
    c.put("apiToken", sim.apiToken());
    c.put("surveyIds", String.join(",", sim.surveyIds()));
    c.put("schedule", "0/1 * * * * ?");
    c.put("settleTime", "0s");
    return c;
  }

  private Set<String> ids(List<RawRecord> records) {
    Set<String> ids = new HashSet<>();
    records.forEach(r -> ids.add(r.sourceId()));
    return ids;
  }

  @Test
  void webhookEventsDeliverNewResponsesWithTheExportedPayload() throws Exception {
    Map<String, Object> c = config();
    c.put("webhook", "true");
    c.put("publicUrl", "http://127.0.0.1:" + hub.httpPort());
    c.put("webhookSharedKey", KEY);
    c.put("settleTime", "1h"); // the export leaves new responses alone: only the webhook can deliver them
    hub.addInstance("q-hook", c);
    ConnectorHarness.await(WAIT, () -> sim.subscriptions().size() == 3, "three event subscriptions");
    assertTrue(sim.subscriptions().get(0).publicationUrl().contains("signature="), "the publication URL is signed");

    List<String> fresh = sim.tick(3);
    ConnectorHarness.await(WAIT, () -> ids(hub.records()).containsAll(fresh), "the new responses by webhook");
    for (RawRecord r : hub.records()) {
      if (fresh.contains(r.sourceId())) {
        assertNull(r.cursor(), "a pushed response carries no cursor");
        assertEquals("q-hook", r.connectorInstance());
        var expected = sim.response(r.sourceId()).deepCopy();
        assertEquals(expected.get("values"), r.payload().get("values"));
        assertTrue(r.payload().has("surveyId") && r.payload().has("scores"));
      }
    }
    // the simulator counts a delivery once the hub's 2xx is back, which may come after the record
    ConnectorHarness.await(WAIT, () -> sim.eventsDelivered() == 3,
        () -> "three events answered 2xx (so far " + sim.eventsDelivered() + ")");
  }

  @Test
  void eventsWithoutTheRightSignatureAreRejected() throws Exception {
    Map<String, Object> c = config();
    c.put("webhook", "true");
    c.put("publicUrl", "http://127.0.0.1:" + hub.httpPort());
    c.put("webhookSharedKey", KEY);
    hub.addInstance("q-signed", c);
    String id = sim.responseIds().get(0);
    String form = "Topic=surveyengine.completedResponse." + sim.surveyIds().get(0) + "&Status=Complete&SurveyID="
        + sim.surveyIds().get(0) + "&ResponseID=" + id + "&BrandID=x";
    String url = "http://127.0.0.1:" + hub.httpPort() + "/webhooks/qualtrics/q-signed";
    assertEquals(401, post(url, form));
    assertEquals(401, post(url + "?signature=00ff", form));
    assertEquals(200, post(url + "?signature=" + WebhookSignature.of(KEY, "q-signed"), form));
    assertEquals(404, post("http://127.0.0.1:" + hub.httpPort() + "/webhooks/qualtrics/nobody", form));
  }

  @Test
  void aCorruptExportFileIsQuarantinedAndTheSurveyIsExportedAgain() {
    sim.corruptNextFiles(1);
    hub.addInstance("q-corrupt", config());
    ConnectorHarness.await(WAIT, () -> ids(hub.records()).containsAll(sim.responseIds()), "every response");
    assertEquals(1, hub.quarantined().size());
    var q = hub.quarantined().get(0);
    assertTrue(q.reason().contains("ZIP"), q.reason());
    assertTrue(q.body().startsWith("UEsDB"), "the raw file as base64 (a ZIP starts with PK)");
    assertEquals(sim.size(), hub.records().size(), "each response once");
  }

  @Test
  void restartResumesFromTheCommittedCursorWithoutGapsOrRepeats() throws Exception {
    hub.addInstance("q-restart", config());
    ConnectorHarness.await(WAIT, () -> hub.records().size() == sim.size(), "the backfill");
    List<String> more = sim.tick(4);
    ConnectorHarness.await(WAIT, () -> ids(hub.records()).containsAll(more), "the incremental export");
    hub.commitAllReceived();
    hub = hub.restart();
    List<String> later = sim.tick(5);
    hub.addInstance("q-restart", config());
    ConnectorHarness.await(WAIT, () -> ids(hub.records()).containsAll(later), "responses after the restart");
    Thread.sleep(1500);
    assertEquals(new HashSet<>(later), ids(hub.records()));
    assertEquals(later.size(), hub.records().size());
  }

  @Test
  void driftedFormatsStillExportAndNormalize() {
    sim.server().setFormat(QualtricsSimulator.EPOCH_RECORDED_DATE, true);
    sim.server().setFormat(QualtricsSimulator.NPS_AS_STRING, true);
    hub.addInstance("q-drift", config());
    ConnectorHarness.await(WAIT, () -> hub.records().size() == sim.size(), "every response");
    RawRecord withNps = hub.records().stream().filter(r -> r.payload().path("values").path("QID2").isTextual())
        .findFirst().orElseThrow();
    assertTrue(withNps.payload().path("scores").path("nps").isInt(), "a string NPS is a number in scores");
    assertTrue(withNps.payload().path("values").path("recordedDate").isNumber());
  }

  private static int post(String url, String form) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
