package io.cxhub.connector.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.plugin.LoadedPlugin;
import io.cxhub.plugin.PluginLoader;
import io.cxhub.simulator.stripe.StripeOptions;
import io.cxhub.simulator.stripe.StripeSimulator;
import io.cxhub.spi.connector.CheckResult;
import io.cxhub.spi.connector.Connector;
import io.cxhub.testkit.ConnectorHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs in the package phase, on the built jar: loaded from a plugins directory by the hub's own
 * {@link PluginLoader} (child-first, seeing only the packages the hub exports), the connector must
 * check, read through camel-http and carry its default mappings.
 */
class PluginJarCheck {

  @Test
  void theBuiltJarLoadsAndReadsLikeAnyPlugin() throws Exception {
    String built = System.getProperty("plugin.jar");
    Assumptions.assumeTrue(built != null, "runs in the package phase, on the built jar");
    Path jar = Path.of(built);
    assertTrue(Files.isRegularFile(jar), "no plugin jar at " + jar);
    Path plugins = Files.createTempDirectory("cxhub-plugins-");
    Files.copy(jar, plugins.resolve(jar.getFileName()));

    List<LoadedPlugin> loaded = PluginLoader.loadAll(plugins);
    assertEquals(1, loaded.size());
    Connector connector = loaded.get(0).connectors().get(0);
    assertEquals(StripeConnector.ID, connector.id());
    assertNotSame(StripeConnector.class, connector.getClass(), "loaded through the plugin's own class loader");
    for (String mapping : connector.defaultMappings()) {
      assertNotNull(loaded.get(0).classLoader().getResource(mapping), mapping + " inside the jar");
    }

    try (StripeSimulator sim = StripeSimulator.start(StripeOptions.defaults().withCustomers(25))) {
      Map<String, Object> config = Map.of("apiBase", sim.baseUri().toString(), "apiKey", sim.apiKey(),
          "schedule", "0/1 * * * * ?", "streams", "customers");
      assertEquals(CheckResult.passed(), connector.check(connector.configDef().parse("t", config)));
      try (ConnectorHarness hub = new ConnectorHarness(connector)) {
        hub.addInstance("stripe-jar", config);
        ConnectorHarness.await(Duration.ofSeconds(30), () -> hub.records("customers").size() >= 25, "25 customers");
      }
    }
  }
}
