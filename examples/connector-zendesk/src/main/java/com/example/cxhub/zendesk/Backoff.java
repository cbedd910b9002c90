package com.example.cxhub.zendesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces out polls after failures. After n failed polls in a row (5xx, bad credentials, an
 * unreachable host) polls are skipped for {@code min(1 s * 2^(n-1), 5 min)}, so a broken account
 * is not hammered every tick but is tried again within five minutes at most. A 429 waits exactly
 * the {@code Retry-After} Zendesk asked for. Not thread-safe: one instance per connector instance,
 * and Quartz runs an instance's polls one at a time.
 */
final class Backoff {

  static final Duration FIRST = Duration.ofSeconds(1);
  static final Duration MAX = Duration.ofMinutes(5);

  private final Clock clock;
  private int failures;
  private Instant notBefore = Instant.MIN;

  Backoff(Clock clock) {
    this.clock = clock;
  }

  /** Whether a poll may call Zendesk now. */
  boolean ready() {
    return !clock.instant().isBefore(notBefore);
  }

  /** A poll failed. @return the wait until the next attempt */
  Duration failed() {
    failures++;
    Duration wait = FIRST.multipliedBy(1L << Math.min(failures - 1, 16));
    if (wait.compareTo(MAX) > 0) {
      wait = MAX;
    }
    notBefore = clock.instant().plus(wait);
    return wait;
  }

  /** Zendesk answered 429: wait what it asked for (at most {@link #MAX}); does not count as a failure. */
  Duration rateLimited(Duration retryAfter) {
    Duration wait = retryAfter.compareTo(MAX) > 0 ? MAX : retryAfter;
    notBefore = clock.instant().plus(wait);
    return wait;
  }

  void succeeded() {
    failures = 0;
  }

  int failures() {
    return failures;
  }
}
