package io.cxhub.connector.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.spi.config.ConfigException;
import io.cxhub.spi.config.ConfigOption;
import io.cxhub.spi.config.ConfigProblem;
import io.cxhub.spi.config.ConnectorConfig;
import io.cxhub.spi.plugin.Plugin;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class BillingConfigTest {

  private final BillingJdbcConnector connector = new BillingJdbcConnector();

  @Test
  void thePluginIsFoundThroughServiceLoaderAndOffersTheConnector() {
    List<Plugin> plugins = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get).toList();
    Plugin plugin = plugins.stream().filter(p -> p instanceof BillingJdbcPlugin).findFirst().orElseThrow();
    assertEquals("billing-jdbc", plugin.connectors().get(0).id());
  }

  @Test
  void everyOptionIsDescribedAndOnlyThePasswordIsSecret() {
    for (ConfigOption o : connector.configDef().options()) {
      assertFalse(o.description().isBlank(), o.name() + " has no description");
      assertEquals(o.name().equals("password"), o.secret(), o.name());
    }
  }

  @Test
  void defaults() {
    ConnectorConfig c = connector.configDef().parse("test", Map.of("jdbcUrl", "jdbc:postgresql://db/billing"));
    assertEquals("billing", c.string("schema"));
    assertEquals(List.of("customers", "invoices", "payments"), c.list("streams"));
    assertEquals("updated_at", c.string("cursorColumn"));
    assertEquals("0/10 * * * * ?", c.string("schedule"));
    assertEquals(500, c.integer("batchSize"));
    assertEquals(Duration.ofSeconds(5), c.duration("settleTime"));
    assertEquals("billing", c.string("system"));
  }

  @Test
  void aBadConfigurationNamesEveryBadOption() {
    ConfigException e = assertThrows(ConfigException.class, () -> connector.configDef().parse("billing-jdbc instance x",
        Map.of("batchSize", "0", "streams", "customers,refunds", "schema", "Billing; drop table x", "password", "pw1")));
    List<String> bad = e.problems().stream().map(ConfigProblem::option).toList();
    assertEquals(List.of("jdbcUrl", "schema", "streams", "batchSize"), bad);
    assertTrue(e.getMessage().contains("Missing required configuration jdbcUrl"), e.getMessage());
    assertTrue(e.getMessage().contains("Invalid value 0 for configuration batchSize: expected an integer from 1 to 10000"),
        e.getMessage());
    assertTrue(e.getMessage().contains("customers,invoices,payments"), e.getMessage());
    assertFalse(e.getMessage().contains("pw1"));
  }

  @Test
  void aUrlOfAnotherDatabaseIsRefused() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> connector.configDef().parse("x", Map.of("jdbcUrl", "jdbc:mysql://db/billing")));
    assertTrue(e.getMessage().contains("jdbc:postgresql:"), e.getMessage());
  }

  @Test
  void streamSpecsMatchTheOptions() {
    assertEquals(List.of("customers", "invoices", "payments"),
        connector.streams().stream().map(s -> s.name()).toList());
    connector.streams().forEach(s -> {
      assertEquals("updated_at", s.cursorField());
      assertTrue(s.fields().stream().anyMatch(f -> f.path().equals(s.primaryKey()) && !f.nullable()), s.name());
    });
  }
}
