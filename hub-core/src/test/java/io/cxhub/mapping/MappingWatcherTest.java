package io.cxhub.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.config.Problem;
import io.cxhub.taxonomy.Taxonomy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload: changes under the mappings root are picked up on the next poll, broken ones are not applied. */
class MappingWatcherTest {

  private static final MappingLoader LOADER = MappingRegistryTest.LOADER;
  private static final String INVOICES = MappingRegistryTest.INVOICES;

  @TempDir
  Path root;
  private Path invoices;
  private MappingRegistry registry;
  private MappingWatcher watcher;

  @BeforeEach
  void load() throws Exception {
    invoices = root.resolve("billing/invoices.yaml");
    Files.createDirectories(invoices.getParent());
    Files.writeString(invoices, INVOICES);
    registry = MappingRegistry.load(root, LOADER);
    watcher = new MappingWatcher(registry);
  }

  @Test
  void nothingChangedIsNoReload() {
    Mapping before = registry.find("billing", "invoices").orElseThrow();
    assertEquals(List.of(), watcher.poll());
    assertEquals(0, registry.generation());
    assertSame(before, registry.find("billing", "invoices").orElseThrow());
  }

  @Test
  void anEditOfTheSameSizeAndTimestampIsPickedUp() throws Exception {
    FileTime modified = Files.getLastModifiedTime(invoices);
    Files.writeString(invoices, INVOICES.replace("invoice_id: invoice_id", "invoice_id: invoice_no"));
    Files.setLastModifiedTime(invoices, modified); // as two writes within one timestamp tick would leave it

    assertEquals(List.of(), watcher.poll());
    assertEquals(1, registry.generation());
    assertEquals(List.of("invoice_id", "invoice_no"), List.copyOf(registry.find("billing", "invoices").orElseThrow().sourcePaths()));
    assertEquals(List.of(), watcher.poll());
    assertEquals(1, registry.generation(), "one change, one reload");
  }

  @Test
  void addedAndRemovedFilesAreReloaded() throws Exception {
    Path payments = root.resolve("billing/payments.yaml");
    Files.writeString(payments, INVOICES.replace("invoices", "payments").replace("invoice", "payment"));
    assertEquals(List.of(), watcher.poll());
    assertTrue(registry.find("billing", "payments").isPresent());

    Files.delete(payments);
    assertEquals(List.of(), watcher.poll());
    assertTrue(registry.find("billing", "payments").isEmpty());
    assertEquals(2, registry.generation());
  }

  @Test
  void aBrokenEditKeepsTheOldMappingLiveUntilItIsFixed() throws Exception {
    Mapping before = registry.find("billing", "invoices").orElseThrow();
    Files.writeString(invoices, INVOICES.replace("invoice_id: invoice_id", "invoice_number: invoice_id"));

    List<Problem> problems = watcher.poll();
    assertEquals(1, problems.size(), problems.toString());
    assertEquals(invoices, problems.get(0).file());
    assertEquals(7, problems.get(0).line());
    assertTrue(problems.get(0).message().contains("invoice_number"), problems.toString());
    assertSame(before, registry.find("billing", "invoices").orElseThrow());
    assertEquals(0, registry.generation());
    assertEquals(List.of(), watcher.poll(), "reported once, not on every poll");

    Files.writeString(invoices, INVOICES.replace("invoice_id: invoice_id", "number: invoice_id"));
    assertEquals(List.of(), watcher.poll());
    assertEquals(1, registry.generation());
  }

  @Test
  void anAppliedEditGoesLiveOnTheNextPoll() {
    new MappingEditor(LOADER).apply(invoices, List.of(
        new MappingEdit(invoices.toString(), "invoice", "id", "invoice_number", "invoice_id")));
    assertEquals(List.of(), watcher.poll());
    assertTrue(registry.find("billing", "invoices").orElseThrow().sourcePaths().contains("invoice_number"));
  }
}
