package io.cxhub.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.decisions.ResponseRates.Counts;
import io.cxhub.decisions.ResponseRates.Goal;
import io.cxhub.decisions.ResponseRates.Key;
import io.cxhub.decisions.ResponseRates.Prior;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ResponseRatesTest {

  private static final Key NEW = new Key("brand-new", "offer", "sms");
  private static final Key OLD = new Key("old", "offer", "sms");

  @Test
  void aNewUseCaseGetsThePriorMeanNotZero() {
    ResponseRates.Updater updater = new ResponseRates.Updater(Prior.ofMean(0.05, 20), Goal.ENGAGED);
    // an established use case with a poor observed rate of 1 %
    updater.record(OLD, new Counts(10_000, 100, 10));
    ResponseRates rates = updater.snapshot();

    assertEquals(0.05, rates.rate(NEW), 1e-12);
    assertTrue(rates.rate(NEW) > rates.rate(OLD), "a fair start beats a proven poor performer");
  }

  @Test
  void convergesToTheObservedRateWithData() {
    ResponseRates.Updater updater = new ResponseRates.Updater(Prior.ofMean(0.05, 20), Goal.ENGAGED);
    updater.record(NEW, new Counts(10, 3, 0));
    double few = updater.snapshot().rate(NEW);
    // (1 + 3) / (20 + 10): pulled towards the prior with little data
    assertEquals(4.0 / 30, few, 1e-12);
    updater.record(NEW, new Counts(99_990, 29_997, 0));
    double many = updater.snapshot().rate(NEW);
    assertEquals(0.30, many, 0.001);
  }

  @Test
  void theGoalPicksWhichOutcomeCounts() {
    ResponseRates.Updater updater =
        new ResponseRates.Updater(Prior.ofMean(0.05, 20), Goal.CONVERTED);
    updater.record(NEW, new Counts(980, 500, 99));
    assertEquals((1.0 + 99) / 1000, updater.snapshot().rate(NEW), 1e-12);
  }

  @Test
  void aSnapshotDoesNotChangeWhenOutcomesArriveLater() {
    ResponseRates.Updater updater = new ResponseRates.Updater(Prior.ofMean(0.05, 20), Goal.ENGAGED);
    ResponseRates before = updater.snapshot();
    updater.record(NEW, new Counts(100, 90, 0));
    assertEquals(0.05, before.rate(NEW), 1e-12);
    assertTrue(updater.snapshot().rate(NEW) > 0.5);
  }

  @Test
  void updatesFromManyThreadsAreAllCounted() throws InterruptedException {
    ResponseRates.Updater updater = new ResponseRates.Updater(Prior.ofMean(0.05, 20), Goal.ENGAGED);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int t = 0; t < 8; t++) {
      pool.execute(
          () -> {
            for (int i = 0; i < 10_000; i++) {
              updater.sent(NEW);
              if (i % 4 == 0) {
                updater.engaged(NEW);
              }
            }
          });
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    assertEquals(new Counts(80_000, 20_000, 0), updater.snapshot().counts(NEW));
  }

  @Test
  void invalidPriorsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Prior.ofMean(0, 20));
    assertThrows(IllegalArgumentException.class, () -> Prior.ofMean(0.05, 0));
    assertThrows(IllegalArgumentException.class, () -> new Prior(-1, 1));
  }
}
