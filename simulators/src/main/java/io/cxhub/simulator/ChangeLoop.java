package io.cxhub.simulator;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background loop that keeps a simulator's data changing while a demo or test runs: one daemon
 * thread applying a round of changes every period. A failed round is logged and the next one runs.
 */
public final class ChangeLoop {

  private static final Logger log = LoggerFactory.getLogger(ChangeLoop.class);

  private final String name;
  private ScheduledExecutorService executor;

  /** @param name the simulator's name, for the thread and the log */
  public ChangeLoop(String name) {
    this.name = name;
  }

  /** Runs {@code round} every {@code period}, first after one period; no-op when already running. */
  public synchronized void start(Duration period, Runnable round) {
    if (executor != null) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, name + "-changes");
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(() -> {
      try {
        round.run();
      } catch (RuntimeException e) {
        log.warn("{}: a round of changes failed: {}", name, e.getMessage(), e);
      }
    }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops after the round in progress, if any, waiting for it up to 30 s. */
  public void stop() {
    ScheduledExecutorService running;
    synchronized (this) {
      running = executor;
      executor = null;
    }
    if (running != null) {
      running.shutdown();
      try {
        if (!running.awaitTermination(30, TimeUnit.SECONDS)) {
          running.shutdownNow();
        }
      } catch (InterruptedException e) {
        running.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }
}
