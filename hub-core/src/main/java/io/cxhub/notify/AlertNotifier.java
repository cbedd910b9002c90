package io.cxhub.notify;

import io.cxhub.alerts.DriftAlert;

/**
 * Sends drift alerts to the configured sinks. Calls never block on a sink and never throw: sending
 * is asynchronous, retried, and a sink that stays down is logged, not allowed to slow detection.
 */
public interface AlertNotifier extends AutoCloseable {

  /** A new alert: sent at once. */
  void opened(DriftAlert alert);

  /** A live alert saw more occurrences: collected into the next digest. */
  void updated(DriftAlert alert);

  /** Sends what is pending and stops. */
  @Override
  void close();

  /** No sinks configured. */
  static AlertNotifier none() {
    return new AlertNotifier() {
      @Override
      public void opened(DriftAlert alert) {}

      @Override
      public void updated(DriftAlert alert) {}

      @Override
      public void close() {}
    };
  }
}
