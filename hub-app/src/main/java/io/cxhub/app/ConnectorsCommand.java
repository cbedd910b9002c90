package io.cxhub.app;

import io.cxhub.plugin.ConnectorReference;
import io.cxhub.plugin.LoadedPlugin;
import io.cxhub.plugin.PluginException;
import io.cxhub.plugin.PluginLoader;
import io.cxhub.spi.connector.Connector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cxhub connectors [--plugins DIR] [--markdown FILE]}: loads the plugins and prints the
 * reference of their connectors (options, streams, default mappings), generated from the code.
 */
@Command(name = "connectors",
    description = "Load the plugins and print the reference of their connectors' options and streams (Markdown).")
final class ConnectorsCommand implements Callable<Integer> {

  @Option(names = "--plugins", defaultValue = "plugins", description = "plugins folder (default: plugins)")
  Path plugins;

  @Option(names = "--markdown", description = "write the reference to this file instead of printing it")
  Path markdown;

  @Override
  public Integer call() {
    Path dir = plugins.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      System.err.println(plugins + ": no such plugins folder");
      return 1;
    }
    List<Connector> connectors = new ArrayList<>();
    try {
      for (LoadedPlugin p : PluginLoader.loadAll(dir)) {
        connectors.addAll(p.connectors());
      }
    } catch (PluginException e) {
      System.err.println(e.getMessage());
      return 1;
    }
    if (connectors.isEmpty()) {
      System.err.println(plugins + ": no plugins, so no connectors");
      return 1;
    }
    String reference = ConnectorReference.markdown(connectors);
    if (markdown == null) {
      System.out.print(reference);
      return 0;
    }
    try {
      Path parent = markdown.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(markdown, reference);
    } catch (IOException e) {
      System.err.println("cannot write " + markdown + ": " + e.getMessage());
      return 1;
    }
    System.out.println("wrote the reference of " + connectors.size() + " connector(s) to " + markdown);
    return 0;
  }
}
