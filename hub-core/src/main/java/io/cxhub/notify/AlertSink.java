package io.cxhub.notify;

/**
 * Where notices go: the webhook or the Kafka topic. Called from one {@link Outbox} thread only, so an
 * implementation needs no locking of its own.
 */
interface AlertSink extends AutoCloseable {

  /** For logs, e.g. {@code webhook}: never the webhook URL. */
  String name();

  /**
   * Makes one attempt to send {@code notice}, waiting for the sink's answer (bounded by the sink's own timeouts).
   * Does not throw for a failed delivery: returns its classification.
   */
  Delivery deliver(Notice notice) throws InterruptedException;

  /** Releases the sink's resources, waiting at most {@code timeoutMillis}. */
  void close(long timeoutMillis);

  @Override
  default void close() {
    close(5_000);
  }
}
