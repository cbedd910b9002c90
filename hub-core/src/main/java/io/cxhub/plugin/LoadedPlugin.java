package io.cxhub.plugin;

import io.cxhub.spi.connector.Connector;
import io.cxhub.spi.plugin.Plugin;
import java.nio.file.Path;
import java.util.List;

/**
 * A plugin the hub has loaded.
 *
 * @param plugin the plugin's entry point
 * @param source the jar or folder it came from
 * @param classLoader the plugin's own class loader
 */
public record LoadedPlugin(Plugin plugin, Path source, ClassLoader classLoader) {

  public List<Connector> connectors() {
    return plugin.connectors();
  }
}
