package io.cxhub.connector.genesys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.plugin.PluginLoader;
import io.cxhub.simulator.genesys.GenesysOptions;
import io.cxhub.simulator.genesys.GenesysSimulator;
import io.cxhub.spi.connector.CheckResult;
import io.cxhub.spi.connector.Connector;
import io.cxhub.testkit.ConnectorHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Runs in the package phase, on the finished jar: loaded from a plugins folder by the hub's
 * {@link PluginLoader}, the connector must check, read through the hub's camel-http, and carry its
 * default mapping.
 */
class PluginJarCheck {

  @Test
  void theJarLoadsAsAPluginAndReads() throws Exception {
    // only the package-phase execution names the jar; the ordinary test run has none yet
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("plugin.jar") != null, "runs on the packaged jar");
    Path jar = Path.of(System.getProperty("plugin.jar"));
    assertTrue(Files.isRegularFile(jar), "no plugin jar at " + jar);
    Path plugins = Files.createTempDirectory("genesys-plugins");
    Files.copy(jar, plugins.resolve(jar.getFileName()));
    Connector connector = PluginLoader.loadAll(plugins).stream().flatMap(p -> p.connectors().stream()).filter(c -> c.id().equals("genesys")).findFirst().orElseThrow();
    assertNotSame(GenesysConnector.class, connector.getClass());
    ClassLoader pluginLoader = connector.getClass().getClassLoader();
    assertNotSame(getClass().getClassLoader(), pluginLoader);
    assertSame(org.apache.camel.Exchange.class, pluginLoader.loadClass("org.apache.camel.Exchange"));
    for (String resource : connector.defaultMappings()) {
      assertNotNull(pluginLoader.getResource(resource), resource + " inside the jar");
    }
    try (GenesysSimulator sim = GenesysSimulator.start(GenesysOptions.defaults().withConversations(120), 0);
        ConnectorHarness hub = new ConnectorHarness(connector)) {
      assertEquals(CheckResult.passed(),
          connector.check(connector.configDef().parse("t", GenesysConnectorIT.config(sim))));
      hub.addInstance("genesys-jar", GenesysConnectorIT.config(sim));
      ConnectorHarness.await(Duration.ofSeconds(30), () -> hub.records("conversations").size() >= 120, "120 conversations");
    }
  }
}
