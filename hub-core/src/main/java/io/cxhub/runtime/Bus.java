package io.cxhub.runtime;

/**
 * The transport between pipeline stages. Stages name a {@link Stage} and never a component, so the
 * transport is configuration: today the in-process one, SEDA queues that are bounded and block the
 * producer when full (backpressure instead of out-of-memory).
 */
public final class Bus {

  /** The hops of the data path (ARCHITECTURE.md §1). */
  public enum Stage {
    /** Records as connectors and the ingest API hand them over. */
    RAW,
    /** Records mapped to taxonomy entities, waiting to be written to profiles. */
    MAPPED,
    /** Trait values of profiles that changed ({@code List<ProfileChange>}), for the listeners of the hub. */
    PROFILE_CHANGES
  }

  private final int queueSize;

  public Bus(int queueSize) {
    if (queueSize < 1) {
      throw new IllegalArgumentException("bus queue size " + queueSize + ": expected at least 1");
    }
    this.queueSize = queueSize;
  }

  /** Endpoint a stage sends to; blocks when the queue is full. */
  public String to(Stage stage) {
    return "seda:" + queueName(stage) + "?size=" + queueSize + "&blockWhenFull=true";
  }

  /** Endpoint a stage consumes from with {@code consumers} threads. */
  public String from(Stage stage, int consumers) {
    return "seda:" + queueName(stage) + "?size=" + queueSize + "&concurrentConsumers=" + consumers;
  }

  private static String queueName(Stage stage) {
    return "cxhub-" + stage.name().toLowerCase();
  }
}
