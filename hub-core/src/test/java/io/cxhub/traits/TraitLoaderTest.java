package io.cxhub.traits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.config.ConfigProblemsException;
import io.cxhub.config.Problem;
import io.cxhub.taxonomy.Taxonomy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trait files load like mapping files: a mistake fails on its file and line, saying what was expected. */
class TraitLoaderTest {

  /** Surefire runs in hub-core/, the shipped traits live at the repository root. */
  private static final Path SHIPPED_TRAITS = Path.of("..", "traits");
  private static final TraitLoader LOADER = new TraitLoader(Taxonomy.loadDefault());

  @TempDir
  Path dir;

  private Path write(String name, String yaml) throws IOException {
    return Files.writeString(dir.resolve(name), yaml);
  }

  private Problem onlyProblem(String yaml) throws IOException {
    Path file = write("bad.yaml", yaml);
    ConfigProblemsException e = assertThrows(ConfigProblemsException.class, () -> LOADER.load(file));
    assertEquals(1, e.problems().size(), e.problems().toString());
    assertEquals(file, e.problems().get(0).file());
    return e.problems().get(0);
  }

  private static void assertMentions(Problem problem, String... parts) {
    for (String part : parts) {
      assertTrue(problem.message().contains(part), "'" + part + "' missing from: " + problem);
    }
  }

  @Test
  void theSixShippedTraitsLoad() {
    TraitCatalog catalog = TraitCatalog.load(SHIPPED_TRAITS, LOADER);
    assertEquals(List.of("contacts_7d", "csat_avg_90d", "days_since_last_payment", "last_negative_survey_at",
        "open_cases", "overdue_amount"), catalog.all().stream().map(TraitDefinition::name).sorted().toList());
    TraitDefinition csat = catalog.find("csat_avg_90d").orElseThrow();
    assertEquals(Aggregate.AVG, csat.aggregate());
    assertEquals(Duration.ofDays(90), csat.window().orElseThrow());
    assertTrue(catalog.find("overdue_amount").orElseThrow().isTimeDependent());
    assertTrue(!catalog.find("overdue_amount").orElseThrow().supportsIncremental());
    assertTrue(!catalog.find("open_cases").orElseThrow().isTimeDependent());
  }

  @Test
  void unknownAggregateIsASchemaErrorOnItsLine() throws IOException {
    Problem problem = onlyProblem("""
        trait: t
        entity: interaction
        aggregate: median
        """);
    assertEquals(3, problem.line());
    assertMentions(problem, "median");
  }

  @Test
  void unknownKeyIsReportedOnItsLine() throws IOException {
    Problem problem = onlyProblem("""
        trait: t
        entity: interaction
        aggregate: count
        windw: 7d
        """);
    assertEquals(4, problem.line());
    assertMentions(problem, "windw");
  }

  @Test
  void sumOverAStringFieldNamesTheFieldAndItsType() throws IOException {
    Problem problem = onlyProblem("""
        trait: queue_sum
        entity: interaction
        aggregate: sum
        field: queue
        """);
    assertEquals(4, problem.line());
    assertMentions(problem, "trait queue_sum", "'sum'", "interaction.queue", "type string", "expected an integer or decimal field");
  }

  @Test
  void unknownEntityListsTheTimelineEntities() throws IOException {
    Problem problem = onlyProblem("""
        trait: t
        entity: invoices
        aggregate: count
        """);
    assertEquals(2, problem.line());
    assertMentions(problem, "unknown entity 'invoices'", "expected a timeline entity", "invoice", "survey_response");
  }

  @Test
  void partyIsNotATimelineEntity() throws IOException {
    Problem problem = onlyProblem("""
        trait: t
        entity: party
        aggregate: count
        """);
    assertEquals(2, problem.line());
    assertMentions(problem, "profile attributes", "expected a timeline entity");
  }

  @Test
  void unknownFieldInWhereIsReportedOnItsLine() throws IOException {
    Problem problem = onlyProblem("""
        trait: t
        entity: invoice
        aggregate: count
        where:
          state: OPEN
        """);
    assertEquals(5, problem.line());
    assertMentions(problem, "unknown field 'state' of entity invoice", "status");
  }

  @Test
  void badWindowSaysWhatIsAccepted() throws IOException {
    Problem problem = onlyProblem("""
        trait: t
        entity: interaction
        aggregate: count
        window: 1 week
        """);
    assertEquals(4, problem.line());
    assertMentions(problem, "window '1 week'", "expected <n>d");
  }

  @Test
  void monthsAreNotAWindow() throws IOException {
    assertMentions(onlyProblem("""
        trait: t
        entity: interaction
        aggregate: count
        window: P1M
        """), "'P1M'", "P7D");
  }

  @Test
  void enumValueOutsideTheTaxonomyIsReportedOnTheListItem() throws IOException {
    Problem problem = onlyProblem("""
        trait: t
        entity: case
        aggregate: count
        where:
          status:
            in: [OPEN, WAITING]
        """);
    assertEquals(6, problem.line());
    assertMentions(problem, "'WAITING'", "case.status", "expected one of [NEW, OPEN, PENDING, ESCALATED, RESOLVED, CLOSED]");
  }

  @Test
  void numericComparisonOnADateFieldIsRefused() throws IOException {
    Problem problem = onlyProblem("""
        trait: t
        entity: invoice
        aggregate: count
        where:
          due_on:
            lt: 5
        """);
    assertEquals(6, problem.line());
    assertMentions(problem, "'lt'", "invoice.due_on", "type date", "use before/after");
  }

  @Test
  void beforeNeedsNowOrAnIsoMoment() throws IOException {
    Problem problem = onlyProblem("""
        trait: t
        entity: invoice
        aggregate: count
        where:
          due_on: { before: yesterday }
        """);
    assertEquals(5, problem.line());
    assertMentions(problem, "'yesterday'", "expected now or an ISO date");
  }

  @Test
  void countTakesNoFieldAndAvgNeedsOne() throws IOException {
    assertMentions(onlyProblem("""
        trait: t
        entity: interaction
        aggregate: count
        field: queue
        """), "takes no field");
    Problem missing = onlyProblem("""
        trait: t
        entity: interaction
        aggregate: avg
        """);
    assertEquals(3, missing.line());
    assertMentions(missing, "needs a field");
  }

  @Test
  void sinceNeedsADateOrTimestampResult() throws IOException {
    Problem problem = onlyProblem("""
        trait: t
        entity: payment
        aggregate: sum
        field: amount
        since: days
        """);
    assertEquals(5, problem.line());
    assertMentions(problem, "since 'days'", "sum of payment.amount (decimal)", "expected first, last, min or max");
  }

  @Test
  void everyProblemOfEveryFileIsReportedAndNamesAreUnique() throws IOException {
    write("a.yaml", "trait: same\nentity: case\naggregate: count\n");
    write("b.yaml", "trait: same\nentity: case\naggregate: count\n");
    write("c.yaml", "trait: c\nentity: case\naggregate: max\nfield: subject\n");
    ConfigProblemsException e = assertThrows(ConfigProblemsException.class, () -> TraitCatalog.load(dir, LOADER));
    assertEquals(2, e.problems().size(), e.problems().toString());
    assertMentions(e.problems().get(0), "trait same is already defined in " + dir.resolve("a.yaml"));
    assertEquals(dir.resolve("c.yaml") + ":4", e.problems().get(1).file() + ":" + e.problems().get(1).line());
  }
}
