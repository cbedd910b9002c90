package io.cxhub.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults a simulator injects into the requests that reach its API routes, set at run time by a
 * test or through {@code POST /_sim/faults}. Counted faults apply to the next N requests, in this
 * order: rate limit, server error, then (on a successful answer) truncated body; latency applies to
 * every request until cleared. Thread-safe.
 */
public final class Faults {

  private final AtomicInteger rateLimited = new AtomicInteger();
  private final AtomicLong retryAfterMillis = new AtomicLong(1000);
  private final AtomicInteger serverErrors = new AtomicInteger();
  private final AtomicInteger truncated = new AtomicInteger();
  private final AtomicLong latencyMillis = new AtomicLong();
  private final AtomicLong injected = new AtomicLong();

  /** The next {@code requests} requests get 429 with a {@code Retry-After} of {@code retryAfter}. */
  public Faults rateLimit(int requests, Duration retryAfter) {
    retryAfterMillis.set(retryAfter.toMillis());
    rateLimited.set(requests);
    return this;
  }

  /** The next {@code requests} requests get 500. */
  public Faults serverErrors(int requests) {
    serverErrors.set(requests);
    return this;
  }

  /** The next {@code responses} successful answers are cut off in the middle of their body. */
  public Faults truncate(int responses) {
    truncated.set(responses);
    return this;
  }

  /** Every request waits this long before it is answered (zero to stop). */
  public Faults latency(Duration delay) {
    latencyMillis.set(delay.toMillis());
    return this;
  }

  public Faults clear() {
    rateLimited.set(0);
    serverErrors.set(0);
    truncated.set(0);
    latencyMillis.set(0);
    return this;
  }

  /** How many faults were injected so far. */
  public long injected() {
    return injected.get();
  }

  /** Applies a {@code /_sim/faults} body, e.g. {@code {"rateLimit":3,"retryAfterSeconds":1,"truncate":1}}. */
  void apply(JsonNode spec) {
    if (spec.path("clear").asBoolean(false)) {
      clear();
    }
    if (spec.has("rateLimit")) {
      rateLimit(spec.get("rateLimit").asInt(), Duration.ofMillis((long) (spec.path("retryAfterSeconds").asDouble(1) * 1000)));
    }
    if (spec.has("serverErrors")) {
      serverErrors(spec.get("serverErrors").asInt());
    }
    if (spec.has("truncate")) {
      truncate(spec.get("truncate").asInt());
    }
    if (spec.has("latencyMs")) {
      latency(Duration.ofMillis(spec.get("latencyMs").asLong()));
    }
  }

  Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rateLimit", rateLimited.get());
    m.put("retryAfterSeconds", retryAfterMillis.get() / 1000.0);
    m.put("serverErrors", serverErrors.get());
    m.put("truncate", truncated.get());
    m.put("latencyMs", latencyMillis.get());
    m.put("injected", injected.get());
    return m;
  }

  void delay() throws InterruptedException {
    long ms = latencyMillis.get();
    if (ms > 0) {
      Thread.sleep(ms);
    }
  }

  /** The Retry-After to send when this request is rate limited, or -1 when it is not. */
  long takeRateLimit() {
    return take(rateLimited) ? Math.max(0, retryAfterMillis.get()) : -1;
  }

  boolean takeServerError() {
    return take(serverErrors);
  }

  boolean takeTruncation() {
    return take(truncated);
  }

  private boolean take(AtomicInteger counter) {
    boolean hit = counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    if (hit) {
      injected.incrementAndGet();
    }
    return hit;
  }
}
