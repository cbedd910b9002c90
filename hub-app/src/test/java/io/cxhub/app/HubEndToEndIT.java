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
    assertTrue(countHub("select count(*) from identity where key_type = 'billing_customer_id'") > rows.get("customers") / 2);

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
    assertEquals(expected, streamRecords(), "nothing read twice");
    assertEquals(countHub("select count(distinct key_value) from identity where key_type = 'billing_customer_id'"),
        countHub("select count(*) from identity where key_type = 'billing_customer_id'"), "one identity per customer");
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
    try {
      HubFixture.await("stream records " + expected, Duration.ofSeconds(90), () -> streamRecords().equals(expected));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; last seen " + streamRecords(), e);
    }
  }

  private static Map<String, Long> streamRecords() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String t : TABLES) {
      counts.put(t, 0L);
    }
    for (JsonNode s : fixture.json(fixture.get("/api/streams")).path("items")) {
      if (s.path("system").asText().equals("billing") && counts.containsKey(s.path("stream").asText())
          && s.path("cursors").size() > 0) {
        // every row read ends stored or quarantined (the simulator's messy data has unparseable phones)
        counts.put(s.path("stream").asText(), s.path("records").asLong() + s.path("quarantined").asLong());
      }
    }
    return counts;
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


}
