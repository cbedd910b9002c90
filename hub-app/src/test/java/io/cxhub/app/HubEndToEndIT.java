package io.cxhub.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.runtime.Hub;
import io.cxhub.simulator.billing.BillingOptions;
import io.cxhub.simulator.billing.BillingSimulator;
import io.cxhub.testkit.TestPostgres;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole hub on one machine: the billing connector loaded from plugins/ pulls from the simulated
 * billing database on real PostgreSQL, through the pipeline, into profiles, read back over HTTP.
 */
class HubEndToEndIT {

  private static final String[] TABLES = {"customers", "invoices", "payments"};

  private static String billingUrl;
  private static BillingSimulator billing;
  private static HubFixture fixture;

  @BeforeAll
  static void startHub() throws Exception {
    billingUrl = TestPostgres.newDatabase("billing");
    billing = new BillingSimulator(billingUrl, BillingOptions.defaults().withCustomers(150));
    billing.start();
    fixture = new HubFixture(Map.of("BILLING_JDBC_URL", billingUrl));
    fixture.route("billing.yaml", """
        - templatedRoute:
            routeTemplateRef: billing-jdbc
            routeId: billing-e2e
            parameters:
              - name: jdbcUrl
                value: "${env:BILLING_JDBC_URL}"
              - name: schedule
                value: "0/1 * * * * ?"
              - name: batchSize
                value: "200"
        """);
    fixture.start();
  }

  @AfterAll
  static void stopHub() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void billingRowsBecomeProfilesAndARestartResumesFromTheStoredCursorWithoutDuplicatesOrGaps() throws Exception {
    Map<String, Long> rows = billing.counts();
    awaitStreamRecords(rows);

    // attributes come out normalized, with their identities and linked timeline events
    String[] customer = firstCustomerWithEmail();
    JsonNode items = fixture.json(fixture.get("/api/profiles?key=billing_customer_id:" + customer[0])).path("items");
    assertEquals(1, items.size(), "exactly one profile for " + customer[0]);
    JsonNode profile = items.get(0);
    assertEquals(customer[1].trim().toLowerCase(), profile.path("attributes").path("email").path("value").asText());
    assertEquals("billing", profile.path("attributes").path("email").path("system").asText());
    assertTrue(profile.path("identities").toString().contains("billing_customer_id:" + customer[0]));
    assertTrue(profile.path("eventCounts").path("invoice").asLong() > 0, "invoices linked: " + profile);
    JsonNode byEmail = fixture.json(fixture.get("/api/profiles?key=email:" + customer[1].trim().toLowerCase()));
    assertEquals(profile.path("id").asText(), byEmail.path("items").get(0).path("id").asText());
    assertEquals(rows.get("customers"), countHub("select count(*) from identity where key_type = 'billing_customer_id'"));

    // stop, let the billing system change, start again: only the changed rows are read
    fixture.stop();
    Map<String, java.sql.Timestamp> readUpTo = maxUpdatedAt();
    for (int i = 0; i < 3; i++) {
      billing.tick();
    }
    Map<String, Long> changed = new LinkedHashMap<>();
    for (String t : TABLES) {
      changed.put(t, countBilling("select count(*) from billing." + t + " where updated_at > ?", readUpTo.get(t)));
    }
    assertTrue(changed.values().stream().mapToLong(Long::longValue).sum() > 0, "the simulator changed rows");
    fixture.start();
    Map<String, Long> expected = new LinkedHashMap<>();
    rows.forEach((t, n) -> expected.put(t, n + changed.get(t)));
    awaitStreamRecords(expected);
    Thread.sleep(2500); // more polls: nothing is read twice
    assertEquals(expected, streamRecords());
    assertEquals(billing.counts().get("customers"),
        countHub("select count(*) from identity where key_type = 'billing_customer_id'"), "no gap: every customer");
  }

  @Test
  void theBillingConnectorIsLoadedFromPluginsInItsOwnClassLoader() {
    JsonNode plugins = fixture.json(fixture.get("/api/plugins")).path("items");
    assertEquals(1, plugins.size());
    assertTrue(plugins.get(0).path("loadedFrom").asText().endsWith("plugins/connector-billing-jdbc.jar"));
    assertEquals("billing-jdbc", plugins.get(0).path("connectors").get(0).path("id").asText());
    Hub hub = fixture.hub;
    ClassLoader pluginLoader = hub.plugins().get(0).plugin().getClass().getClassLoader();
    assertNotEquals(Hub.class.getClassLoader(), pluginLoader);
    assertEquals(pluginLoader, hub.plugins().get(0).classLoader());
    assertThrows(ClassNotFoundException.class, () -> Class.forName("io.cxhub.connector.billing.BillingJdbcPlugin"),
        "the connector is not on the application class path");
  }

