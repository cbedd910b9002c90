package io.cxhub.usecases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.config.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveUseCasesTest {

  private static final String EXTRA = """
      usecase: extra
      trigger:
        traits: [contacts_7d]
      eligible: has(traits.contacts_7d) && traits.contacts_7d >= 1
      action:
        type: message
      channels: [sms]
      """;

  @Test
  void anAddedUseCaseGoesLiveAndABrokenTreeKeepsTheRunningCatalog(@TempDir Path dir) throws Exception {
    for (String id : List.of("overdue_invoice_reminder", "service_recovery")) {
      Files.copy(UseCaseLoaderTest.SHIPPED_USECASES.resolve(id + ".yaml"), dir.resolve(id + ".yaml"));
    }
    LiveUseCases live = new LiveUseCases(dir, UseCaseLoaderTest.TAXONOMY, () -> UseCaseLoaderTest.TRAITS,
        UseCaseCatalog.load(dir, UseCaseLoaderTest.LOADER));
    UseCaseWatcher watcher = new UseCaseWatcher(live);
    assertEquals(List.of(), watcher.poll());
    assertEquals(2, live.current().all().size());

    Files.writeString(dir.resolve("extra.yaml"), EXTRA);
    assertEquals(List.of(), watcher.poll());
    assertEquals(3, live.current().all().size());
    Outcome outcome = live.current().find("extra").orElseThrow().evaluate(
        new Context(Map.of(), Map.of("contacts_7d", 1L), Optional.empty(), Instant.now()));
    assertTrue(outcome.fires(), outcome.toString());

    UseCaseCatalog before = live.current();
    Files.writeString(dir.resolve("extra.yaml"), EXTRA.replace(">= 1", ">= = 1"));
    List<Problem> problems = watcher.poll();
    assertEquals(1, problems.size(), problems.toString());
    assertEquals(dir.resolve("extra.yaml"), problems.get(0).file());
    assertEquals(4, problems.get(0).line());
    assertTrue(before == live.current(), "the running catalog stays in service");
    assertEquals(List.of(), watcher.poll(), "an unchanged broken tree is reported once");

    Files.writeString(dir.resolve("extra.yaml"), EXTRA.replace("trigger:", "enabled: false\ntrigger:"));
    assertEquals(List.of(), watcher.poll());
    assertFalse(live.current().find("extra").orElseThrow().enabled());
    assertEquals(2, live.current().enabled().size());

    Files.delete(dir.resolve("extra.yaml"));
    assertEquals(List.of(), watcher.poll());
    assertTrue(live.current().find("extra").isEmpty());
  }

  @Test
  void aTraitRemovedFromServiceMakesAUseCaseThatNamesItAProblem(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("extra.yaml"), EXTRA);
    LiveUseCases live = new LiveUseCases(dir, UseCaseLoaderTest.TAXONOMY, io.cxhub.traits.TraitCatalog::empty,
        UseCaseCatalog.empty());
    List<Problem> problems = live.reload();
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).message().contains("unknown trait 'contacts_7d'"), problems.toString());
    assertTrue(live.current().all().isEmpty());
  }
}
