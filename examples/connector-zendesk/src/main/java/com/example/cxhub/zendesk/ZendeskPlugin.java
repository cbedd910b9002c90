package com.example.cxhub.zendesk;

import io.cxhub.spi.connector.Connector;
import io.cxhub.spi.plugin.Plugin;
import java.util.List;

/** Plugin entry point, found through {@code META-INF/services/io.cxhub.spi.plugin.Plugin}. */
public final class ZendeskPlugin implements Plugin {

  static final String VERSION = "0.1.0";

  @Override
  public String name() {
    return "example-zendesk";
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public List<Connector> connectors() {
    return List.of(new ZendeskConnector());
  }
}
