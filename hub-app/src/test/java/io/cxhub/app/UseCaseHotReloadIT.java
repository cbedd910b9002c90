package io.cxhub.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.usecases.UseCase;
import io.cxhub.usecases.UseCaseCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A running hub takes use cases added, broken and disabled in usecases/ without a restart. */
class UseCaseHotReloadIT {

  @Test
  void aUseCaseAddedAsYamlWhileRunningGoesLiveAndABrokenEditKeepsTheRunningOnes() throws Exception {
    try (HubFixture fixture = new HubFixture(Map.of())) {
      HubFixture.copyTree(HubFixture.REPO.resolve("traits"), fixture.configDir.resolve("traits"));
      HubFixture.copyTree(HubFixture.REPO.resolve("usecases"), fixture.configDir.resolve("usecases"));
      Path extra = fixture.configDir.resolve("usecases/winback.yaml");
      var hub = fixture.start();
      assertEquals(4, hub.useCases().current().all().size());

      Files.writeString(extra, """
          usecase: winback
          trigger:
            schedule: "0 0 10 ? * TUE"
          eligible: has(traits.days_since_last_payment) && traits.days_since_last_payment > 90
          action:
            type: message
          channels: [email]
          """);
      HubFixtureAwait.until("winback in service", () -> hub.useCases().current().find("winback").isPresent());

      UseCaseCatalog running = hub.useCases().current();
      Files.writeString(extra, Files.readString(extra).replace("> 90", "> > 90"));
      Thread.sleep(2500); // two polls
      assertTrue(running == hub.useCases().current(), "the broken edit is not applied");

      Files.writeString(extra, Files.readString(extra).replace("> > 90", "> 90").replace("trigger:", "enabled: false\ntrigger:"));
      HubFixtureAwait.until("winback disabled", () -> hub.useCases().current().find("winback").map(u -> !u.enabled()).orElse(false));
      assertEquals(List.of("overdue_invoice_reminder", "retention_offer", "service_recovery", "vip_upsell"),
          hub.useCases().current().enabled().stream().map(UseCase::id).toList());
    }
  }
}
