package io.cxhub.connector.genesys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces out polls after failed ones: after n failures in a row, polls are skipped for
 * {@code min(2 s * 2^(n-1), 5 min)}, or longer when the API asked for a longer Retry-After (capped
 * at 15 min). Not thread-safe: Quartz runs an instance's polls one at a time.
 */
final class Backoff {

  static final Duration FIRST = Duration.ofSeconds(2);
  static final Duration MAX = Duration.ofMinutes(5);
  static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(15);

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
  Duration failed(Duration retryAfter) {
    failures++;
    Duration wait = FIRST.multipliedBy(1L << Math.min(failures - 1, 16));
    if (wait.compareTo(MAX) > 0) {
      wait = MAX;
    }
    if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
      wait = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
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
