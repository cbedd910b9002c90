package com.example.cxhub.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.cxhub.zendesk.sim.ZendeskSimulator;
import io.cxhub.plugin.LoadedPlugin;
import io.cxhub.plugin.PluginLoader;
import io.cxhub.spi.connector.CheckResult;
import io.cxhub.spi.connector.Connector;
import io.cxhub.testkit.ConnectorHarness;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs in the package phase, on the built jar: dropped into a fresh {@code plugins/} folder and
 * loaded by the hub's own {@link PluginLoader}, the plugin must declare its connector, carry its
 * default mapping, pass check() and read tickets — all from its own class loader.
 */
class PluginJarCheck {

  @Test
  void theBuiltJarLoadsFromPluginsAndReads(@TempDir Path tree) throws Exception {
    String built = System.getProperty("plugin.jar");
    Assumptions.assumeTrue(built != null, "runs in the package phase, where the pom passes -Dplugin.jar");
    Path jar = Path.of(built);
    assertTrue(Files.isRegularFile(jar), "no plugin jar at " + jar);
    Path plugins = Files.createDirectories(tree.resolve("plugins"));
    Files.copy(jar, plugins.resolve(jar.getFileName()));

    List<LoadedPlugin> loaded = PluginLoader.loadAll(plugins);
    assertEquals(1, loaded.size());
    Connector connector = loaded.get(0).connectors().get(0);
    assertEquals("zendesk", connector.id());
    assertEquals(loaded.get(0).classLoader(), connector.getClass().getClassLoader(), "loaded from the plugin's class loader");
    assertNotSame(ZendeskConnector.class, connector.getClass());
    for (String mapping : connector.defaultMappings()) {
      try (InputStream in = loaded.get(0).classLoader().getResourceAsStream(mapping)) {
        assertTrue(in != null && in.readAllBytes().length > 0, mapping + " is not in the jar");
      }
    }

    try (ZendeskSimulator zendesk = new ZendeskSimulator(120, 3)) {
      Map<String, Object> config = Map.of("baseUrl", zendesk.baseUrl(), "email", ZendeskSimulator.EMAIL,
          "apiToken", ZendeskSimulator.API_TOKEN, "schedule", "0/1 * * * * ?", "perPage", "50");
      assertEquals(CheckResult.passed(), connector.check(connector.configDef().parse("plugin-jar", config)));
      try (ConnectorHarness hub = new ConnectorHarness(connector)) {
        hub.addInstance("zendesk-jar", config);
        ConnectorHarness.await(Duration.ofSeconds(30), () -> hub.records("tickets").size() >= 120, "120 tickets");
      }
    }
  }
}
