package io.cxhub.connector.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxhub.simulator.billing.BillingOptions;
import io.cxhub.simulator.billing.BillingSimulator;
import io.cxhub.spi.connector.CheckResult;
import io.cxhub.spi.connector.Connector;
import io.cxhub.spi.plugin.Plugin;
import io.cxhub.testkit.TestPostgres;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * Runs in the package phase, on the shaded jar: loaded in a class loader that sees from the hub
 * only the packages the hub exports, the plugin must still connect and read, so its JDBC driver
 * has to be inside the jar.
 */
class ShadedJarCheck {

  private static final List<String> EXPORTED =
      List.of("io.cxhub.spi.", "org.apache.camel.", "com.fasterxml.jackson.", "org.slf4j.");

  @Test
  void theShadedJarWorksInAnIsolatedClassLoader() throws Exception {
    Path jar = Path.of(System.getProperty("plugin.jar"));
    assertEquals(true, Files.isRegularFile(jar), "no plugin jar at " + jar);
    ClassLoader hubLoader = getClass().getClassLoader();
    ClassLoader exported = new ClassLoader("hub-exports", ClassLoader.getPlatformClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (EXPORTED.stream().anyMatch(name::startsWith)) {
          return hubLoader.loadClass(name);
        }
        throw new ClassNotFoundException(name + " is not exported to plugins");
      }
    };
    assertThrows(ClassNotFoundException.class, () -> exported.loadClass("org.postgresql.Driver"));

    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, exported)) {
      Plugin plugin = ServiceLoader.load(Plugin.class, loader).findFirst().orElseThrow();
      assertSame(loader, plugin.getClass().getClassLoader());
      assertNotSame(BillingJdbcPlugin.class, plugin.getClass());
      Connector connector = plugin.connectors().get(0);

      String url = TestPostgres.newDatabase("billing_shaded");
      BillingSimulator sim = new BillingSimulator(url, BillingOptions.defaults().withCustomers(30)
          .withAnchor(LocalDate.of(2026, 1, 1)));
      sim.start();
      assertEquals(CheckResult.passed(), connector.check(connector.configDef().parse("t", Map.of("jdbcUrl", url))));

      try (TemplateHarness hub = new TemplateHarness(connector)) {
        hub.addInstance("billing-shaded", Map.of("jdbcUrl", url, "streams", "customers", "settleTime", "0s"));
        TemplateHarness.await(Duration.ofSeconds(30), () -> hub.records.size() >= 30, "30 customers");
      }
    }
  }
}
