package io.cxhub.app;

import io.cxhub.runtime.Hub;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cxhub demo}: everything on one machine ({@link Demo}), until Ctrl-C. */
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

    Demo demo = Demo.start(dir, dataDir, common.port(), token.value(), System.out);
    Hub hub = demo.hub();
    String api = "http://localhost:" + hub.httpPort() + "/api";
    System.out.println();
    System.out.println("cxhub demo is running (data in " + dataDir + ")");
    System.out.println("  API          " + api);
    System.out.println("  admin token  " + token.value() + (token.generated() ? "   (generated; set CXHUB_ADMIN_TOKEN to choose one)" : ""));
    System.out.println("  try          curl -H 'Authorization: Bearer " + token.value() + "' " + api + "/streams");
    System.out.println("               curl -H 'Authorization: Bearer " + token.value() + "' '" + api + "/profiles?limit=5'");
    System.out.println("  drift        curl -H 'Authorization: Bearer " + token.value() + "' " + api + "/drift/alerts"
        + "   (make a simulator change format: docs/drift.md)");
    System.out.println("  Ctrl-C stops everything; the next start reuses the data.");
    Shutdown.awaitThen(demo::close);
    return 0;
  }
}
