package io.cxhub.connector.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs in the package phase, on the shaded jar, the way the hub loads it: the test's class path
 * minus camel-salesforce and everything the plugin bundles becomes the "hub" (so, as in the real
 * hub, camel-salesforce exists only inside the plugin jar), and {@link ShadedJarScenario} runs in
 * it: {@code PluginLoader.loadAll} on a plugins folder holding the jar, then a read of the
 * simulator through the loaded connector in a {@code ConnectorHarness}.
 */
class ShadedJarCheck {

  /** Class path entries the real hub does not have: the plugin's own classes and what it bundles. */
  private static final Pattern NOT_IN_HUB = Pattern.compile(".*(connector-salesforce[/\\\\]target[/\\\\]classes"
      + "|camel-salesforce|jetty-|cometd-|protobuf-java|avro|converter-0|jackson-jakarta-rs|jackson-module-jsonSchema"
      + "|jackson-module-jakarta-xmlbind|jaxb-|txw2|istack-commons).*");

  @Test
  void theShadedJarLoadsThroughPluginLoaderAndReads() throws Exception {
    String built = System.getProperty("plugin.jar");
    Assumptions.assumeTrue(built != null, "runs in the package phase only, on the shaded jar");
    Path jar = Path.of(built);
    assertTrue(Files.isRegularFile(jar), "no plugin jar at " + jar);
    Path plugins = Files.createTempDirectory("cxhub-plugins");
    Files.copy(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);

    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<URL> hubPath = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.isBlank() && !NOT_IN_HUB.matcher(entry).matches()) {
        hubPath.add(Path.of(entry).toUri().toURL());
      }
    }
    try (URLClassLoader hub = new URLClassLoader("hub", hubPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      ClassLoader previous = Thread.currentThread().getContextClassLoader();
      Thread.currentThread().setContextClassLoader(hub); // Camel finds its factories through it
      try {
        Object result = hub.loadClass(ShadedJarScenario.class.getName()).getMethod("run", Path.class)
            .invoke(null, plugins);
        assertEquals("ok", result);
      } finally {
        Thread.currentThread().setContextClassLoader(previous);
      }
    }
  }
}
