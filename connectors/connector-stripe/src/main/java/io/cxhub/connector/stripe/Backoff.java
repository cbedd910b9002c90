package io.cxhub.connector.stripe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces out polls after failed ones: after n failed polls in a row, polls are skipped for
 * {@code min(5 s * 2^(n-1), 5 min)}, so an unreachable or failing API is not hammered at every
 * tick yet is tried again within five minutes. One instance per connector instance; Quartz runs its
 * polls one at a time.
 */
final class Backoff {

  static final Duration FIRST = Duration.ofSeconds(5);
  static final Duration MAX = Duration.ofMinutes(5);

  private final Clock clock;
  private int failures;
  private Instant notBefore = Instant.MIN;

  Backoff(Clock clock) {
    this.clock = clock;
  }

  boolean ready() {
    return !clock.instant().isBefore(notBefore);
  }

  /** @return the wait until the next attempt */
  Duration failed() {
    failures++;
    Duration wait = FIRST.multipliedBy(1L << Math.min(failures - 1, 16));
    if (wait.compareTo(MAX) > 0) {
      wait = MAX;
    }
    notBefore = clock.instant().plus(wait);
    return wait;
  }

  void succeeded() {
    failures = 0;
    notBefore = Instant.MIN;
  }

  int failures() {
    return failures;
  }
}
