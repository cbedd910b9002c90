package io.cxhub.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cxhub.plugin.DefaultMappings;
import io.cxhub.plugin.PluginLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A connector's default mappings, shipped in its jar, land in an admin's tree that has none. */
class DefaultMappingsTest {

  @Test
  void defaultMappingsAreInstalledWithoutOverwritingTheAdminsOwn() throws IOException {
    Path tree = Files.createTempDirectory("cxhub-defaults-");
    Path plugins = Files.createDirectories(tree.resolve("plugins"));
    Path jar = jar("connector-stripe");
    Files.copy(jar, plugins.resolve(jar.getFileName()));
    Path mappings = tree.resolve("mappings");
    Path own = mappings.resolve("stripe/customers.yaml");
    Files.createDirectories(own.getParent());
    Files.writeString(own, "# the admin's own\n");

    var loaded = PluginLoader.loadAll(plugins);
    assertEquals(List.of(), DefaultMappings.install(loaded, mappings));

    assertEquals("# the admin's own\n", Files.readString(own), "an admin's mapping is never overwritten");
    for (String stream : List.of("invoices", "charges", "subscriptions")) {
      Path installed = mappings.resolve("stripe/" + stream + ".yaml");
      assertEquals(Files.readString(HubFixture.REPO.resolve("mappings/stripe/" + stream + ".yaml")),
          Files.readString(installed), stream);
    }
    assertEquals(List.of(), DefaultMappings.install(loaded, mappings), "a second start changes nothing");
  }

  private static Path jar(String module) throws IOException {
    Path target = HubFixture.REPO.resolve("connectors/" + module + "/target");
    try (Stream<Path> s = Files.list(target)) {
      return s.filter(p -> p.getFileName().toString().matches(module + "-[0-9.]+(-SNAPSHOT)?\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("build " + module + " first"));
    }
  }
}
