package io.cxhub.connector.qualtrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.plugin.LoadedPlugin;
import io.cxhub.plugin.PluginLoader;
import io.cxhub.simulator.qualtrics.QualtricsSimulator;
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
 * Runs in the package phase, on the built jar: loaded by the hub's {@link PluginLoader} from a
 * plugins folder, in its own class loader, the connector checks, reads and ships its mapping.
 */
class PluginJarCheck {

  @Test
  void theBuiltJarLoadsAndReadsLikeAnyPlugin() throws Exception {
    // only the package-phase execution names the jar; a -Dtest run of the default phase skips this
    Assumptions.assumeTrue(System.getProperty("plugin.jar") != null, "no plugin.jar: not the package phase");
    Path jar = Path.of(System.getProperty("plugin.jar"));
    assertTrue(Files.isRegularFile(jar), "no plugin jar at " + jar);
    Path plugins = Files.createTempDirectory("qualtrics-plugins");
    Files.copy(jar, plugins.resolve(jar.getFileName()));
    List<LoadedPlugin> loaded = PluginLoader.loadAll(plugins);
    assertEquals(1, loaded.size());
    Connector connector = loaded.get(0).connectors().get(0);
    assertEquals("qualtrics", connector.id());
    assertNotSame(QualtricsConnector.class, connector.getClass(), "loaded from the jar, not the test class path");
    assertTrue(loaded.get(0).classLoader().getResource(connector.defaultMappings().get(0)) != null,
        "the default mapping is inside the jar");

    try (QualtricsSimulator sim = new QualtricsSimulator(0, 5)) {
      Map<String, Object> config = Map.of("baseUrl", sim.baseUri().toString(), "apiToken", sim.apiToken(),
          "surveyIds", String.join(",", sim.surveyIds()), "schedule", "0/1 * * * * ?", "settleTime", "0s");
      assertEquals(CheckResult.passed(), connector.check(connector.configDef().parse("t", config)));
      try (ConnectorHarness hub = new ConnectorHarness(connector)) {
        hub.addInstance("qualtrics-jar", config);
        ConnectorHarness.await(Duration.ofSeconds(30), () -> hub.records().size() == sim.size(), "every response");
      }
    }
  }
}
