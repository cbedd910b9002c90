package io.cxhub.app;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for the asynchronous store stage, without a checked exception in lambdas' way. */
final class HubFixtureAwait {

  private HubFixtureAwait() {}

  static void until(String what, BooleanSupplier condition) {
    try {
      HubFixture.await(what, Duration.ofSeconds(30), condition);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting for " + what);
    }
  }
}
