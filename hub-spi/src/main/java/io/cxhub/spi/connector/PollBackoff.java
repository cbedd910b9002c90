package io.cxhub.spi.connector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The hub's shared policy for spacing out polls after failures: after n failed polls in a row, polls
 * are skipped for {@code min(first * 2^(n-1), max)}, so an unreachable or refusing source is not
 * hammered every tick and is tried again within {@code max} at most. A source that names its own
 * wait (HTTP {@code Retry-After}) is given that wait instead when it is longer, up to
 * {@code maxRetryAfter}.
 *
 * <p>Not thread-safe: one instance per connector instance; Quartz runs a route's polls one at a time.
 */
public final class PollBackoff {

  private final Clock clock;
  private final Duration first;
  private final Duration max;
  private final Duration maxRetryAfter;
  private int failures;
  private Instant notBefore = Instant.MIN;

  public PollBackoff(Clock clock, Duration first, Duration max, Duration maxRetryAfter) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.first = first;
    this.max = max;
    this.maxRetryAfter = maxRetryAfter;
  }

  /** 5 s doubling up to 5 min; a Retry-After is honoured up to 15 min. */
  public static PollBackoff standard(Clock clock) {
    return new PollBackoff(clock, Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(15));
  }

  /** True when the next poll may run. */
  public boolean ready() {
    return !clock.instant().isBefore(notBefore);
  }

  /** A poll failed. @return the wait until the next attempt */
  public Duration failed() {
    return failed(null);
  }

  /**
   * A poll failed and the source asked to wait {@code retryAfter} (or null when it did not).
   *
   * @return the wait until the next attempt
   */
  public Duration failed(Duration retryAfter) {
    failures++;
    Duration wait = first.multipliedBy(1L << Math.min(failures - 1, 16));
    if (wait.compareTo(max) > 0) {
      wait = max;
    }
    if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
      wait = retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
    }
    notBefore = clock.instant().plus(wait);
    return wait;
  }

  /**
   * The source rate-limited a poll that otherwise went well: wait what it asked for (at most
   * {@code maxRetryAfter}) without counting a failure.
   */
  public Duration rateLimited(Duration retryAfter) {
    Duration wait = retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
    notBefore = clock.instant().plus(wait);
    return wait;
  }

  public void succeeded() {
    failures = 0;
    notBefore = Instant.MIN;
  }

  /** Failed polls in a row. */
  public int failures() {
    return failures;
  }
}
