package io.cxhub.connector.qualtrics;

import java.time.Duration;

/**
 * How often one API call is tried: 429 waits the server's {@code Retry-After} (at most
 * {@code maxRetryAfter}); 5xx and I/O failures wait {@code firstBackoff}, doubling up to
 * {@code maxBackoff}. After {@code attempts} tries the call fails and the poll backs off.
 */
record RetryPolicy(int attempts, Duration firstBackoff, Duration maxBackoff, Duration maxRetryAfter) {

  /** For reads: up to 6 tries, about 30 s of waiting at most (rate limits aside). */
  static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(30));

  /** For {@code check()}: one try, the answer is what matters. */
  static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

  Duration backoff(int failedAttempts) {
    Duration d = firstBackoff.multipliedBy(1L << Math.min(failedAttempts - 1, 16));
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }

  Duration retryAfter(String header) {
    long seconds = 1;
    if (header != null) {
      try {
        seconds = Math.max(0, Long.parseLong(header.trim()));
      } catch (NumberFormatException e) {
        seconds = 1; // an HTTP date: wait a second and try
      }
    }
    Duration d = Duration.ofSeconds(seconds);
    return d.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : d;
  }
}
