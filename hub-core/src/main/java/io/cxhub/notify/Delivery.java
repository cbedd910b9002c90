package io.cxhub.notify;

import java.time.Duration;

/**
 * What came of one attempt to hand a notice to a sink. Sinks classify their failures here, once: the
 * {@link Outbox} only follows the verdict.
 *
 * @param retryAfter how long the sink asked us to wait (HTTP 429 Retry-After), or null for the usual backoff
 * @param detail why it failed, safe to log (never a secret such as the webhook URL)
 */
record Delivery(Outcome outcome, Duration retryAfter, String detail) {

  enum Outcome {
    DELIVERED,
    /** A transient failure (server error, timeout, rate limit, connection refused): try again later. */
    RETRY,
    /** The sink refused the message for good (e.g. HTTP 400/403/404): sending it again would fail again. */
    REJECTED
  }

  static Delivery delivered() {
    return new Delivery(Outcome.DELIVERED, null, null);
  }

  static Delivery retry(String detail) {
    return new Delivery(Outcome.RETRY, null, detail);
  }

  static Delivery retryAfter(Duration wait, String detail) {
    return new Delivery(Outcome.RETRY, wait, detail);
  }

  static Delivery rejected(String detail) {
    return new Delivery(Outcome.REJECTED, null, detail);
  }
}
