package io.cxhub.spi.plugin;

import io.cxhub.spi.connector.Connector;
import java.util.List;

/**
 * Entry point of a plugin jar, found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.cxhub.spi.plugin.Plugin}. Every method has a default returning
 * nothing, so a plugin implements only what it contributes; a plugin that contributes nothing is
 * rejected at start-up.
 *
 * <p>The plugin is loaded in its own class loader: it sees {@code io.cxhub.spi}, Camel and Jackson
 * from the hub, and its own jars first for everything else.
 */
public interface Plugin {

  /** Name shown in {@code GET /api/plugins}. */
  String name();

  String version();

  default List<Connector> connectors() {
    return List.of();
  }
}
