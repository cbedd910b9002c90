package io.cxhub.connector.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.simulator.billing.BillingOptions;
import io.cxhub.simulator.billing.BillingSimulator;
import io.cxhub.spi.connector.HubEndpoints;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The route template against a real PostgreSQL filled by the billing simulator. */
class BillingJdbcConnectorIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final BillingOptions SIM = BillingOptions.defaults().withCustomers(150)
      .withAnchor(LocalDate.of(2026, 6, 1));

  private static String url;
  private static BillingSimulator simulator;

  @BeforeAll
  static void seed() {
    url = TestPostgres.newDatabase("billing_conn");
    simulator = new BillingSimulator(url, SIM);
    simulator.start();
  }

  @Test
  void fullReadThenIncrementalReadReturnsEachChangeOnce() throws Exception {
    String db = TestPostgres.newDatabase("billing_incr");
    BillingSimulator sim = new BillingSimulator(db, SIM);
    sim.start();
    try (TemplateHarness hub = new TemplateHarness()) {
      hub.addInstance("billing-full", Map.of("jdbcUrl", db, "batchSize", "97", "settleTime", "0s"));
      Map<String, Long> counts = sim.counts();
      long total = counts.values().stream().mapToLong(Long::longValue).sum();
      TemplateHarness.await(WAIT, () -> hub.records.size() >= total, "a full read of " + counts);
      Thread.sleep(1500); // a few more polls: they must bring nothing new
      for (String stream : counts.keySet()) {
        List<RawRecord> read = hub.of(stream);
        assertEquals(counts.get(stream), read.size(), stream + ": records read");
        assertEquals(read.size(), distinctIds(read).size(), stream + ": a row was read twice");
      }

      Map<String, String> before = maxUpdatedAt(db);
      int seen = hub.records.size();
      for (int i = 0; i < 3; i++) {
        sim.tick();
      }
      Map<String, Set<String>> changed = changedSince(db, before);
      long changes = changed.values().stream().mapToLong(Set::size).sum();
      assertTrue(changes > 3, "the simulator changed only " + changes + " rows");
      TemplateHarness.await(WAIT, () -> readSince(hub, seen).equals(changed), changes + " changed rows");
      Thread.sleep(1500);
      List<RawRecord> incremental = hub.records.subList(seen, hub.records.size());
      assertEquals(changed, readSince(hub, seen), "incremental read returned other rows than the changed ones");
      // a row changed in two ticks may be read twice, but never the same version twice
      assertEquals(incremental.size(), incremental.stream().map(r -> r.stream() + r.cursor()).distinct().count());
    }
  }

  @Test
  void noChangeIsMissedWhileTheDatabaseChangesUnderTheReader() throws Exception {
    String db = TestPostgres.newDatabase("billing_live");
    BillingSimulator sim = new BillingSimulator(db, SIM.withCustomers(60));
    sim.start();
    try (TemplateHarness hub = new TemplateHarness()) {
      hub.addInstance("billing-live", Map.of("jdbcUrl", db, "batchSize", "25", "settleTime", "0s"));
      sim.startChanging(Duration.ofMillis(20));
      Thread.sleep(3000);
      sim.stop();
      Set<String> current = new HashSet<>();
      Map<String, String> pk = Map.of("customers", "customer_id", "invoices", "invoice_id", "payments", "payment_id");
      for (String t : pk.keySet()) {
        for (String cursor : query(db, "select to_char(updated_at at time zone 'UTC', "
            + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"') || '|' || " + pk.get(t) + " from billing." + t)) {
          current.add(t + " " + cursor);
        }
      }
      TemplateHarness.await(WAIT, () -> hub.records.stream().map(r -> r.stream() + " " + r.cursor())
          .collect(Collectors.toSet()).containsAll(current), "the latest version of all " + current.size() + " rows");
    }
  }

  @Test
  void recordsCarrySourceShapedPayloadsAndCursors() throws Exception {
    try (TemplateHarness hub = new TemplateHarness()) {
      hub.addInstance("billing-shape", Map.of("jdbcUrl", url, "streams", "invoices", "system", "acme-billing"));
      TemplateHarness.await(WAIT, () -> !hub.records.isEmpty(), "invoices");
      RawRecord r = hub.records.get(0);
      JsonNode p = r.payload();
      assertEquals("acme-billing", r.system());
      assertEquals("invoices", r.stream());
      assertEquals("billing-shape", r.connectorInstance());
      assertEquals(p.get("invoice_id").asText(), r.sourceId());
      assertTrue(p.get("amount_due_cents").isIntegralNumber(), p.toString());
      assertTrue(p.get("issued_on").asText().matches("\\d{4}-\\d{2}-\\d{2}"), p.toString());
      assertTrue(p.get("updated_at").asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+00:00"),
          p.toString());
      assertEquals(p.get("updated_at").asText() + "|" + r.sourceId(), r.cursor());
      assertEquals(Cursor.parse(r.cursor()).updatedAt(), r.observedAt());
      assertTrue(p.has("paid_at"), "null columns are kept as null fields");
    }
  }

  @Test
  void restartFromACommittedCursorNeitherRepeatsNorMisses() throws Exception {
    List<RawRecord> first;
    try (TemplateHarness hub = new TemplateHarness()) {
      hub.addInstance("billing-restart", Map.of("jdbcUrl", url, "streams", "customers,invoices", "batchSize", "50"));
      long total = simulator.counts().get("customers") + simulator.counts().get("invoices");
      TemplateHarness.await(WAIT, () -> hub.records.size() >= total, "a full read");
      first = List.copyOf(hub.records);
    }
    // the hub stored (and committed) only part of what was read before the restart
    RawRecord lastCustomer = first.stream().filter(r -> r.stream().equals("customers")).skip(70).findFirst().orElseThrow();
    RawRecord lastInvoice = first.stream().filter(r -> r.stream().equals("invoices")).skip(333).findFirst().orElseThrow();
    try (TemplateHarness hub = new TemplateHarness()) {
      hub.committed.put("billing-restart/customers", lastCustomer.cursor());
      hub.committed.put("billing-restart/invoices", lastInvoice.cursor());
      hub.addInstance("billing-restart", Map.of("jdbcUrl", url, "streams", "customers,invoices", "batchSize", "50"));
      long expected = first.size() - 71 - 334;
      TemplateHarness.await(WAIT, () -> hub.records.size() >= expected, expected + " records after the cursors");
      Thread.sleep(1500);
      for (String stream : List.of("customers", "invoices")) {
        int stored = stream.equals("customers") ? 71 : 334;
        List<RawRecord> before = first.stream().filter(r -> r.stream().equals(stream)).limit(stored).toList();
        List<RawRecord> after = hub.of(stream);
        Set<String> union = new HashSet<>(distinctIds(before));
        union.addAll(distinctIds(after));
        assertEquals(before.size() + after.size(), union.size(), stream + ": a row was read twice across the restart");
        assertEquals(simulator.counts().get(stream).intValue(), union.size(), stream + ": a row was missed");
      }
    }
  }

  @Test
  void aRowWithoutAJsonFormIsQuarantinedAndTheRestFlows() throws Exception {
    String db = TestPostgres.newDatabase("billing_quar");
    BillingSimulator sim = new BillingSimulator(db, SIM.withCustomers(40));
    sim.start();
    execute(db, "alter table billing.customers add column avatar bytea");
    execute(db, "update billing.customers set avatar = '\\x01ff' where customer_id = 'cus_000007'");
    try (TemplateHarness hub = new TemplateHarness()) {
      hub.addInstance("billing-quar", Map.of("jdbcUrl", db, "streams", "customers", "batchSize", "10"));
      TemplateHarness.await(WAIT, () -> hub.records.size() >= 39 && hub.quarantined.size() == 1, "39 customers + 1");
      var q = hub.quarantined.get(0).getMessage();
      assertEquals("billing", q.getHeader(HubEndpoints.SYSTEM));
      assertEquals("customers", q.getHeader(HubEndpoints.STREAM));
      assertTrue(q.getHeader(HubEndpoints.REASON, String.class).contains("column avatar"), q.getHeaders().toString());
      assertTrue(q.getBody(String.class).contains("cus_000007"));
      assertFalse(hub.records.stream().anyMatch(r -> r.sourceId().equals("cus_000007")));
      assertTrue(hub.records.get(0).payload().get("avatar").isNull(), "the new column is carried");
    }
  }

  @Test
  void anUnreachableDatabaseIsRetriedWithoutStoppingTheRoute() throws Exception {
    try (TemplateHarness hub = new TemplateHarness()) {
      String routeId = hub.addInstance("billing-down", Map.of("jdbcUrl", "jdbc:postgresql://127.0.0.1:1/billing",
          "password", "s3cret"));
      Thread.sleep(2500);
      assertTrue(hub.context.getRouteController().getRouteStatus(routeId).isStarted());
      assertTrue(hub.records.isEmpty());
    }
  }

  private static Map<String, Set<String>> readSince(TemplateHarness hub, int seen) {
    Map<String, Set<String>> read = new HashMap<>(Map.of("customers", Set.of(), "invoices", Set.of(), "payments", Set.of()));
    read.putAll(hub.records.subList(seen, hub.records.size()).stream().collect(
        Collectors.groupingBy(RawRecord::stream, Collectors.mapping(RawRecord::sourceId, Collectors.toSet()))));
    return read;
  }

  private static Set<String> distinctIds(List<RawRecord> records) {
    return records.stream().map(RawRecord::sourceId).collect(Collectors.toSet());
  }

  private static Map<String, String> maxUpdatedAt(String db) throws SQLException {
    Map<String, String> max = new HashMap<>();
    for (String t : List.of("customers", "invoices", "payments")) {
      max.put(t, query(db, "select max(updated_at)::text from billing." + t).get(0));
    }
    return max;
  }

  private static Map<String, Set<String>> changedSince(String db, Map<String, String> before) throws SQLException {
    Map<String, String> pk = Map.of("customers", "customer_id", "invoices", "invoice_id", "payments", "payment_id");
    Map<String, Set<String>> changed = new HashMap<>();
    for (String t : before.keySet()) {
      changed.put(t, new HashSet<>(query(db, "select " + pk.get(t) + " from billing." + t + " where updated_at > '"
          + before.get(t) + "'")));
    }
    return changed;
  }

  private static List<String> query(String db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new java.util.ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }

  private static void execute(String db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
