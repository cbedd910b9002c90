package io.cxhub.usecases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.config.ConfigProblemsException;
import io.cxhub.config.Problem;
import io.cxhub.taxonomy.Taxonomy;
import io.cxhub.traits.TraitCatalog;
import io.cxhub.traits.TraitLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UseCaseLoaderTest {

  static final Path SHIPPED_TRAITS = Path.of("..", "traits");
  static final Path SHIPPED_USECASES = Path.of("..", "usecases");
  static final Taxonomy TAXONOMY = Taxonomy.loadDefault();
  static final TraitCatalog TRAITS = TraitCatalog.load(SHIPPED_TRAITS, new TraitLoader(TAXONOMY));
  static final UseCaseLoader LOADER = UseCaseLoader.checkingTraits(TAXONOMY, TRAITS);

  private static final String GOOD = """
      usecase: demo
      trigger:
        events: [invoice]
      eligible: has(traits.overdue_amount) && traits.overdue_amount > 0
      action:
        type: message
      channels: [email]
      """;

  private static List<Problem> problems(String yaml) {
    return assertThrows(ConfigProblemsException.class, () -> LOADER.parse(Path.of("usecases/demo.yaml"), yaml)).problems();
  }

  @Test
  void theShippedUseCasesLoadCleanAgainstTheShippedTraits() {
    UseCaseCatalog catalog = UseCaseCatalog.load(SHIPPED_USECASES, LOADER);
    assertEquals(List.of("overdue_invoice_reminder", "retention_offer", "service_recovery", "vip_upsell"),
        catalog.all().stream().map(UseCase::id).toList());
    assertEquals(4, catalog.enabled().size());
    UseCase reminder = catalog.find("overdue_invoice_reminder").orElseThrow();
    assertEquals(new Trigger.Traits(List.of("overdue_amount")), reminder.trigger());
    assertEquals(List.of("email", "sms"), reminder.channels());
    assertEquals(10, reminder.holdoutPercent());
    assertEquals(new Trigger.Schedule("0 0 9 ? * MON"), catalog.find("vip_upsell").orElseThrow().trigger());
    assertEquals(Optional.of("retention_discount_20"), catalog.find("retention_offer").orElseThrow().action().offer());
  }

  @Test
  void aMinimalUseCaseTakesItsDefaults() {
    UseCase useCase = LOADER.parse(Path.of("usecases/demo.yaml"), GOOD);
    assertEquals(50, useCase.priority());
    assertEquals(0, useCase.holdoutPercent());
    assertTrue(useCase.enabled());
    assertEquals(new Trigger.Events(List.of("invoice")), useCase.trigger());
  }

  @Test
  void theSchemaRejectsAnUnknownKeyOnItsLine() {
    List<Problem> problems = problems(GOOD.replace("  type: message", "  type: message\n  offr: x"));
    assertEquals(1, problems.size(), problems.toString());
    assertEquals(7, problems.get(0).line());
    assertTrue(problems.get(0).message().contains("offr"), problems.toString());
  }

  @Test
  void aCelTypoIsALoadProblemWithFileLineAndTheExpression() {
    List<Problem> problems = problems(GOOD.replace("traits.overdue_amount > 0", "traits.overdue_amount >> 0"));
    assertEquals(1, problems.size(), problems.toString());
    Problem problem = problems.get(0);
    assertEquals(Path.of("usecases/demo.yaml"), problem.file());
    assertEquals(4, problem.line());
    assertTrue(problem.message().contains("eligible expression 'has(traits.overdue_amount) && traits.overdue_amount >> 0'"),
        problem.message());
    assertTrue(problem.toString().startsWith("usecases/demo.yaml:4: "), problem.toString());

    List<Problem> undeclared = problems(GOOD.replace("has(traits.overdue_amount) &&", "has(trait.overdue_amount) &&"));
    assertTrue(undeclared.get(0).message().contains("undeclared reference to 'trait'"), undeclared.toString());
  }

  @Test
  void aTypeErrorKnownAtLoadIsALoadProblem() {
    List<Problem> problems = problems(GOOD.replace("has(traits.overdue_amount) && traits.overdue_amount > 0", "1 + 2"));
    assertEquals(4, problems.get(0).line());
    assertTrue(problems.get(0).message().contains("expected bool"), problems.toString());

    List<Problem> mixed = problems(GOOD.replace("traits.overdue_amount > 0", "'x' + 1 > 0"));
    assertTrue(mixed.get(0).message().contains("no matching overload"), mixed.toString());

    List<Problem> template = problems(GOOD.replace("  type: message", "  type: message\n  template: \"'not a map'\""));
    assertEquals(7, template.get(0).line());
    assertTrue(template.get(0).message().contains("action.template expression") && template.get(0).message().contains("expected map"),
        template.toString());
  }

  @Test
  void unknownTraitsEntitiesChannelsAndCronAreProblemsOnTheirLines() {
    List<Problem> problems = problems("""
        usecase: demo
        trigger:
          events: [invoice, invoise]
        eligible: traits.contacts_7 >= 3
        action:
          type: offer
        channels: [email, pigeon]
        """);
    assertEquals(4, problems.size(), problems.toString());
    assertEquals(3, problems.get(0).line());
    assertTrue(problems.get(0).message().contains("unknown entity 'invoise'"), problems.toString());
    assertEquals(4, problems.get(1).line());
    assertTrue(problems.get(1).message().contains("unknown trait 'contacts_7'"), problems.toString());
    assertEquals(6, problems.get(2).line());
    assertTrue(problems.get(2).message().contains("needs an offer id"), problems.toString());
    assertEquals(7, problems.get(3).line());
    assertTrue(problems.get(3).message().contains("unknown channel 'pigeon': expected one of kafka, webhook"), problems.toString());

    List<Problem> trigger = problems(GOOD.replace("events: [invoice]", "traits: [overdue_amout]"));
    assertEquals(3, trigger.get(0).line());
    assertTrue(trigger.get(0).message().contains("unknown trait 'overdue_amout'"), trigger.toString());

    List<Problem> cron = problems(GOOD.replace("events: [invoice]", "schedule: every monday"));
    assertTrue(cron.get(0).message().contains("not a Quartz cron expression"), cron.toString());
  }

  @Test
  void theIdMustBeTheFileName() {
    List<Problem> problems = assertThrows(ConfigProblemsException.class,
        () -> LOADER.parse(Path.of("usecases/other.yaml"), GOOD)).problems();
    assertEquals(1, problems.get(0).line());
    assertTrue(problems.get(0).message().contains("expected usecase: other"), problems.toString());
  }

  @Test
  void withoutTraitCheckingTraitNamesAreNotChecked() {
    UseCaseLoader loose = UseCaseLoader.notCheckingTraits(TAXONOMY);
    UseCase useCase = loose.parse(Path.of("usecases/demo.yaml"), GOOD.replace("overdue_amount", "unheard_of"));
    assertEquals("demo", useCase.id());
  }
}
