package io.cxhub.app;

import io.cxhub.runtime.Hub;
import io.cxhub.runtime.HubOptions;
import io.cxhub.runtime.HubOverrides;
import io.cxhub.runtime.HubYaml;
import io.cxhub.simulator.billing.BillingSimulator;
import io.cxhub.simulator.genesys.GenesysSimulator;
import io.cxhub.store.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cxhub demo}: everything on one machine. One embedded PostgreSQL holds both the hub's store
 * and the simulated billing database, which keeps changing while the demo runs; the hub pulls from
 * it through the billing-jdbc plugin loaded from {@code plugins/}.
 */
@Command(name = "demo", description = "Start embedded PostgreSQL, the bundled simulators and the hub with its API.")
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--config", defaultValue = ".", description = "configuration tree (default: current directory)")
  Path config;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    Path dir = config.toAbsolutePath().normalize();
    Path dataDir = common.dataDir() != null ? common.dataDir() : dir.resolve("data");
    CommonOptions.Token token = CommonOptions.adminToken();

    EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir.resolve("postgres"), 0, true);
    postgres.createDatabaseIfMissing("cxhub");
    postgres.createDatabaseIfMissing("billing");
    BillingSimulator billing = new BillingSimulator(postgres.jdbcUrl("billing"));
    if (billing.start()) {
      System.out.println("seeded the simulated billing database: " + billing.counts());
    }
    billing.startChanging(Duration.ofSeconds(5));
    Map<String, String> variables = new HashMap<>(Map.of("BILLING_JDBC_URL", postgres.jdbcUrl("billing")));

    // Genesys Cloud stand-in (routes/genesys.yaml): ~30 days of conversations, a few new ones every 5 s
    GenesysSimulator genesys = GenesysSimulator.start();
    genesys.startChanging(Duration.ofSeconds(5));
    variables.putAll(Map.of("GENESYS_LOGIN_URL", genesys.loginUri().toString(),
        "GENESYS_API_URL", genesys.apiUri().toString(), "GENESYS_CLIENT_ID", genesys.clientId(),
        "GENESYS_CLIENT_SECRET", genesys.clientSecret()));

    HubOptions options = HubYaml.load(dir, new HubOverrides(common.port(), dataDir, token.value(),
        postgres.jdbcUrl("cxhub"), variables));
    Hub hub;
    try {
      hub = Hub.start(options);
    } catch (RuntimeException e) {
      genesys.close();
      billing.stop();
      postgres.close();
      throw e;
    }
    String api = "http://localhost:" + hub.httpPort() + "/api";
    System.out.println();
    System.out.println("cxhub demo is running (data in " + dataDir + ")");
    System.out.println("  API          " + api);
    System.out.println("  admin token  " + token.value() + (token.generated() ? "   (generated; set CXHUB_ADMIN_TOKEN to choose one)" : ""));
    System.out.println("  try          curl -H 'Authorization: Bearer " + token.value() + "' " + api + "/streams");
    System.out.println("               curl -H 'Authorization: Bearer " + token.value() + "' '" + api + "/profiles?limit=5'");
    System.out.println("  Ctrl-C stops everything; the next start reuses the data.");
    Shutdown.awaitThen(() -> {
      genesys.close();
      billing.stop();
      hub.close();
      postgres.close();
    });
    return 0;
  }
}
