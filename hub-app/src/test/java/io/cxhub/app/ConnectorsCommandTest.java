package io.cxhub.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConnectorsCommandTest {

  @Test
  void writesTheReferenceOfThePluginsConnectors(@TempDir Path tree) throws Exception {
    Path plugins = Files.createDirectories(tree.resolve("plugins"));
    Files.copy(HubFixture.billingConnectorJar(), plugins.resolve("connector-billing-jdbc.jar"));
    Path out = tree.resolve("docs/reference/connectors.md");

    int exit = new CommandLine(new Cxhub()).execute("connectors", "--plugins", plugins.toString(),
        "--markdown", out.toString());

    assertEquals(0, exit);
    String md = Files.readString(out);
    assertTrue(md.contains("## billing-jdbc"), md);
    assertTrue(md.contains("| `jdbcUrl` | string | yes |"), md);
    assertTrue(md.contains("| `password` | password | no |  | yes |"), md);
    assertTrue(md.contains("#### invoices"), md);
  }

  @Test
  void aMissingPluginsFolderIsAnError(@TempDir Path tree) {
    assertEquals(1, new CommandLine(new Cxhub()).execute("connectors", "--plugins", tree.resolve("nope").toString()));
  }
}
