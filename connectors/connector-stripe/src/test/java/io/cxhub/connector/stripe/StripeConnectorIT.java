package io.cxhub.connector.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.simulator.stripe.StripeOptions;
import io.cxhub.simulator.stripe.StripeSimulator;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.testkit.ConnectorHarness;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the conformance suite does not cover: paging sizes, a restart in the middle of a listing,
 * changes followed through the events API, and webhooks (signature checks, ingestion, dedupe with
 * polled events, secrets kept out of the logs).
 */
class StripeConnectorIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String WEBHOOK_SECRET = "whsec_cxhubTestSigningSecret0123456789";
  private static final String NEVER = "0 0 0 1 1 ? 2099";

  private final HttpClient http = HttpClient.newHttpClient();
  private StripeSimulator simulator;
  private ConnectorHarness hub;
  private PrintStream originalErr;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeEach
  void start() {
    originalErr = System.err;
    PrintStream tee = new PrintStream(new java.io.OutputStream() {
      @Override
      public void write(int b) {
        originalErr.write(b);
        synchronized (log) {
          log.write(b);
        }
      }

      @Override
      public void write(byte[] b, int off, int len) {
        originalErr.write(b, off, len);
        synchronized (log) {
          log.write(b, off, len);
        }
      }
    }, true, StandardCharsets.UTF_8);
    System.setErr(tee);
    simulator = StripeSimulator.start(StripeOptions.defaults().withCustomers(30));
    hub = new ConnectorHarness(new StripeConnector());
  }

  @AfterEach
  void stop() {
    hub.close();
    simulator.close();
    System.setErr(originalErr);
  }

  private Map<String, Object> config(String schedule) {
    Map<String, Object> c = new HashMap<>();
    c.put("apiBase", simulator.baseUri().toString());
    c.put("apiKey", simulator.apiKey());
    c.put("schedule", schedule);
    c.put("pageSize", "7");
    c.put("webhookSecret", WEBHOOK_SECRET);
    return c;
  }

  @Test
  void listsPageByPageThenFollowsChangesThroughTheEventsApi() {
    hub.addInstance("stripe-it", config("0/1 * * * * ?"));
    Map<String, Set<String>> all = simulator.contents();
    awaitAll(all);
    for (String stream : all.keySet()) {
      List<String> ids = hub.records(stream).stream().map(RawRecord::sourceId).toList();
      assertEquals(all.get(stream), new HashSet<>(ids), stream);
      assertEquals(ids.size(), new HashSet<>(ids).size(), stream + " read twice");
      assertTrue(hub.records(stream).stream().allMatch(r -> r.cursor().startsWith("list:")), stream + " cursors");
    }
    assertTrue(all.get("subscriptions").size() > 7, "more subscriptions than a page, canceled ones included");
    int before = hub.records().size();

    Map<String, Set<String>> changed = simulator.tick(8);
    ConnectorHarness.await(TIMEOUT, () -> arrivedAfter(before).keySet().containsAll(nonEmpty(changed).keySet())
        && nonEmpty(changed).entrySet().stream().allMatch(e -> arrivedAfter(before).get(e.getKey()).containsAll(e.getValue())),
        "the changes of a tick");
    arrivedAfter(before).forEach((stream, ids) -> assertEquals(changed.get(stream), ids, stream + " after the tick"));
    List<RawRecord> fresh = hub.records().subList(before, hub.records().size());
    assertTrue(fresh.stream().allMatch(r -> r.cursor().startsWith("events:")), "changes come from events");
  }

  @Test
  void restartInTheMiddleOfAListingReadsTheRestOnce() {
    hub.addInstance("stripe-restart", config("0/1 * * * * ?"));
    Map<String, Set<String>> all = simulator.contents();
    awaitAll(all);
    // as if the hub stored only the first 10 customers before it went down, but everything else
    List<RawRecord> customers = hub.records("customers");
    hub.commitAllReceived();
    hub.commit("stripe-restart", "customers", customers.get(9).cursor());
    Set<String> rest = customers.subList(10, customers.size()).stream().map(RawRecord::sourceId).collect(Collectors.toSet());

    hub = hub.restart();
    hub.addInstance("stripe-restart", config("0/1 * * * * ?"));
    ConnectorHarness.await(TIMEOUT, () -> ids(hub.records("customers")).containsAll(rest), "the rest of the customers");
    // a few more polls (one events request each once listed): nothing else may come
    long requests = simulator.server().requests();
    ConnectorHarness.await(TIMEOUT, () -> simulator.server().requests() > requests + 3, "more polls");
    assertEquals(rest.size(), hub.records("customers").size(), "each remaining customer once");
    assertEquals(rest, ids(hub.records("customers")));
    assertEquals(hub.records("customers").size(), hub.records().size(), "other streams were done");
  }

  @Test
  void signedWebhooksAreIngestedAsPushedRecords() {
    hub.addInstance("stripe-hooks", config(NEVER));
    simulator.webhook(URI.create("http://127.0.0.1:" + hub.httpPort() + "/webhooks/stripe/stripe-hooks"), WEBHOOK_SECRET);
    Map<String, Set<String>> changed = simulator.tick(6);
    List<StripeSimulator.Delivery> deliveries = simulator.deliveries();
    assertFalse(deliveries.isEmpty());
    assertTrue(deliveries.stream().allMatch(d -> d.status() == 200), "deliveries: " + deliveries);
    ConnectorHarness.await(TIMEOUT, () -> hub.records().size() == deliveries.size(), "one record per delivered event");
    for (RawRecord r : hub.records()) {
      assertNull(r.cursor(), "webhook records carry no cursor");
      assertEquals("stripe-hooks", r.connectorInstance());
      assertTrue(changed.get(r.stream()).contains(r.sourceId()), r.stream() + "/" + r.sourceId());
    }
  }

  @Test
  void anEventArrivingByWebhookAndByPollIsHandedOverOnce() {
    hub.addInstance("stripe-both", config("0/1 * * * * ?"));
    awaitAll(simulator.contents());
    simulator.webhook(URI.create("http://127.0.0.1:" + hub.httpPort() + "/webhooks/stripe/stripe-both"), WEBHOOK_SECRET);
    int before = hub.records().size();
    simulator.tick(6);
    int events = simulator.deliveries().size();
    long requests = simulator.server().requests();
    ConnectorHarness.await(TIMEOUT, () -> simulator.server().requests() > requests + 3, "polls after the tick");
    assertEquals(events, hub.records().size() - before, "one record per event, by webhook or by poll");
  }

  @Test
  void forgedStaleOrUnsignedDeliveriesAreRejectedWithoutLeakingTheSecret() throws Exception {
    hub.addInstance("stripe-guard", config(NEVER));
    String body = "{\"id\":\"evt_forged\",\"object\":\"event\",\"type\":\"customer.updated\",\"created\":"
        + now() + ",\"data\":{\"object\":{\"id\":\"cus_forged\",\"object\":\"customer\",\"email\":\"x@example.com\"}}}";
    assertEquals(400, post("stripe-guard", body, StripeSimulator.signatureHeader("whsec_wrong", now(), body)));
    assertEquals(400, post("stripe-guard", body, StripeSimulator.signatureHeader(WEBHOOK_SECRET, now() - 3600, body)));
    assertEquals(400, post("stripe-guard", body, null));
    assertEquals(400, post("stripe-guard", body.replace("x@example", "y@example"),
        StripeSimulator.signatureHeader(WEBHOOK_SECRET, now(), body)));
    assertEquals(404, post("no-such-instance", body, StripeSimulator.signatureHeader(WEBHOOK_SECRET, now(), body)));
    assertEquals(List.of(), hub.records(), "nothing rejected reaches the hub");

    // a second v1 (as while a secret is rolled) and the genuine one among them: accepted
    long t = now();
    String rolled = "t=" + t + ",v1=" + StripeSimulator.hmacHex("whsec_old", t + "." + body) + ",v1="
        + StripeSimulator.hmacHex(WEBHOOK_SECRET, t + "." + body);
    assertEquals(200, post("stripe-guard", body, rolled));
    ConnectorHarness.await(TIMEOUT, () -> hub.records().size() == 1, "the genuine delivery");

    String logged;
    synchronized (log) {
      logged = log.toString(StandardCharsets.UTF_8);
    }
    assertTrue(logged.contains("rejected a webhook delivery"), "rejections are logged");
    assertFalse(logged.contains(WEBHOOK_SECRET), "the signing secret is not logged");
    assertFalse(logged.contains(simulator.apiKey()), "the API key is not logged");
  }

  @Test
  void aRejectedApiKeyFailsThePollWithoutLoggingTheKey() {
    Map<String, Object> c = config("0/1 * * * * ?");
    c.put("apiKey", "sk_test_aVeryWrongKeyThatMustNotBeLogged77");
    hub.addInstance("stripe-badkey", c);
    ConnectorHarness.await(TIMEOUT, () -> {
      synchronized (log) {
        return log.toString(StandardCharsets.UTF_8).contains("poll against");
      }
    }, "the failed poll logged");
    String logged;
    synchronized (log) {
      logged = log.toString(StandardCharsets.UTF_8);
    }
    assertTrue(logged.contains("401"), "the log says why");
    assertFalse(logged.contains("sk_test_aVeryWrongKeyThatMustNotBeLogged77"), "the key is not logged");
    assertEquals(List.of(), hub.records());
  }

  private int post(String instance, String body, String signature) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.httpPort() + "/webhooks/stripe/" + instance))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      b.header("Stripe-Signature", signature);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  private void awaitAll(Map<String, Set<String>> expected) {
    ConnectorHarness.await(TIMEOUT, () -> expected.entrySet().stream()
        .allMatch(e -> ids(hub.records(e.getKey())).containsAll(e.getValue())), "a full read");
  }

  private Map<String, Set<String>> arrivedAfter(int index) {
    List<RawRecord> all = hub.records();
    return all.subList(index, all.size()).stream()
        .collect(Collectors.groupingBy(RawRecord::stream, Collectors.mapping(RawRecord::sourceId, Collectors.toSet())));
  }

  private static Map<String, Set<String>> nonEmpty(Map<String, Set<String>> byStream) {
    return byStream.entrySet().stream().filter(e -> !e.getValue().isEmpty())
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static Set<String> ids(List<RawRecord> records) {
    return records.stream().map(RawRecord::sourceId).collect(Collectors.toSet());
  }
}
