package io.cxhub.usecases;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one use case says about one customer at one instant. Never thrown: an expression that fails
 * at evaluation (a missing key, no matching overload) is an outcome with status {@link Status#ERROR}
 * naming the expression and CEL's reason.
 *
 * @param useCase the use case id
 * @param status the verdict
 * @param value the evaluated value when eligible, else 0
 * @param suppressions the reasons of every suppression rule that held, in file order
 * @param payload the evaluated action template when the use case fires, else empty
 * @param detail why it is inactive, or the error; empty otherwise
 */
public record Outcome(String useCase, Status status, double value, List<String> suppressions,
    Map<String, Object> payload, Optional<String> detail) {

  public Outcome {
    suppressions = List.copyOf(suppressions);
    payload = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(payload));
  }

  public enum Status {
    /** Disabled, or the instant is outside its start/end days. */
    INACTIVE,
    /** {@code eligible} is false. */
    NOT_ELIGIBLE,
    /** Eligible, but at least one suppression rule holds. */
    SUPPRESSED,
    /** Eligible and not suppressed: a candidate for arbitration. */
    FIRES,
    /** An expression failed at evaluation. */
    ERROR
  }

  public boolean fires() {
    return status == Status.FIRES;
  }

  public boolean eligible() {
    return status == Status.FIRES || status == Status.SUPPRESSED;
  }

  static Outcome inactive(String useCase, String why) {
    return new Outcome(useCase, Status.INACTIVE, 0, List.of(), Map.of(), Optional.of(why));
  }

  static Outcome notEligible(String useCase) {
    return new Outcome(useCase, Status.NOT_ELIGIBLE, 0, List.of(), Map.of(), Optional.empty());
  }

  static Outcome error(String useCase, String error) {
    return new Outcome(useCase, Status.ERROR, 0, List.of(), Map.of(), Optional.of(error));
  }
}
