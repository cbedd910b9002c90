package io.cxhub.app;

import io.cxhub.config.YamlLoader;
import io.cxhub.runtime.Hub;
import io.cxhub.runtime.HubOverrides;
import io.cxhub.runtime.HubYaml;
import io.cxhub.store.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Everything of {@code cxhub demo} on one machine: one embedded PostgreSQL for the hub's store (and
 * the simulated billing database), the bundled simulators, and the hub pulling from them through
 * the connector plugins in {@code plugins/}.
 */
final class Demo implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final DemoSources sources;
  private final Hub hub;

  private Demo(EmbeddedPostgres postgres, DemoSources sources, Hub hub) {
    this.postgres = postgres;
    this.sources = sources;
    this.hub = hub;
  }

  /**
   * Starts the demo over the configuration tree {@code configDir}, keeping its data in {@code dataDir}
   * (a second start reuses it).
   */
  static Demo start(Path configDir, Path dataDir, Integer port, String adminToken, PrintStream out) {
    // fixed before anything starts: simulators that call webhooks need to know where the hub listens
    int hubPort = hubPort(configDir, port);
    EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir.resolve("postgres"), 0, true);
    DemoSources sources = null;
    try {
      postgres.createDatabaseIfMissing("cxhub");
      sources = DemoSources.start(postgres, URI.create("http://127.0.0.1:" + hubPort), out);
      Hub hub = Hub.start(HubYaml.load(configDir, new HubOverrides(hubPort, dataDir, adminToken,
          postgres.jdbcUrl("cxhub"), sources.variables())));
      return new Demo(postgres, sources, hub);
    } catch (RuntimeException e) {
      if (sources != null) {
        sources.close();
      }
      postgres.close();
      throw e;
    }
  }

  /** The port asked for, else hub.yaml's, and a free one for 0. */
  private static int hubPort(Path configDir, Integer asked) {
    int port = asked != null ? asked : 8080;
    Path hubYaml = configDir.resolve("hub.yaml");
    if (asked == null && Files.exists(hubYaml)) {
      port = YamlLoader.load(hubYaml).root().path("http").path("port").asInt(8080);
    }
    if (port != 0) {
      return port;
    }
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the hub", e);
    }
  }

  Hub hub() {
    return hub;
  }

  @Override
  public void close() {
    sources.close();
    hub.close();
    postgres.close();
  }
}
