package io.cxhub.connector.genesys;

import io.cxhub.spi.config.ConfigDef;
import io.cxhub.spi.config.ConnectorConfig;
import io.cxhub.spi.connector.CheckResult;
import io.cxhub.spi.connector.Connector;
import io.cxhub.spi.connector.StreamSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.camel.RoutesBuilder;

/**
 * Reads Genesys Cloud conversation details (analytics details query) incrementally by interval,
 * catching conversations that end after they were first read. Stateless; per-instance state lives
 * in the {@link GenesysReader} its route template binds.
 */
public final class GenesysConnector implements Connector {

  public static final String ID = "genesys";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String version() {
    return GenesysPlugin.VERSION;
  }

  @Override
  public String description() {
    return "Genesys Cloud (CCaaS) conversation details from the analytics API over camel-http, read incrementally";
  }

  @Override
  public ConfigDef configDef() {
    return GenesysConfig.DEF;
  }

  @Override
  public List<StreamSpec> streams() {
    return GenesysStreams.ALL;
  }

  @Override
  public List<String> defaultMappings() {
    return List.of("mappings/genesys/conversations.yaml");
  }

  @Override
  public RoutesBuilder routes() {
    return new GenesysRoutes();
  }

  /** Logs in and runs a one-conversation details query over the last hour. */
  @Override
  public CheckResult check(ConnectorConfig config) {
    GenesysSettings settings = GenesysSettings.of(config);
    GenesysApi api = new GenesysApi(settings, new JdkHttpTransport(), Clock.systemUTC(), d -> { });
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String query = "{\"interval\":\"" + Cursor.iso(now.minusSeconds(3600)) + "/" + Cursor.iso(now)
        + "\",\"order\":\"asc\",\"orderBy\":\"conversationStart\",\"paging\":{\"pageSize\":1,\"pageNumber\":1}}";
    try {
      api.detailsQuery(query);
      return CheckResult.passed();
    } catch (PollFailure e) {
      return CheckResult.failed(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CheckResult.failed("interrupted while checking " + settings.apiUrl());
    }
  }
}
