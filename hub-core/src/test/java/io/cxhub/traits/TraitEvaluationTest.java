package io.cxhub.traits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxhub.profile.TimelineEvent;
import io.cxhub.taxonomy.Taxonomy;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each aggregate, filter and time rule, evaluated over hand-made timelines. */
class TraitEvaluationTest {

  private static final TraitLoader LOADER = new TraitLoader(Taxonomy.loadDefault());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  @TempDir
  Path dir;

  private final List<TimelineEvent> timeline = new ArrayList<>();

  private TraitDefinition trait(String yaml) throws IOException {
    return LOADER.load(Files.writeString(dir.resolve("trait.yaml"), yaml));
  }

  /** Adds an event observed {@code ago} before {@link #NOW}. */
  private void event(String entity, Duration ago, Map<String, Object> data) {
    ObjectNode node = JSON.valueToTree(data);
    int id = timeline.size() + 1;
    timeline.add(new TimelineEvent(id, entity, "test", "stream", entity + "-" + id, NOW.minus(ago), node));
  }

  private Object valueAt(TraitDefinition trait, Instant now) {
    return trait.evaluate(timeline, now).value().orElse(null);
  }

  private void surveys() {
    event("survey_response", Duration.ofDays(100), Map.of("csat_score", 1, "survey", "onboarding"));
    event("survey_response", Duration.ofDays(10), Map.of("csat_score", 5, "survey", "support"));
    event("survey_response", Duration.ofDays(3), Map.of("csat_score", 2, "survey", "support"));
    event("survey_response", Duration.ofDays(1), Map.of("survey", "support")); // no score
    event("interaction", Duration.ofDays(1), Map.of("queue", "billing"));
  }

  @Test
  void countAndExistsLookOnlyAtMatchingEvents() throws IOException {
    surveys();
    assertEquals(4L, valueAt(trait("trait: t\nentity: survey_response\naggregate: count\n"), NOW));
    assertEquals(true, valueAt(trait("trait: t\nentity: interaction\naggregate: exists\n"), NOW));
    assertEquals(false, valueAt(trait("trait: t\nentity: case\naggregate: exists\n"), NOW));
    assertEquals(0L, valueAt(trait("trait: t\nentity: case\naggregate: count\n"), NOW));
  }

  @Test
  void sumAvgMinMaxSkipEventsWithoutTheField() throws IOException {
    surveys();
    String base = "trait: t\nentity: survey_response\nfield: csat_score\naggregate: ";
    assertEquals(8L, valueAt(trait(base + "sum\n"), NOW));
    assertEquals(new BigDecimal("2.666666666666667"), valueAt(trait(base + "avg\n"), NOW));
    assertEquals(1L, valueAt(trait(base + "min\n"), NOW));
    assertEquals(5L, valueAt(trait(base + "max\n"), NOW));
    assertEquals(new BigDecimal("3.5"), valueAt(trait(base + "avg\nwindow: 30d\n"), NOW));
  }

  @Test
  void decimalSumsAreExactAndAverageOfNothingIsNone() throws IOException {
    event("payment", Duration.ofDays(2), Map.of("amount", new BigDecimal("10.10"), "status", "SUCCEEDED"));
    event("payment", Duration.ofDays(1), Map.of("amount", new BigDecimal("0.20"), "status", "SUCCEEDED"));
    assertEquals(new BigDecimal("10.3"), valueAt(trait("trait: t\nentity: payment\naggregate: sum\nfield: amount\n"), NOW));
    TraitDefinition avgRefunds = trait("trait: t\nentity: payment\naggregate: avg\nfield: amount\nwhere: { status: REFUNDED }\n");
    assertEquals(TraitValue.NONE, avgRefunds.evaluate(timeline, NOW));
  }

  @Test
  void firstAndLastFollowTheTimeFieldNotArrivalOrder() throws IOException {
    event("survey_response", Duration.ofDays(1), Map.of("survey", "late-arrival", "responded_at", "2026-01-01T00:00:00Z"));
    event("survey_response", Duration.ofDays(5), Map.of("survey", "early-arrival", "responded_at", "2026-06-01T00:00:00Z"));
    String base = "trait: t\nentity: survey_response\nfield: survey\n";
    assertEquals("early-arrival", valueAt(trait(base + "aggregate: first\n"), NOW));
    assertEquals("late-arrival", valueAt(trait(base + "aggregate: last\n"), NOW));
    assertEquals("late-arrival", valueAt(trait(base + "aggregate: first\ntime: responded_at\n"), NOW));
    assertEquals("early-arrival", valueAt(trait(base + "aggregate: last\ntime: responded_at\n"), NOW));
  }

