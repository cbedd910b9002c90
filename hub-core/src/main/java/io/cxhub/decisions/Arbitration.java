package io.cxhub.decisions;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one arbitration for one customer: a verdict per candidate, best-ranked first.
 * Immutable; everything in it is meant to be recorded with the decision.
 *
 * @param profileId the customer
 * @param at the instant the arbitration decided at
 * @param zone the customer's zone the quiet hours were checked in
 * @param verdicts one per candidate, ordered by score (highest first), then use case id, then
 *     offer id
 */
public record Arbitration(String profileId, Instant at, ZoneId zone, List<Verdict> verdicts) {

  /** What happened to a candidate. */
  public enum Outcome {
    /** Goes out on {@link Verdict#channel()}. */
    WON,
    /** Would have won, but the customer is in the use case's control group: record, don't send. */
    HELD_OUT,
    /**
     * The contact policy blocks every allowed channel: on the history alone, or because a cap
     * has no room left once this arbitration's winners are counted.
     */
    SUPPRESSED,
    /** Another candidate ranked higher and took its channel, or its use case already won. */
    LOST
  }

  /**
   * One candidate's verdict.
   *
   * @param channel the channel it goes out on (WON) or would have (HELD_OUT); empty otherwise
   * @param score priority x value x response rate on the chosen channel, or on the first channel
   *     the history left open (LOST, SUPPRESSED by a cap this arbitration filled), or on the first
   *     allowed channel (SUPPRESSED by the history)
   * @param reasons empty for WON; why not, otherwise
   */
  public record Verdict(
      Candidate candidate,
      Outcome outcome,
      Optional<String> channel,
      double score,
      List<Reason> reasons) {
    public Verdict {
      Objects.requireNonNull(candidate, "candidate");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(channel, "channel");
      reasons = List.copyOf(reasons);
    }
  }

  public Arbitration {
    verdicts = List.copyOf(verdicts);
  }

  public List<Verdict> winners() {
    return verdicts.stream().filter(v -> v.outcome() == Outcome.WON).toList();
  }

  public List<Verdict> withOutcome(Outcome outcome) {
    return verdicts.stream().filter(v -> v.outcome() == outcome).toList();
  }

  /** The verdict for the use case's offer. */
  public Optional<Verdict> verdict(String useCaseId, String offerId) {
    return verdicts.stream()
        .filter(
            v ->
                v.candidate().useCaseId().equals(useCaseId)
                    && v.candidate().offerId().equals(offerId))
        .findFirst();
  }

  /** The verdict for the use case's only (or best-ranked) candidate. */
  public Optional<Verdict> verdict(String useCaseId) {
    return verdicts.stream().filter(v -> v.candidate().useCaseId().equals(useCaseId)).findFirst();
  }
}
