package io.cxhub.connector.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.simulator.billing.BillingOptions;
import io.cxhub.simulator.billing.BillingSimulator;
import io.cxhub.spi.config.ConfigException;
import io.cxhub.spi.connector.CheckResult;
import io.cxhub.testkit.TestPostgres;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Misconfiguration of template instances, and check() against live and dead databases. */
class BillingTemplateIT {

  private final BillingJdbcConnector connector = new BillingJdbcConnector();

  @Test
  void aMisconfiguredInstanceFailsNamingEveryBadOption() throws Exception {
    try (TemplateHarness hub = new TemplateHarness()) {
      Exception e = assertThrows(Exception.class,
          () -> hub.addInstance("billing-bad", Map.of("batchSize", "0", "streams", "customers,refunds")));
      ConfigException config = cause(e, ConfigException.class);
      assertTrue(config.getMessage().startsWith("connector billing-jdbc instance billing-bad: "), config.getMessage());
      for (String option : new String[] {"jdbcUrl", "batchSize", "streams"}) {
        assertTrue(config.getMessage().contains("configuration " + option), option + " not named: " + config.getMessage());
      }
      assertEquals(0, hub.context.getRoutes().stream().filter(r -> r.getId().equals("billing-bad")).count());
    }
  }

  @Test
  void checkPassesAgainstTheBillingDatabaseAndNamesMissingTables() {
    String url = TestPostgres.newDatabase("billing_check");
    new BillingSimulator(url, BillingOptions.defaults().withCustomers(5).withAnchor(LocalDate.of(2026, 1, 1))).start();
    assertEquals(CheckResult.passed(), connector.check(config(Map.of("jdbcUrl", url))));

    CheckResult wrongSchema = connector.check(config(Map.of("jdbcUrl", url, "schema", "public", "streams", "payments")));
    assertFalse(wrongSchema.ok());
    assertEquals("table public.payments does not exist (or is not visible to this user)", wrongSchema.message());

    CheckResult wrongColumn = connector.check(config(Map.of("jdbcUrl", url, "cursorColumn", "created_at",
        "streams", "invoices")));
    assertEquals("table billing.invoices has no column created_at", wrongColumn.message());
  }

  @Test
  void checkAgainstAWrongPortFailsWithAClearMessageAndNoSecret() {
    CheckResult result = connector.check(config(Map.of("jdbcUrl", "jdbc:postgresql://127.0.0.1:1/billing?password=s3cret",
        "username", "billing", "password", "pw-xyz")));
    assertFalse(result.ok());
    assertTrue(result.message().startsWith("cannot connect to jdbc:postgresql://127.0.0.1:1/billing: "), result.message());
    assertTrue(result.message().contains("refused"), result.message());
    assertFalse(result.message().contains("s3cret") || result.message().contains("pw-xyz"), result.message());
    assertFalse(result.message().contains("\n\tat "), "stack trace in " + result.message());
  }

  @Test
  void checkWithBadCredentialsSaysSo() {
    String url = TestPostgres.newDatabase("billing_auth");
    String noUser = url.substring(0, url.indexOf('?'));
    CheckResult result = connector.check(config(Map.of("jdbcUrl", noUser, "username", "nosuchuser", "password", "pw-xyz")));
    assertFalse(result.ok());
    assertTrue(result.message().startsWith("cannot connect to " + noUser + ": "), result.message());
    assertTrue(result.message().contains("nosuchuser"), result.message());
    assertFalse(result.message().contains("pw-xyz"));
  }

  private io.cxhub.spi.config.ConnectorConfig config(Map<String, String> raw) {
    return connector.configDef().parse("test", raw);
  }

  private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in the cause chain of " + t, t);
  }
}
