package io.cxhub.connector.billing;

import io.cxhub.simulator.billing.BillingOptions;
import io.cxhub.simulator.billing.BillingSimulator;
import io.cxhub.spi.connector.Connector;
import io.cxhub.testkit.TestPostgres;
import io.cxhub.testkit.conformance.ConformanceSource;
import io.cxhub.testkit.conformance.ConnectorConformanceTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The billing-jdbc connector against the conformance suite, on a real PostgreSQL filled by the
 * billing simulator. A database answers neither 429 nor truncated bodies, so those tests are
 * skipped; unreadable rows are covered by {@link BillingJdbcConnectorIT}.
 */
class BillingConformanceIT extends ConnectorConformanceTest {

  private static final Map<String, String> KEYS =
      Map.of("customers", "customer_id", "invoices", "invoice_id", "payments", "payment_id");

  private String url;
  private BillingSimulator simulator;

  @BeforeAll
  void startSource() {
    url = TestPostgres.newDatabase("billing_conformance");
    simulator = new BillingSimulator(url, BillingOptions.defaults().withCustomers(80).withAnchor(LocalDate.of(2026, 6, 1)));
    simulator.start();
  }

  @AfterAll
  void stopSource() {
    simulator.close();
  }

  @Override
  protected Connector connector() {
    return new BillingJdbcConnector();
  }

  @Override
  protected Map<String, Object> validConfig() {
    return Map.of("jdbcUrl", url, "schedule", "0/1 * * * * ?", "settleTime", "0s", "batchSize", "50");
  }

  @Override
  protected Map<String, Object> badCredentialsConfig() {
    return Map.of("jdbcUrl", url, "username", "no_such_role", "password", "wrong-password");
  }

  @Override
  protected Map<String, Object> unreachableConfig() {
    return Map.of("jdbcUrl", "jdbc:postgresql://127.0.0.1:1/billing", "password", "s3cret-pw");
  }

  @Override
  protected ConformanceSource source() {
    return new ConformanceSource() {
      @Override
      public Map<String, Set<String>> contents() {
        return idsWhere("true");
      }

      @Override
      public Map<String, Set<String>> change() {
        String before = single("select greatest((select max(updated_at) from billing.customers), "
            + "(select max(updated_at) from billing.invoices), (select max(updated_at) from billing.payments))::text");
        simulator.tick();
        simulator.tick();
        return idsWhere("updated_at > '" + before + "'");
      }
    };
  }

  private Map<String, Set<String>> idsWhere(String condition) {
    Map<String, Set<String>> ids = new HashMap<>();
    KEYS.forEach((table, key) -> ids.put(table, new HashSet<>(query("select " + key + " from billing." + table
        + " where " + condition))));
    return ids;
  }

  private String single(String sql) {
    return query(sql).iterator().next();
  }

  private java.util.List<String> query(String sql) {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      java.util.List<String> out = new java.util.ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
