package io.cxhub.decisions;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One action a use case proposes for one customer, after its eligibility matched: what the
 * arbiter ranks against the other use cases' candidates for the same customer.
 *
 * @param profileId the customer (profile) the action is for
 * @param useCaseId the proposing use case
 * @param offerId the offer, message or task the use case proposes
 * @param channels the channels the use case allows, most preferred first; never empty
 * @param priority the use case's priority, 0 or more (a higher priority ranks higher)
 * @param value the value the use case's CEL expression gave for this customer, finite and 0 or
 *     more
 * @param holdoutPercent the share of customers the use case keeps as a control group, 0 to 100
 */
public record Candidate(
    String profileId,
    String useCaseId,
    String offerId,
    List<String> channels,
    int priority,
    double value,
    double holdoutPercent) {

  public Candidate {
    Objects.requireNonNull(profileId, "profileId");
    Objects.requireNonNull(useCaseId, "useCaseId");
    Objects.requireNonNull(offerId, "offerId");
    channels = List.copyOf(channels);
    if (channels.isEmpty()) {
      throw new IllegalArgumentException(
          "use case " + useCaseId + ": a candidate needs at least one allowed channel");
    }
    if (new HashSet<>(channels).size() != channels.size()) {
      throw new IllegalArgumentException(
          "use case " + useCaseId + ": channel listed twice in " + channels);
    }
    if (priority < 0) {
      throw new IllegalArgumentException(
          "use case " + useCaseId + ": priority must be 0 or more, was " + priority);
    }
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(
          "use case " + useCaseId + ": value must be a finite number, 0 or more, was " + value);
    }
    if (!(holdoutPercent >= 0 && holdoutPercent <= 100)) {
      throw new IllegalArgumentException(
          "use case " + useCaseId + ": holdout percent must be within 0..100, was "
              + holdoutPercent);
    }
  }
}