  @Test
  void malformedPayloadsAreQuarantinedWithTheirReasonAndIngestKeepsWorking() {
    HttpResponse<String> notJson = fixture.post("/api/ingest/shop/orders", "this is {not json");
    assertEquals(202, notJson.statusCode());
    assertEquals(0, fixture.json(notJson).path("accepted").asInt());
    assertEquals(1, fixture.json(notJson).path("quarantined").asInt());

    HttpResponse<String> ndjson = fixture.post("/api/ingest/billing/customers",
        "{\"customer_id\":\"cus_e2e_1\",\"email\":\" Ada.Lovelace@Example.COM \",\"first_name\":\"Ada\"}\n"
            + "{\"customer_id\": \"cus_e2e_2\", truncated\n"
            + "{\"customer_id\":\"cus_e2e_3\",\"email\":\"not-an-email\"}\n");
    assertEquals(202, ndjson.statusCode());
    assertEquals(1, fixture.json(ndjson).path("accepted").asInt(), ndjson.body());
    assertEquals(2, fixture.json(ndjson).path("quarantined").asInt(), ndjson.body());

    HttpResponse<String> unmapped = fixture.post("/api/ingest/shop/orders", "[{\"id\":\"o1\",\"total\":12.5}]");
    assertEquals(1, fixture.json(unmapped).path("quarantined").asInt());

    String held = fixture.get("/api/quarantine?system=shop&stream=orders").body();
    assertTrue(held.contains("not JSON"), held);
    assertTrue(held.contains("no mapping for shop/orders"), held);
    String heldBilling = fixture.get("/api/quarantine?system=billing&stream=customers").body();
    assertTrue(heldBilling.contains("line 2 is not JSON"), heldBilling);
    assertTrue(heldBilling.contains("email"), heldBilling);

    // the good record went through
    HubFixtureAwait.until("Ada's profile", () -> fixture.json(fixture.get("/api/profiles?key=email:ada.lovelace@example.com"))
        .path("items").size() == 1);
  }

  @Test
  void theSameBatchIngestedTwiceLeavesTheStoreUnchanged() throws Exception {
    String batch = """
        [{"customer_id":"cus_twice_1","email":"Grace@Example.com","phone":"(415) 555-0142","first_name":"Grace","last_name":"Hopper","country":"us","updated_at":"2026-11-01T10:00:00Z"},
         {"customer_id":"cus_twice_2","email":"alan@example.com","first_name":"Alan","last_name":"Turing","country":"gb","updated_at":"2026-11-01T11:00:00Z"}]
        """;
    assertEquals(2, fixture.json(fixture.post("/api/ingest/billing/customers", batch)).path("accepted").asInt());
    HubFixtureAwait.until("both stored", () -> countHubUnchecked(
        "select count(*) from identity where key_value in ('cus_twice_1','cus_twice_2')") == 2);
    List<String> before = snapshot();
    long storedBefore = storedRecords("billing", "customers");

    assertEquals(2, fixture.json(fixture.post("/api/ingest/billing/customers", batch)).path("accepted").asInt());
    HubFixtureAwait.until("second batch processed", () -> storedRecords("billing", "customers") >= storedBefore + 2);
    assertEquals(before, snapshot(), "no row of profiles, identities or events changed");
  }

  @Test
  void everyEndpointButHealthNeedsAToken() {
    var noToken = fixture.send(java.net.http.HttpRequest.newBuilder(fixture.uri("/api/profiles")).GET().build());
    assertEquals(401, noToken.statusCode());
    var wrongToken = fixture.send(java.net.http.HttpRequest.newBuilder(fixture.uri("/api/streams"))
        .header("Authorization", "Bearer wrong-token-0000000000").GET().build());
    assertEquals(401, wrongToken.statusCode());
    var health = fixture.send(java.net.http.HttpRequest.newBuilder(fixture.uri("/api/health")).GET().build());
    assertEquals(200, health.statusCode());
  }

  // ---- helpers

  private static void awaitStreamRecords(Map<String, Long> expected) throws InterruptedException {
    HubFixture.await("stream records " + expected, Duration.ofSeconds(90), () -> {
      Map<String, Long> now = streamRecords();
      return now.equals(expected);
    });
  }

  private static Map<String, Long> streamRecords() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String t : TABLES) {
      counts.put(t, 0L);
    }
    for (JsonNode s : fixture.json(fixture.get("/api/streams")).path("items")) {
      if (s.path("system").asText().equals("billing") && counts.containsKey(s.path("stream").asText())
          && s.path("cursors").size() > 0) {
        counts.put(s.path("stream").asText(), s.path("records").asLong());
      }
    }
    return counts;
  }

  private static long storedRecords(String system, String stream) {
    for (JsonNode s : fixture.json(fixture.get("/api/streams")).path("items")) {
      if (s.path("system").asText().equals(system) && s.path("stream").asText().equals(stream)) {
        return s.path("records").asLong();
      }
    }
    return 0;
  }

  private static String[] firstCustomerWithEmail() throws SQLException {
    try (Connection c = DriverManager.getConnection(billingUrl);
        ResultSet rs = c.createStatement().executeQuery(
            "select customer_id, email from billing.customers where email is not null and email like '%@%' order by customer_id limit 1")) {
      rs.next();
      return new String[] {rs.getString(1), rs.getString(2)};
    }
  }

  private static Map<String, java.sql.Timestamp> maxUpdatedAt() throws SQLException {
    Map<String, java.sql.Timestamp> max = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(billingUrl)) {
      for (String t : TABLES) {
        try (ResultSet rs = c.createStatement().executeQuery("select max(updated_at) from billing." + t)) {
          rs.next();
          max.put(t, rs.getTimestamp(1));
        }
      }
    }
    return max;
  }

  private static long countBilling(String sql, java.sql.Timestamp after) throws SQLException {
    try (Connection c = DriverManager.getConnection(billingUrl); var ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, after);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long countHub(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(fixture.hubDbUrl); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long countHubUnchecked(String sql) {
    try {
      return countHub(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every row version of the profile store, by xmin: any update shows up as a change. */
  private static List<String> snapshot() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(fixture.hubDbUrl)) {
      for (String table : new String[] {"profile", "identity", "profile_event"}) {
        try (ResultSet rs = c.createStatement().executeQuery(
            "select xmin::text || ':' || t::text from " + table + " t order by 1")) {
          while (rs.next()) {
            rows.add(table + " " + rs.getString(1));
          }
        }
      }
    }
    return rows;
  }
}
