package io.cxhub.connector.genesys;

import io.cxhub.spi.connector.Connector;
import io.cxhub.spi.plugin.Plugin;
import java.util.List;

/** Plugin entry point, found through {@code META-INF/services/io.cxhub.spi.plugin.Plugin}. */
public final class GenesysPlugin implements Plugin {

  static final String VERSION = "0.1.0";

  @Override
  public String name() {
    return "genesys";
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public List<Connector> connectors() {
    return List.of(new GenesysConnector());
  }
}
