package io.cxhub.usecases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UseCaseEvaluationTest {

  private static final UseCaseCatalog SHIPPED = UseCaseCatalog.load(UseCaseLoaderTest.SHIPPED_USECASES, UseCaseLoaderTest.LOADER);
  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  private static UseCase shipped(String id) {
    return SHIPPED.find(id).orElseThrow();
  }

  private static Map<String, Object> traits(Object... pairs) {
    Map<String, Object> traits = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      traits.put((String) pairs[i], pairs[i + 1]);
    }
    return traits;
  }

  private static Context context(Map<String, ?> traits) {
    return new Context(Map.of("first_name", "Jane"), traits, Optional.empty(), NOW);
  }

  private static Context context(Map<String, ?> traits, String entity, Map<String, ?> data) {
    return new Context(Map.of(), traits, Optional.of(new Context.Event(entity, NOW.minusSeconds(60), data)), NOW);
  }

  @Test
  void overdueInvoiceReminderFiresWithItsPayloadAndIsSuppressedByAPaymentInTheLast48Hours() {
    UseCase reminder = shipped("overdue_invoice_reminder");
    Outcome fires = reminder.evaluate(context(traits("overdue_amount", new BigDecimal("120.50"),
        "days_since_last_payment", 40L, "open_cases", 0L)));
    assertEquals(Outcome.Status.FIRES, fires.status(), fires.toString());
    assertEquals(120.5, fires.value());
    assertEquals(Map.of("kind", "payment_reminder", "amount_due", 120.5, "name", "Jane"), fires.payload());

    Outcome paidYesterday = reminder.evaluate(context(traits("overdue_amount", new BigDecimal("120.50"),
        "days_since_last_payment", 1L)));
    assertEquals(Outcome.Status.SUPPRESSED, paidYesterday.status());
    assertEquals(List.of("a payment arrived in the last 48 h"), paidYesterday.suppressions());
    assertTrue(paidYesterday.payload().isEmpty());

    Outcome both = reminder.evaluate(context(traits("overdue_amount", 80L, "days_since_last_payment", 0L, "open_cases", 2L)));
    assertEquals(List.of("a payment arrived in the last 48 h", "a case is open"), both.suppressions());

    assertEquals(Outcome.Status.NOT_ELIGIBLE, reminder.evaluate(context(traits("overdue_amount", BigDecimal.ZERO))).status());
    assertEquals(Outcome.Status.NOT_ELIGIBLE, reminder.evaluate(context(traits("overdue_amount", null))).status());
  }

  @Test
  void serviceRecoveryFiresOnALowCsatOrThreeContactsAndNotWhileACaseIsOpen() {
    UseCase recovery = shipped("service_recovery");
    Outcome lowCsat = recovery.evaluate(context(traits(), "survey_response", Map.of("csat_score", 2, "survey", "support_call")));
    assertEquals(Outcome.Status.FIRES, lowCsat.status(), lowCsat.toString());
    assertEquals(2.0, lowCsat.value());
    assertEquals("low CSAT", lowCsat.payload().get("reason"));
    assertEquals(0L, lowCsat.payload().get("contacts_7d"));

    Outcome contacts = recovery.evaluate(context(traits("contacts_7d", 5L), "interaction", Map.of("channel", "VOICE")));
    assertEquals(Outcome.Status.FIRES, contacts.status(), contacts.toString());
    assertEquals(3.0, contacts.value());
    assertEquals("repeated contacts", contacts.payload().get("reason"));

    assertEquals(Outcome.Status.NOT_ELIGIBLE,
        recovery.evaluate(context(traits("contacts_7d", 2L), "survey_response", Map.of("csat_score", 4))).status());
    Outcome open = recovery.evaluate(context(traits("contacts_7d", 3L, "open_cases", 1L), "interaction", Map.of()));
    assertEquals(Outcome.Status.SUPPRESSED, open.status());
    assertEquals(List.of("a case is open, its owner follows up"), open.suppressions());
  }

  @Test
  void retentionOfferNeedsTwoChurnSignalsAndWaitsADayAfterABadSurvey() {
    UseCase retention = shipped("retention_offer");
    Outcome twoSignals = retention.evaluate(context(traits("overdue_amount", new BigDecimal("30"), "csat_avg_90d", 2.5,
        "open_cases", 0L)));
    assertEquals(Outcome.Status.FIRES, twoSignals.status(), twoSignals.toString());
    assertEquals(2.5, twoSignals.value());
    assertEquals(Map.of("offer", "retention_discount_20", "percent", 20L), twoSignals.payload());

    assertEquals(Outcome.Status.NOT_ELIGIBLE,
        retention.evaluate(context(traits("overdue_amount", new BigDecimal("30"), "csat_avg_90d", 4.0))).status());

    Outcome recentBadSurvey = retention.evaluate(context(traits("csat_avg_90d", 1.5, "open_cases", 3L,
        "last_negative_survey_at", NOW.minus(Duration.ofHours(5)))));
    assertEquals(Outcome.Status.SUPPRESSED, recentBadSurvey.status());
    Outcome olderBadSurvey = retention.evaluate(context(traits("csat_avg_90d", 1.5, "open_cases", 3L,
        "last_negative_survey_at", NOW.minus(Duration.ofHours(30)))));
    assertEquals(Outcome.Status.FIRES, olderBadSurvey.status(), olderBadSurvey.toString());
  }

  @Test
  void vipUpsellReusesTheShippedTraitsAndStartsOnItsDay() {
    UseCase upsell = shipped("vip_upsell");
    Outcome happy = upsell.evaluate(new Context(Map.of("language", "de"), traits("csat_avg_90d", 4.8, "open_cases", 0L),
        Optional.empty(), NOW));
    assertEquals(Outcome.Status.FIRES, happy.status(), happy.toString());
    assertEquals(4.8, happy.value());
    assertEquals(Map.of("offer", "premium_upgrade", "language", "de"), happy.payload());
    assertEquals(Outcome.Status.NOT_ELIGIBLE, upsell.evaluate(context(traits("csat_avg_90d", 4.8, "open_cases", 1L))).status());
    assertEquals(Outcome.Status.SUPPRESSED, upsell.evaluate(context(traits("csat_avg_90d", 5, "contacts_7d", 4))).status());

    Outcome early = upsell.evaluate(new Context(Map.of(), traits("csat_avg_90d", 4.8), Optional.empty(),
        Instant.parse("2025-12-31T23:59:59Z")));
    assertEquals(Outcome.Status.INACTIVE, early.status());
  }

  @Test
  void aRuntimeTypeErrorIsAnOutcomeNamingTheExpressionNotAnException() {
    UseCase useCase = UseCaseLoaderTest.LOADER.parse(Path.of("usecases/demo.yaml"), """
        usecase: demo
        trigger:
          traits: [contacts_7d]
        eligible: traits.contacts_7d + "x" == "3x"
        action:
          type: task
        channels: [crm_task]
        """);
    Outcome outcome = useCase.evaluate(context(traits("contacts_7d", 3L)));
    assertEquals(Outcome.Status.ERROR, outcome.status());
    String error = outcome.detail().orElseThrow();
    assertTrue(error.startsWith("demo.yaml:4: eligible 'traits.contacts_7d + \"x\" == \"3x\"' failed: "), error);
    assertTrue(error.contains("No matching overload"), error);

    Outcome missing = useCase.evaluate(context(traits()));
    assertEquals(Outcome.Status.ERROR, missing.status());
    assertTrue(missing.detail().orElseThrow().contains("contacts_7d"), missing.detail().orElseThrow());
  }

  @Test
  void aDynExpressionOfTheWrongKindIsAnOutcomeError() {
    UseCase useCase = UseCaseLoaderTest.LOADER.parse(Path.of("usecases/demo.yaml"), """
        usecase: demo
        trigger:
          traits: [contacts_7d]
        eligible: traits.contacts_7d
        action:
          type: task
        channels: [crm_task]
        """);
    Outcome outcome = useCase.evaluate(context(traits("contacts_7d", 3L)));
    assertEquals(Outcome.Status.ERROR, outcome.status());
    assertTrue(outcome.detail().orElseThrow().contains("evaluated to Long 3: expected a bool"), outcome.toString());
  }

  @Test
  void aDisabledUseCaseIsInactive() {
    UseCase useCase = UseCaseLoaderTest.LOADER.parse(Path.of("usecases/demo.yaml"), """
        usecase: demo
        enabled: false
        trigger:
          events: [invoice]
        eligible: "true"
        action:
          type: message
        channels: [email]
        """);
    assertEquals(Outcome.inactive("demo", "disabled"), useCase.evaluate(context(traits())));
  }

  @Test
  void theHoldoutIsStablePerCustomerAndUseCaseAndNearItsPercentage() {
    UseCase retention = shipped("retention_offer"); // 20 %
    UseCase upsell = shipped("vip_upsell"); // 10 %
    int retentionHeld = 0;
    int upsellHeld = 0;
    int both = 0;
    for (int i = 0; i < 10_000; i++) {
      String profile = "p-" + i;
      boolean r = retention.inHoldout(profile);
      assertEquals(r, retention.inHoldout(profile));
      boolean u = upsell.inHoldout(profile);
      retentionHeld += r ? 1 : 0;
      upsellHeld += u ? 1 : 0;
      both += r && u ? 1 : 0;
    }
    assertTrue(Math.abs(retentionHeld - 2000) < 200, "retention held out: " + retentionHeld);
    assertTrue(Math.abs(upsellHeld - 1000) < 150, "upsell held out: " + upsellHeld);
    assertTrue(both < 350, "independent per use case, about 2 % in both: " + both);
    assertTrue(shipped("service_recovery").holdoutPercent() == 0 && !shipped("service_recovery").inHoldout("p-1"));
  }
}
