package io.cxhub.notify;

import java.time.Duration;

/**
 * How often and how patiently a notice is retried: {@code attempts} in all, waiting {@code first}, then twice as
 * long each time, never more than {@code max}.
 */
record Backoff(int attempts, Duration first, Duration max) {

  /** 5 attempts, waiting 1 s, 2 s, 4 s, 8 s in between. */
  static final Backoff STANDARD = new Backoff(5, Duration.ofSeconds(1), Duration.ofSeconds(30));

  Backoff {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
    }
  }

  /** The wait after failed attempt number {@code attempt} (1-based). */
  Duration delayAfter(int attempt) {
    Duration d = first.multipliedBy(1L << Math.min(attempt - 1, 20));
    return d.compareTo(max) > 0 ? max : d;
  }
}
