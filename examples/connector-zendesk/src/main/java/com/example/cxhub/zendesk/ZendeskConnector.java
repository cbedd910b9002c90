package com.example.cxhub.zendesk;

import io.cxhub.spi.config.ConfigDef;
import io.cxhub.spi.config.ConfigException;
import io.cxhub.spi.config.ConnectorConfig;
import io.cxhub.spi.connector.CheckResult;
import io.cxhub.spi.connector.Connector;
import io.cxhub.spi.connector.StreamSpec;
import java.util.List;
import org.apache.camel.RoutesBuilder;

/**
 * Zendesk Support tickets, read incrementally with the cursor-based Incremental Ticket Export
 * ({@code GET /api/v2/incremental/tickets/cursor.json}). Stateless; per-instance state lives in
 * the bean its route template binds.
 */
public final class ZendeskConnector implements Connector {

  public static final String ID = "zendesk";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String version() {
    return ZendeskPlugin.VERSION;
  }

  @Override
  public String description() {
    return "Zendesk Support tickets with their requester's e-mail, read incrementally with the cursor-based "
        + "Incremental Ticket Export API";
  }

  @Override
  public ConfigDef configDef() {
    return ZendeskOptions.DEF;
  }

  @Override
  public List<StreamSpec> streams() {
    return ZendeskStreams.ALL;
  }

  @Override
  public List<String> defaultMappings() {
    return List.of("mappings/zendesk/tickets.yaml");
  }

  @Override
  public RoutesBuilder routes() {
    return new ZendeskRoutes();
  }

  @Override
  public CheckResult check(ConnectorConfig config) {
    try {
      return ZendeskCheck.run(ZendeskSettings.of("connector " + ID, config));
    } catch (ConfigException e) {
      return CheckResult.failed(e.getMessage());
    }
  }
}
