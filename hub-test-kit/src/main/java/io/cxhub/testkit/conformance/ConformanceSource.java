package io.cxhub.testkit.conformance;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The source system a connector reads in a conformance test, usually its simulator, seen through
 * what the suite needs to know and do. The source must not change by itself while the suite runs:
 * only {@link #change()} changes it. A source that cannot inject a kind of fault (a database has
 * no 429) leaves that method as is, and the suite skips the test with the reason.
 */
public interface ConformanceSource {

  /** Source ids currently in the source, per stream: what a full read returns, each exactly once. */
  Map<String, Set<String>> contents();

  /**
   * Changes and adds records in the source and returns, per stream, the source ids an incremental
   * read from the current position must return (and nothing else).
   */
  Map<String, Set<String>> change();

  /** The next {@code requests} API requests are answered 429 with this {@code Retry-After}. */
  default void rateLimitNext(int requests, Duration retryAfter) {
    throw new UnsupportedOperationException("this source cannot inject rate limits");
  }

  /** The next {@code requests} API requests are answered 500. */
  default void serverErrorsNext(int requests) {
    throw new UnsupportedOperationException("this source cannot inject server errors");
  }

  /** The next {@code responses} successful data responses are cut off in the middle of their body. */
  default void truncateNext(int responses) {
    throw new UnsupportedOperationException("this source cannot inject truncated payloads");
  }

  /**
   * A source from its two reads and its fault hooks, e.g. for a simulator {@code sim}:
   * {@code ConformanceSource.of(sim::ids, sim::change, sim.faults()::rateLimit, sim.faults()::serverErrors,
   * sim.faults()::truncate)}.
   */
  static ConformanceSource of(Supplier<Map<String, Set<String>>> contents, Supplier<Map<String, Set<String>>> change,
      BiConsumer<Integer, Duration> rateLimit, IntConsumer serverErrors, IntConsumer truncate) {
    return new ConformanceSource() {
      @Override
      public Map<String, Set<String>> contents() {
        return contents.get();
      }

      @Override
      public Map<String, Set<String>> change() {
        return change.get();
      }

      @Override
      public void rateLimitNext(int requests, Duration retryAfter) {
        rateLimit.accept(requests, retryAfter);
      }

      @Override
      public void serverErrorsNext(int requests) {
        serverErrors.accept(requests);
      }

      @Override
      public void truncateNext(int responses) {
        truncate.accept(responses);
      }
    };
  }
}
