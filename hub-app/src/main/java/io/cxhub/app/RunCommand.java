package io.cxhub.app;

import io.cxhub.runtime.Hub;
import io.cxhub.runtime.HubOptions;
import io.cxhub.runtime.HubOverrides;
import io.cxhub.runtime.HubYaml;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cxhub run --config DIR}: a production hub over a configuration tree. */
@Command(name = "run", description = "Run the hub against a configuration tree (hub.yaml, routes/, mappings/, taxonomy/, plugins/).")
final class RunCommand implements Callable<Integer> {

  @Option(names = "--config", required = true, description = "configuration tree")
  Path config;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    Path dir = config.toAbsolutePath().normalize();
    CommonOptions.Token token = CommonOptions.adminToken();
    HubOptions options = HubYaml.load(dir, new HubOverrides(common.port(), common.dataDir(), token.value(), null,
        Map.of()));
    Hub hub = Hub.start(options);
    if (token.generated()) {
      System.out.println("CXHUB_ADMIN_TOKEN was not set; admin token for this run: " + token.value());
    }
    Shutdown.awaitThen(hub::close);
    return 0;
  }
}
