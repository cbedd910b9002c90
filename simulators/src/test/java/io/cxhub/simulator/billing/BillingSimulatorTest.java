package io.cxhub.simulator.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BillingSimulatorTest {

  private static final BillingOptions OPTIONS = BillingOptions.defaults().withAnchor(LocalDate.of(2026, 6, 1));

  @Test
  void seedingIsReproducibleForASeedAndFast() throws SQLException {
    String a = TestPostgres.newDatabase("billing_sim_a");
    String b = TestPostgres.newDatabase("billing_sim_b");
    long t0 = System.nanoTime();
    assertTrue(new BillingSimulator(a, OPTIONS).start());
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(new BillingSimulator(b, OPTIONS).start());

    assertTrue(millis < 15_000, "seeding 3000 customers took " + millis + " ms");
    Map<String, Long> counts = new BillingSimulator(a, OPTIONS).counts();
    assertEquals(3000L, counts.get("customers"));
    assertTrue(counts.get("invoices") > 15_000, counts.toString());
    assertTrue(counts.get("payments") > 15_000, counts.toString());
    for (String table : new String[] {"customers", "invoices", "payments"}) {
      assertEquals(digest(a, table), digest(b, table), table + " differs between two seeds with the same options");
    }
    String c = TestPostgres.newDatabase("billing_sim_c");
    new BillingSimulator(c, OPTIONS.withSeed(43).withCustomers(50)).start();
    assertFalse(digest(c, "customers").equals(digest(a, "customers")));
  }

  @Test
  void historyHasEveryKindOfOutcome() throws SQLException {
    String url = TestPostgres.newDatabase("billing_sim_kinds");
    new BillingSimulator(url, OPTIONS.withCustomers(400)).start();
    String statuses = query(url, "select string_agg(distinct status, ',' order by status) from billing.invoices");
    assertEquals("open,paid,uncollectible,void", statuses);
    assertEquals("failed,succeeded",
        query(url, "select string_agg(distinct status, ',' order by status) from billing.payments"));
    assertTrue(Long.parseLong(query(url, "select count(*) from billing.invoices where status = 'open' "
        + "and amount_paid_cents > 0")) > 0, "no partially paid invoice");
    assertTrue(Long.parseLong(query(url, "select count(*) from billing.invoices i join billing.payments p "
        + "using (invoice_id) where p.status = 'succeeded' and p.paid_at::date > i.due_date")) > 0, "no late payment");
    assertEquals("0", query(url, "select count(*) from billing.customers where updated_at > '2026-06-01'"));
  }

  @Test
  void aSecondStartKeepsTheDataAndLiveChangesBumpUpdatedAt() throws Exception {
    String url = TestPostgres.newDatabase("billing_sim_idem");
    BillingSimulator first = new BillingSimulator(url, OPTIONS.withCustomers(300));
    assertTrue(first.start());
    String before = digest(url, "invoices");
    Map<String, Long> counts = first.counts();

    BillingSimulator second = new BillingSimulator(url, OPTIONS.withCustomers(300));
    assertFalse(second.start());
    assertEquals(counts, second.counts());
    assertEquals(before, digest(url, "invoices"));

    int touched = 0;
    for (int i = 0; i < 5; i++) {
      touched += second.tick().touched();
    }
    assertTrue(touched > 5);
    long recent = Long.parseLong(query(url, "select (select count(*) from billing.customers where updated_at > now() - "
        + "interval '1 hour') + (select count(*) from billing.invoices where updated_at > now() - interval '1 hour')"));
    assertTrue(recent > 0, "live changes did not bump updated_at");

    second.startChanging(Duration.ofMillis(50));
    Thread.sleep(400);
    second.stop();
    long invoices = second.counts().get("invoices");
    assertTrue(invoices > counts.get("invoices"), "no new invoice while changing");
    Thread.sleep(200);
    assertEquals(invoices, second.counts().get("invoices"), "still changing after stop()");
  }

  private static String digest(String url, String table) throws SQLException {
    return query(url, "select md5(string_agg(t::text, '|' order by t::text)) from billing." + table + " t");
  }

  private static String query(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
