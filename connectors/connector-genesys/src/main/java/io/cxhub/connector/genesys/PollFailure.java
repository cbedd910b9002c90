package io.cxhub.connector.genesys;

import io.cxhub.spi.connector.PollBackoff;
import java.time.Duration;

/**
 * Why a poll stopped: the API could not be reached, kept failing, rate-limited us for longer than
 * we wait inline, rejected the credentials, or returned pages we could not read. The poll ends;
 * the next ones back off ({@link PollBackoff}), waiting at least {@link #retryAfter} when the API
 * said so. Messages never carry the client secret or a token.
 */
final class PollFailure extends Exception {

  private final Duration retryAfter;

  PollFailure(String message) {
    this(message, null);
  }

  PollFailure(String message, Duration retryAfter) {
    super(message, null, false, false);
    this.retryAfter = retryAfter;
  }

  /** The wait the API asked for, or null. */
  Duration retryAfter() {
    return retryAfter;
  }
}
