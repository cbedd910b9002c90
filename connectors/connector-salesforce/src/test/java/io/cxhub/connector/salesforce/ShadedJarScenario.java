package io.cxhub.connector.salesforce;

import io.cxhub.plugin.LoadedPlugin;
import io.cxhub.plugin.PluginLoader;
import io.cxhub.simulator.salesforce.SalesforceOptions;
import io.cxhub.simulator.salesforce.SalesforceSimulator;
import io.cxhub.spi.connector.CheckResult;
import io.cxhub.spi.connector.Connector;
import io.cxhub.testkit.ConnectorHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What {@link ShadedJarCheck} runs inside its stand-in hub class loader. */
public final class ShadedJarScenario {

  private ShadedJarScenario() {}

  public static String run(Path pluginsDir) throws Exception {
    ClassLoader hub = ShadedJarScenario.class.getClassLoader();
    try {
      hub.loadClass("org.apache.camel.component.salesforce.SalesforceComponent");
      return "the stand-in hub must not have camel-salesforce";
    } catch (ClassNotFoundException expected) {
      // only the plugin has it
    }
    List<LoadedPlugin> plugins = PluginLoader.loadAll(pluginsDir);
    if (plugins.size() != 1) {
      return "expected one plugin, got " + plugins;
    }
    Connector connector = plugins.get(0).connectors().get(0);
    if (connector.getClass().getClassLoader() != plugins.get(0).classLoader() || !connector.id().equals("salesforce")) {
      return "the connector does not come from the plugin's class loader";
    }
    if (connector.getClass().getClassLoader().getResource("mappings/salesforce/contacts.yaml") == null
        || connector.defaultMappings().size() != 3) {
      return "the default mappings are not in the jar";
    }
    try (SalesforceSimulator sim = SalesforceSimulator.start(SalesforceOptions.defaults().withContacts(120, 10)
        .withPageSize(50))) {
      Map<String, Object> config = new HashMap<>();
      config.put("loginUrl", sim.baseUri().toString());
      config.put("clientId", sim.options().clientId());
      config.put("clientSecret", sim.options().clientSecret());
      config.put("userName", sim.options().username());
      config.put("password", sim.options().password());
      config.put("streams", "contacts");
      config.put("schedule", "0/1 * * * * ?");
      CheckResult check = connector.check(connector.configDef().parse("shaded", config));
      if (!check.ok()) {
        return "check failed: " + check.message();
      }
      try (ConnectorHarness harness = new ConnectorHarness(connector)) {
        harness.context().getClassResolver().addClassLoader(plugins.get(0).classLoader());
        harness.addInstance("salesforce-shaded", config);
        ConnectorHarness.await(Duration.ofSeconds(30), () -> harness.records("contacts").size() >= 120, "120 contacts");
      }
    }
    return "ok";
  }
}