  @Test
  void distinctCountCountsValuesOnce() throws IOException {
    surveys();
    assertEquals(2L, valueAt(trait("trait: t\nentity: survey_response\naggregate: distinct_count\nfield: survey\n"), NOW));
  }

  @Test
  void filtersCombineOperators() throws IOException {
    event("case", Duration.ofDays(9), Map.of("status", "OPEN", "priority", "HIGH"));
    event("case", Duration.ofDays(8), Map.of("status", "ESCALATED", "priority", "URGENT"));
    event("case", Duration.ofDays(7), Map.of("status", "CLOSED", "priority", "HIGH"));
    event("case", Duration.ofDays(6), Map.of("status", "NEW"));
    String base = "trait: t\nentity: case\naggregate: count\nwhere:\n";
    assertEquals(3L, valueAt(trait(base + "  status: { in: [NEW, OPEN, PENDING, ESCALATED] }\n"), NOW));
    assertEquals(1L, valueAt(trait(base + "  status: { not_in: [NEW, OPEN, ESCALATED] }\n"), NOW));
    assertEquals(2L, valueAt(trait(base + "  status: { ne: CLOSED }\n  priority: { exists: true }\n"), NOW));
    assertEquals(1L, valueAt(trait(base + "  priority: { exists: false }\n"), NOW));
    assertEquals(2L, valueAt(trait(base + "  priority: HIGH\n"), NOW));
  }

  @Test
  void numericComparisonsAndFixedMoments() throws IOException {
    event("interaction", Duration.ofDays(3), Map.of("wait_seconds", 30, "started_at", "2026-11-20T09:00:00Z"));
    event("interaction", Duration.ofDays(2), Map.of("wait_seconds", 300, "started_at", "2026-11-21T09:00:00Z"));
    event("interaction", Duration.ofDays(1), Map.of("wait_seconds", 600, "started_at", "2026-11-22T09:00:00Z"));
    String base = "trait: t\nentity: interaction\naggregate: count\nwhere:\n";
    assertEquals(2L, valueAt(trait(base + "  wait_seconds: { gte: 300 }\n"), NOW));
    assertEquals(1L, valueAt(trait(base + "  wait_seconds: { gt: 30, lt: 600 }\n"), NOW));
    assertEquals(2L, valueAt(trait(base + "  wait_seconds: { lte: 300.0 }\n"), NOW));
    assertEquals(1L, valueAt(trait(base + "  started_at: { after: \"2026-11-21T09:00:00Z\" }\n"), NOW));
  }

  @Test
  void windowedCountChangesWhenTheOldestEventLeaves() throws IOException {
    TraitDefinition contacts = trait("trait: contacts_7d\nentity: interaction\naggregate: count\nwindow: 7d\n");
    event("interaction", Duration.ofDays(8), Map.of());
    event("interaction", Duration.ofDays(6).plusHours(1), Map.of());
    event("interaction", Duration.ofDays(2), Map.of());
    assertEquals(2L, valueAt(contacts, NOW));
    Instant leaves = NOW.minus(Duration.ofDays(6).plusHours(1)).plus(Duration.ofDays(7));
    assertEquals(Optional.of(leaves), contacts.nextChange(timeline, NOW));
    assertEquals(2L, valueAt(contacts, leaves.minusNanos(1)));
    assertEquals(1L, valueAt(contacts, leaves));
    Instant last = NOW.minus(Duration.ofDays(2)).plus(Duration.ofDays(7));
    assertEquals(Optional.of(last), contacts.nextChange(timeline, leaves));
    assertEquals(Optional.empty(), contacts.nextChange(timeline, last));
  }

  @Test
  void nextChangeSkipsExitsThatDoNotChangeTheValue() throws IOException {
    TraitDefinition max = trait("trait: t\nentity: interaction\naggregate: max\nfield: wait_seconds\nwindow: 24h\n");
    event("interaction", Duration.ofHours(20), Map.of("wait_seconds", 10));
    event("interaction", Duration.ofHours(10), Map.of("wait_seconds", 50));
    event("interaction", Duration.ofHours(5), Map.of("wait_seconds", 20));
    assertEquals(50L, valueAt(max, NOW));
    // the 10 leaves first without changing the max; the 50 leaving is the change
    assertEquals(Optional.of(NOW.plus(Duration.ofHours(14))), max.nextChange(timeline, NOW));
  }

