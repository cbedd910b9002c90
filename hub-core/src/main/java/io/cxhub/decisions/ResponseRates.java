package io.cxhub.decisions;

import java.util.Map;
import java.util.Objects;

/**
 * An immutable snapshot of smoothed response rates per use case, offer and channel. The rate is
 * the mean of a Beta posterior: {@code (alpha + successes) / (alpha + beta + sent)}, so a key
 * with no outcomes yet gets the prior mean (a fair start for a new use case, never 0) and a key
 * with many outcomes converges to its observed rate. Which outcome counts as a success is the
 * snapshot's {@link Goal}. Thread-safe (immutable); take a fresh snapshot from a {@link Updater}
 * to see new outcomes.
 */
public final class ResponseRates {

  /** Which outcome counts as a response. */
  public enum Goal {
    ENGAGED,
    CONVERTED
  }

  /** What the rates are kept per. */
  public record Key(String useCaseId, String offerId, String channel) {
    public Key {
      Objects.requireNonNull(useCaseId, "useCaseId");
      Objects.requireNonNull(offerId, "offerId");
      Objects.requireNonNull(channel, "channel");
    }
  }

  /** Outcomes seen for one key. Engaged and converted are counted independently of each other. */
  public record Counts(long sent, long engaged, long converted) {
    public static final Counts NONE = new Counts(0, 0, 0);

    public Counts {
      if (sent < 0 || engaged < 0 || converted < 0) {
        throw new IllegalArgumentException("outcome counts cannot be negative");
      }
    }

    Counts plus(Counts other) {
      return new Counts(sent + other.sent, engaged + other.engaged, converted + other.converted);
    }

    long successes(Goal goal) {
      return goal == Goal.ENGAGED ? engaged : converted;
    }
  }

  /**
   * The Beta(alpha, beta) prior: worth {@code alpha + beta} sends at a rate of {@code alpha /
   * (alpha + beta)}.
   */
  public record Prior(double alpha, double beta) {
    public Prior {
      if (!(alpha > 0) || !(beta > 0) || !Double.isFinite(alpha) || !Double.isFinite(beta)) {
        throw new IllegalArgumentException(
            "a Beta prior needs alpha > 0 and beta > 0, was alpha=" + alpha + " beta=" + beta);
      }
    }

    /** A prior with the given mean (strictly between 0 and 1), worth {@code weight} sends. */
    public static Prior ofMean(double mean, double weight) {
      if (!(mean > 0 && mean < 1)) {
        throw new IllegalArgumentException("prior mean must be within (0, 1), was " + mean);
      }
      if (!(weight > 0) || !Double.isFinite(weight)) {
        throw new IllegalArgumentException("prior weight must be more than 0, was " + weight);
      }
      return new Prior(mean * weight, (1 - mean) * weight);
    }

    public double mean() {
      return alpha / (alpha + beta);
    }
  }

  /** Mean 5 %, worth 20 sends. */
  public static final Prior DEFAULT_PRIOR = Prior.ofMean(0.05, 20);

  private final Prior prior;
  private final Goal goal;
  private final Map<Key, Counts> counts;

  public ResponseRates(Prior prior, Goal goal, Map<Key, Counts> counts) {
    this.prior = Objects.requireNonNull(prior, "prior");
    this.goal = Objects.requireNonNull(goal, "goal");
    this.counts = Map.copyOf(counts);
  }

  /** No outcomes yet: every key has the prior mean. */
  public static ResponseRates prior(Prior prior, Goal goal) {
    return new ResponseRates(prior, goal, Map.of());
  }

  /** The smoothed rate, strictly between 0 and 1. */
  public double rate(String useCaseId, String offerId, String channel) {
    return rate(new Key(useCaseId, offerId, channel));
  }

  public double rate(Key key) {
    Counts c = counts(key);
    // an engagement can be recorded before its send; never count more successes than sends
    long successes = Math.min(c.successes(goal), c.sent());
    return (prior.alpha() + successes) / (prior.alpha() + prior.beta() + c.sent());
  }

  public Counts counts(Key key) {
    return counts.getOrDefault(key, Counts.NONE);
  }

  public Prior prior() {
    return prior;
  }

  public Goal goal() {
    return goal;
  }

  /**
   * Collects outcomes from any number of threads and hands out consistent snapshots: each key's
   * counts in a snapshot come from one atomic update, never half of one.
   */
  public static final class Updater {
    private final Prior prior;
    private final Goal goal;
    private final java.util.concurrent.ConcurrentHashMap<Key, Counts> counts =
        new java.util.concurrent.ConcurrentHashMap<>();

    public Updater(Prior prior, Goal goal) {
      this.prior = Objects.requireNonNull(prior, "prior");
      this.goal = Objects.requireNonNull(goal, "goal");
    }

    /** Adds outcomes for a key (e.g. one send, or one send that was engaged). */
    public void record(Key key, Counts outcomes) {
      counts.merge(Objects.requireNonNull(key, "key"), outcomes, Counts::plus);
    }

    public void sent(Key key) {
      record(key, new Counts(1, 0, 0));
    }

    public void engaged(Key key) {
      record(key, new Counts(0, 1, 0));
    }

    public void converted(Key key) {
      record(key, new Counts(0, 0, 1));
    }

    public ResponseRates snapshot() {
      return new ResponseRates(prior, goal, counts);
    }
  }
}
