package io.cxhub.app;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.runtime.Hub;
import io.cxhub.runtime.HubOverrides;
import io.cxhub.runtime.HubYaml;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A hub whose API port is taken does not start without its API: it fails, saying what to do. */
class PortInUseIT {

  @Test
  void aTakenPortFailsStartUpWithTheReason() throws Exception {
    try (HubFixture fixture = new HubFixture(Map.of()); ServerSocket taken = new ServerSocket(0)) {
      var options = HubYaml.load(fixture.configDir, new HubOverrides(taken.getLocalPort(),
          fixture.configDir.resolve("data"), HubFixture.TOKEN, fixture.hubDbUrl, Map.of()));
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> Hub.start(options).close());
      assertTrue(e.getMessage().contains("HTTP port " + taken.getLocalPort() + " is in use"), e.getMessage());
    }
  }
}