  @Test
  void overdueAmountTurnsWhenTheDueDayEnds() throws IOException {
    TraitDefinition overdue = trait("""
        trait: overdue_amount
        entity: invoice
        aggregate: sum
        field: amount_due
        where:
          status: OPEN
          due_on: { before: now }
        """);
    event("invoice", Duration.ofDays(30), Map.of("status", "OPEN", "amount_due", 40, "due_on", "2026-11-20"));
    event("invoice", Duration.ofDays(20), Map.of("status", "OPEN", "amount_due", new BigDecimal("12.5"), "due_on", "2026-11-23"));
    event("invoice", Duration.ofDays(20), Map.of("status", "PAID", "amount_due", 99, "due_on", "2026-11-01"));
    event("invoice", Duration.ofDays(10), Map.of("status", "OPEN", "amount_due", 7, "due_on", "2026-12-01"));
    assertEquals(new BigDecimal("40"), valueAt(overdue, NOW));
    Instant dueDayOver = Instant.parse("2026-11-24T00:00:00Z");
    assertEquals(Optional.of(dueDayOver), overdue.nextChange(timeline, NOW));
    assertEquals(new BigDecimal("52.5"), valueAt(overdue, dueDayOver));
    assertEquals(Optional.of(Instant.parse("2026-12-02T00:00:00Z")), overdue.nextChange(timeline, dueDayOver));
    assertThrows(IllegalStateException.class, overdue::newState);
  }

  @Test
  void daysSinceLastPaymentTicksAtEachFullDay() throws IOException {
    TraitDefinition days = trait("""
        trait: days_since_last_payment
        entity: payment
        aggregate: last
        field: paid_at
        time: paid_at
        since: days
        where: { status: SUCCEEDED }
        """);
    assertEquals(TraitValue.NONE, days.evaluate(timeline, NOW));
    assertEquals(Optional.empty(), days.nextChange(timeline, NOW));
    event("payment", Duration.ofDays(1), Map.of("status", "SUCCEEDED", "paid_at", "2026-11-10T08:00:00Z"));
    event("payment", Duration.ofDays(1), Map.of("status", "FAILED", "paid_at", "2026-11-20T08:00:00Z"));
    assertEquals(13L, valueAt(days, NOW));
    Instant tick = Instant.parse("2026-11-24T08:00:00Z");
    assertEquals(Optional.of(tick), days.nextChange(timeline, NOW));
    assertEquals(14L, valueAt(days, tick));
  }

  @Test
  void lastNegativeSurveyIsATimestamp() throws IOException {
    TraitDefinition lastNegative = trait("""
        trait: last_negative_survey_at
        entity: survey_response
        aggregate: last
        field: responded_at
        time: responded_at
        where: { csat_score: { lte: 2 } }
        """);
    event("survey_response", Duration.ofDays(9), Map.of("csat_score", 1, "responded_at", "2026-11-14T10:00:00Z"));
    event("survey_response", Duration.ofDays(8), Map.of("csat_score", 2, "responded_at", "2026-11-15T10:00:00Z"));
    event("survey_response", Duration.ofDays(1), Map.of("csat_score", 5, "responded_at", "2026-11-22T10:00:00Z"));
    assertEquals(Instant.parse("2026-11-15T10:00:00Z"), valueAt(lastNegative, NOW));
    assertEquals(Optional.empty(), lastNegative.nextChange(timeline, NOW));
  }

  @Test
  void minOfADateFieldIsADate() throws IOException {
    event("invoice", Duration.ofDays(3), Map.of("due_on", "2026-12-05"));
    event("invoice", Duration.ofDays(2), Map.of("due_on", "2026-11-30"));
    assertEquals(LocalDate.parse("2026-11-30"), valueAt(trait("trait: t\nentity: invoice\naggregate: min\nfield: due_on\n"), NOW));
  }

  @Test
  void timestampConditionsOnNowTurnAtTheInstant() throws IOException {
    Instant cancels = NOW.plus(Duration.ofHours(3));
    event("subscription", Duration.ofDays(40), Map.of("status", "ACTIVE", "canceled_at", cancels.toString()));
    TraitDefinition pending = trait("trait: t\nentity: subscription\naggregate: exists\nwhere: { canceled_at: { after: now } }\n");
    TraitDefinition done = trait("trait: t\nentity: subscription\naggregate: exists\nwhere: { canceled_at: { before: now } }\n");
    assertEquals(true, valueAt(pending, NOW));
    assertEquals(Optional.of(cancels), pending.nextChange(timeline, NOW));
    assertEquals(false, valueAt(pending, cancels));
    // before is strict: at the instant itself the cancellation is not yet in the past
    assertEquals(false, valueAt(done, cancels));
    assertEquals(Optional.of(cancels.plusNanos(1)), done.nextChange(timeline, NOW));
  }
}
