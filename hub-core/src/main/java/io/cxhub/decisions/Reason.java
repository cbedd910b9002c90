package io.cxhub.decisions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Why a candidate did not go out, as data to record with the decision. {@link #describe()} gives
 * the same in words for logs and the UI.
 */
public sealed interface Reason {

  /** The reason in plain words. */
  String describe();

  /**
   * The channel already had a contact within the per-channel window.
   *
   * @param until the first instant the channel is free again
   */
  record ChannelUsed(
      String channel, Instant lastAt, String lastUseCaseId, Duration window, Instant until)
      implements Reason {
    @Override
    public String describe() {
      return "channel " + channel + " already used by " + lastUseCaseId + " at " + lastAt
          + " (one contact per " + window + "), free again at " + until;
    }
  }

  /**
   * A global cap is full.
   *
   * @param count contacts that count against the cap within its period
   * @param until the first instant the cap has room again
   */
  record CapReached(String channel, ContactPolicy.Cap cap, int count, Instant until)
      implements Reason {
    @Override
    public String describe() {
      return "cap " + cap + " reached (" + count + " already), room again at " + until
          + " (channel " + channel + ")";
    }
  }

  /**
   * The channel is a messaging channel and it is quiet hours in the customer's zone.
   *
   * @param until the end of the quiet hours, the next instant the channel is allowed
   */
  record QuietHours(String channel, ZoneId zone, LocalTime start, LocalTime end, Instant until)
      implements Reason {
    @Override
    public String describe() {
      return "quiet hours " + start + "-" + end + " in " + zone + " on channel " + channel
          + " until " + until;
    }
  }

  /**
   * Another candidate ranked higher and took the channel or the last room under a cap, or it is
   * an offer of the same use case that already won.
   */
  record LostTo(
      String useCaseId, String offerId, String channel, double score, double winnerScore)
      implements Reason {
    @Override
    public String describe() {
      return "lost to " + useCaseId + "/" + offerId + " on " + channel + " (score " + score
          + " vs " + winnerScore + ")";
    }
  }

  /** The customer is in the use case's control group: recorded, not sent. */
  record HeldOut(String useCaseId, int bucket, double percent) implements Reason {
    @Override
    public String describe() {
      return "holdout of " + useCaseId + ": bucket " + bucket + " < " + percent + " %";
    }
  }
}
