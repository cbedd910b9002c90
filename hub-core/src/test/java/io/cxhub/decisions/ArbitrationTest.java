package io.cxhub.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.decisions.Arbitration.Outcome;
import io.cxhub.decisions.Arbitration.Verdict;
import io.cxhub.decisions.ContactHistory.Contact;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArbitrationTest {

  private static final String CUSTOMER = "p-1";
  /** Noon UTC: outside quiet hours in UTC. */
  private static final Instant NOON = Instant.parse("2026-03-10T12:00:00Z");

  private final ContactPolicy policy = ContactPolicy.defaults();
  private final Arbiter arbiter =
      new Arbiter(
          policy,
          ResponseRates.prior(ResponseRates.DEFAULT_PRIOR, ResponseRates.Goal.ENGAGED));

  private static Candidate candidate(String useCase, int priority, double value, String... ch) {
    return new Candidate(CUSTOMER, useCase, useCase + "-offer", List.of(ch), priority, value, 0);
  }

  private static Verdict verdict(Arbitration a, String useCase) {
    return a.verdict(useCase).orElseThrow();
  }

  @Test
  void capAcrossTwoUseCasesLetsOnlyOneOutAndSuppressesTheOtherWithTheCapReason() {
    // one message 30 h ago: outside the 24 h channel window, inside the 2 / 48 h cap
    ContactHistory history =
        ContactHistory.of(new Contact("sms", NOON.minus(Duration.ofHours(30)), "welcome"));
    Candidate reminder = candidate("payment-reminder", 5, 10, "email");
    Candidate retention = candidate("retention-offer", 3, 10, "push");

    Arbitration a = arbiter.decide(CUSTOMER, List.of(retention, reminder), history, NOON);

    assertEquals(Outcome.WON, verdict(a, "payment-reminder").outcome());
    assertEquals(Optional.of("email"), verdict(a, "payment-reminder").channel());
    Verdict other = verdict(a, "retention-offer");
    assertEquals(Outcome.SUPPRESSED, other.outcome());
    Reason.CapReached cap = assertInstanceOf(Reason.CapReached.class, other.reasons().get(0));
    assertEquals(new ContactPolicy.Cap(2, Duration.ofHours(48)), cap.cap());
    assertEquals(2, cap.count());
    assertEquals(NOON.plus(Duration.ofHours(18)), cap.until(), "the 30 h old sms leaves the cap");
    Reason.LostTo lostTo = assertInstanceOf(Reason.LostTo.class, other.reasons().get(1));
    assertEquals("payment-reminder", lostTo.useCaseId());
    assertTrue(lostTo.winnerScore() > lostTo.score());
    assertEquals(1, a.winners().size());
  }

  @Test
  void capReachedByHistoryAloneSuppressesEveryMessageButNotACrmTask() {
    ContactHistory history =
        ContactHistory.of(
            new Contact("sms", NOON.minus(Duration.ofHours(40)), "a"),
            new Contact("email", NOON.minus(Duration.ofHours(30)), "b"));
    Arbitration a =
        arbiter.decide(
            CUSTOMER,
            List.of(candidate("upsell", 9, 100, "push"), candidate("recovery", 1, 1, "crm")),
            history,
            NOON);
    assertEquals(Outcome.SUPPRESSED, verdict(a, "upsell").outcome());
    assertInstanceOf(Reason.CapReached.class, verdict(a, "upsell").reasons().get(0));
    assertEquals(Outcome.WON, verdict(a, "recovery").outcome());
  }

  @Test
  void severalWinnersOnDifferentChannelsWhileTheCapHasRoomAndCrmTasksOnTop() {
    // empty history, cap 2 / 48 h: two messages on two channels, a third message is capped,
    // the crm task is not a message and goes out as well
    Arbitration a =
        arbiter.decide(
            CUSTOMER,
            List.of(
                candidate("payment-reminder", 5, 10, "sms"),
                candidate("upsell", 4, 10, "email"),
                candidate("survey", 3, 10, "push"),
                candidate("service-recovery", 1, 1, "crm")),
            ContactHistory.EMPTY,
            NOON);
    assertEquals(
        List.of("payment-reminder", "upsell", "service-recovery"),
        a.winners().stream().map(v -> v.candidate().useCaseId()).toList(),
        "winners, best score first");
    assertEquals(Outcome.SUPPRESSED, verdict(a, "survey").outcome());
    assertEquals(
        "upsell",
        ((Reason.LostTo) verdict(a, "survey").reasons().get(1)).useCaseId(),
        "the winner that took the last room under the cap");
  }

  @Test
  void oneDecisionPerChannelPerWindow() {
    ContactHistory history =
        ContactHistory.of(new Contact("email", NOON.minus(Duration.ofHours(23)), "welcome"));
    Arbitration a =
        arbiter.decide(
            CUSTOMER, List.of(candidate("upsell", 1, 1, "email")), history, NOON);
    Verdict v = verdict(a, "upsell");
    assertEquals(Outcome.SUPPRESSED, v.outcome());
    Reason.ChannelUsed used = assertInstanceOf(Reason.ChannelUsed.class, v.reasons().get(0));
    assertEquals("welcome", used.lastUseCaseId());
    assertEquals(NOON.plus(Duration.ofHours(1)), used.until());

    // exactly 24 h later the channel is free again
    Arbitration later =
        arbiter.decide(
            CUSTOMER,
            List.of(candidate("upsell", 1, 1, "email")),
            history,
            NOON.plus(Duration.ofHours(1)));
    assertEquals(Outcome.WON, verdict(later, "upsell").outcome());
  }

  @Test
  void twoUseCasesWantingTheSameChannelNowOneWinsTheOtherFallsBackOrLoses() {
    Candidate high = candidate("payment-reminder", 5, 10, "sms");
    Candidate fallsBack = candidate("upsell", 2, 10, "sms", "email");
    Candidate onlySms = candidate("survey", 1, 10, "sms");
    // caps out of the way: this is about the per-channel rule
    Arbiter uncapped = new Arbiter(policy.withCaps(List.of()), arbiterRates());

    Arbitration a =
        uncapped.decide(CUSTOMER, List.of(onlySms, fallsBack, high), ContactHistory.EMPTY, NOON);

    assertEquals(Optional.of("sms"), verdict(a, "payment-reminder").channel());
    assertEquals(Outcome.WON, verdict(a, "upsell").outcome());
    assertEquals(Optional.of("email"), verdict(a, "upsell").channel(), "second preference");
    Verdict lost = verdict(a, "survey");
    assertEquals(Outcome.LOST, lost.outcome());
    Reason.LostTo to = assertInstanceOf(Reason.LostTo.class, lost.reasons().get(0));
    assertEquals("payment-reminder", to.useCaseId());
    assertEquals("sms", to.channel());
    assertEquals(lost.score(), to.score());
    assertEquals(verdict(a, "payment-reminder").score(), to.winnerScore());
  }

  @Test
  void quietHoursDependOnTheCustomersZone() {
    // 22:30 UTC: quiet in London (22:30 GMT), not in New York (18:30 EDT since 8 March)
    Instant evening = Instant.parse("2026-03-10T22:30:00Z");
    List<Candidate> sms = List.of(candidate("payment-reminder", 1, 1, "sms"));

    Arbitration london =
        arbiter.decide(CUSTOMER, sms, ContactHistory.EMPTY, evening, policy.zoneOf("Europe/London"));
    Arbitration newYork =
        arbiter.decide(
            CUSTOMER, sms, ContactHistory.EMPTY, evening, policy.zoneOf("America/New_York"));

    assertEquals(Outcome.WON, verdict(newYork, "payment-reminder").outcome());
    Verdict quiet = verdict(london, "payment-reminder");
    assertEquals(Outcome.SUPPRESSED, quiet.outcome());
    Reason.QuietHours q = assertInstanceOf(Reason.QuietHours.class, quiet.reasons().get(0));
    assertEquals(Instant.parse("2026-03-11T08:00:00Z"), q.until(), "08:00 next morning in London");
    assertEquals(ZoneId.of("Europe/London"), london.zone());
  }

  @Test
  void quietHoursDoNotApplyToCrmTasksAndAMessageFallsBackToThem() {
    Instant night = Instant.parse("2026-03-10T02:00:00Z");
    Arbitration a =
        arbiter.decide(
            CUSTOMER,
            List.of(candidate("service-recovery", 1, 1, "sms", "crm")),
            ContactHistory.EMPTY,
            night,
            ZoneId.of("UTC"));
    assertEquals(Optional.of("crm"), verdict(a, "service-recovery").channel());
  }

  @Test
  void unknownZoneAttributeFallsBackToTheConfiguredZone() {
    ContactPolicy paris = policy.withFallbackZone(ZoneId.of("Europe/Paris"));
    assertEquals(ZoneId.of("Europe/Paris"), paris.zoneOf("Mars/Olympus_Mons"));
    assertEquals(ZoneId.of("Europe/Paris"), paris.zoneOf(null));
    assertEquals(ZoneId.of("Asia/Tokyo"), paris.zoneOf("Asia/Tokyo"));
  }

  @Test
  void tieBreakIsDeterministicWhateverTheInputOrder() {
    // equal scores everywhere, one channel each, room for one message: the smallest id wins
    List<Candidate> candidates = new ArrayList<>();
    for (String id : List.of("delta", "alpha", "charlie", "bravo", "echo")) {
      candidates.add(candidate(id, 2, 5, "sms"));
    }
    Random random = new Random(42);
    Arbitration first = arbiter.decide(CUSTOMER, candidates, ContactHistory.EMPTY, NOON);
    assertEquals("alpha", first.winners().get(0).candidate().useCaseId());
    for (int i = 0; i < 50; i++) {
      List<Candidate> shuffled = new ArrayList<>(candidates);
      Collections.shuffle(shuffled, random);
      assertEquals(first, arbiter.decide(CUSTOMER, shuffled, ContactHistory.EMPTY, NOON));
    }
  }

  @Test
  void rankingUsesPriorityTimesValueTimesResponseRate() {
    ResponseRates.Updater updater =
        new ResponseRates.Updater(ResponseRates.DEFAULT_PRIOR, ResponseRates.Goal.ENGAGED);
    // upsell has a higher priority x value, but its sms gets no response at all
    ResponseRates.Key upsellSms = new ResponseRates.Key("upsell", "upsell-offer", "sms");
    updater.record(upsellSms, new ResponseRates.Counts(1000, 0, 0));
    ResponseRates.Key reminderSms =
        new ResponseRates.Key("payment-reminder", "payment-reminder-offer", "sms");
    updater.record(reminderSms, new ResponseRates.Counts(1000, 300, 100));
    Arbiter learned = new Arbiter(policy, updater::snapshot);

    Arbitration a =
        learned.decide(
            CUSTOMER,
            List.of(candidate("upsell", 5, 10, "sms"), candidate("payment-reminder", 2, 10, "sms")),
            ContactHistory.EMPTY,
            NOON);

    assertEquals("payment-reminder", a.winners().get(0).candidate().useCaseId());
    assertEquals(Outcome.LOST, verdict(a, "upsell").outcome());
  }

  @Test
  void aHeldOutWinnerIsRecordedNotSentAndTheNextCandidateGetsTheChannel() {
    Candidate held =
        new Candidate(CUSTOMER, "retention", "discount", List.of("sms"), 9, 9, 100);
    Candidate next = candidate("upsell", 1, 1, "sms");
    Arbitration a = arbiter.decide(CUSTOMER, List.of(next, held), ContactHistory.EMPTY, NOON);

    Verdict h = verdict(a, "retention");
    assertEquals(Outcome.HELD_OUT, h.outcome());
    assertEquals(Optional.of("sms"), h.channel());
    assertInstanceOf(Reason.HeldOut.class, h.reasons().get(0));
    assertEquals(Outcome.WON, verdict(a, "upsell").outcome());
    assertEquals(Optional.of("sms"), verdict(a, "upsell").channel());
  }

  @Test
  void onlyOneOfferPerUseCaseWins() {
    Candidate big = new Candidate(CUSTOMER, "retention", "big", List.of("sms"), 1, 20, 0);
    Candidate small = new Candidate(CUSTOMER, "retention", "small", List.of("email"), 1, 10, 0);
    Arbitration a = arbiter.decide(CUSTOMER, List.of(small, big), ContactHistory.EMPTY, NOON);
    assertEquals(Outcome.WON, a.verdict("retention", "big").orElseThrow().outcome());
    Verdict v = a.verdict("retention", "small").orElseThrow();
    assertEquals(Outcome.LOST, v.outcome());
    assertEquals("big", ((Reason.LostTo) v.reasons().get(0)).offerId());
  }

  @Test
  void rejectsCandidatesOfAnotherCustomerAndDuplicates() {
    Candidate other = new Candidate("p-2", "x", "o", List.of("sms"), 1, 1, 0);
    assertThrows(
        IllegalArgumentException.class,
        () -> arbiter.decide(CUSTOMER, List.of(other), ContactHistory.EMPTY, NOON));
    Candidate c = candidate("x", 1, 1, "sms");
    assertThrows(
        IllegalArgumentException.class,
        () -> arbiter.decide(CUSTOMER, List.of(c, c), ContactHistory.EMPTY, NOON));
  }

  private static ResponseRates arbiterRates() {
    return ResponseRates.prior(ResponseRates.DEFAULT_PRIOR, ResponseRates.Goal.ENGAGED);
  }
}
