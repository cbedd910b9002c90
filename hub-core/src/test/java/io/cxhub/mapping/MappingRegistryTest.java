package io.cxhub.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.config.ConfigProblemsException;
import io.cxhub.config.Problem;
import io.cxhub.taxonomy.Taxonomy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingRegistryTest {

  static final MappingLoader LOADER = new MappingLoader(Taxonomy.loadDefault());

  /** A minimal valid mapping, shared with the watcher's tests. */
  static final String INVOICES = """
      system: billing
      stream: invoices
      entities:
        - entity: invoice
          id: invoice_id
          fields:
            invoice_id: invoice_id
      """;

  private static Path write(Path root, String relative, String yaml) throws Exception {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, yaml);
  }

  @Test
  void reportsProblemsOfAllFilesAtOnce(@TempDir Path root) throws Exception {
    Path first = write(root, "billing/invoices.yaml", INVOICES.replace("invoice_id: invoice_id", "invoice_no: x"));
    Path second = write(root, "crm/cases.yaml", """
        system: crm
        stream: cases
        entities:
          - entity: kase
            id: id
            fields: { case_id: id }
        """);
    ConfigProblemsException e = assertThrows(ConfigProblemsException.class, () -> MappingRegistry.load(root, LOADER));
    assertEquals(List.of(first, second), e.problems().stream().map(Problem::file).toList());
    assertEquals(List.of(7, 4), e.problems().stream().map(Problem::line).toList());
  }

  @Test
  void twoFilesForOneStreamAreAProblem(@TempDir Path root) throws Exception {
    Path original = write(root, "billing/invoices.yaml", INVOICES);
    Path copy = write(root, "billing/invoices_copy.yaml", INVOICES);
    ConfigProblemsException e = assertThrows(ConfigProblemsException.class, () -> MappingRegistry.load(root, LOADER));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertEquals(copy, e.problems().get(0).file());
    assertTrue(e.problems().get(0).message().contains("already defined in " + original), e.getMessage());
  }

  @Test
  void reloadKeepsTheOldSetWhenTheNewTreeHasProblems(@TempDir Path root) throws Exception {
    Path file = write(root, "billing/invoices.yaml", INVOICES);
    MappingRegistry registry = MappingRegistry.load(root, LOADER);
    Mapping before = registry.find("billing", "invoices").orElseThrow();

    Files.writeString(file, INVOICES.replace("fields:", "feilds:"));
    write(root, "billing/payments.yaml", INVOICES.replace("invoices", "payments"));
    List<Problem> problems = registry.reload();

    assertTrue(problems.stream().anyMatch(p -> p.file().equals(file) && p.line() == 6 && p.message().contains("feilds")),
        problems.toString());
    assertSame(before, registry.find("billing", "invoices").orElseThrow());
    assertTrue(registry.find("billing", "payments").isEmpty(), "a broken tree is not applied even in part");
  }

  @Test
  void reloadSwapsInTheNewSetWhenClean(@TempDir Path root) throws Exception {
    write(root, "billing/invoices.yaml", INVOICES);
    MappingRegistry registry = MappingRegistry.load(root, LOADER);
    Mapping before = registry.find("billing", "invoices").orElseThrow();

    write(root, "billing/payments.yaml", """
        system: billing
        stream: payments
        entities:
          - entity: payment
            id: payment_id
            fields: { payment_id: payment_id }
        """);
    assertEquals(List.of(), registry.reload());
    assertTrue(registry.find("billing", "payments").isPresent());
    assertTrue(before != registry.find("billing", "invoices").orElseThrow(), "every file is recompiled");
  }

  @Test
  void missingRootIsAProblem(@TempDir Path root) {
    assertThrows(ConfigProblemsException.class, () -> MappingRegistry.load(root.resolve("nope"), LOADER));
  }
}
