package io.cxhub.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The outbox's queue when its sink cannot keep up: updates give way to new alerts, callers never wait. */
class OutboxTest {

  /** A sink that holds its first delivery until released, and records what it got. */
  private static final class HeldSink implements AlertSink {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<String> delivered = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
      return "held";
    }

    @Override
    public Delivery deliver(Notice notice) throws InterruptedException {
      entered.countDown();
      release.await();
      delivered.add(notice.describe());
      return Delivery.delivered();
    }

    @Override
    public void close(long timeoutMillis) {}
  }

  private static Notice opened(long id) {
    return Notice.opened(Alerts.removedAddress(id, 1));
  }

  private static Notice digest(long id) {
    return Notice.digest(List.of(Alerts.removedAddress(id, 2)), 40).get(0);
  }

  @Test
  void whenFullTheOldestDigestGoesFirstAndANewAlertOnlyWhenNothingElseIsQueued() throws Exception {
    HeldSink sink = new HeldSink();
    Outbox outbox = Outbox.start(sink, Backoff.STANDARD, 3);
    try (LogCapture logs = new LogCapture()) {
      outbox.offer(opened(1));
      assertTrue(sink.entered.await(5, TimeUnit.SECONDS)); // the sender holds #1; the queue is empty
      long start = System.nanoTime();
      outbox.offer(digest(10));
      outbox.offer(opened(2));
      outbox.offer(digest(11)); // full: [digest 10, #2, digest 11]
      outbox.offer(opened(3)); // drops digest 10
      outbox.offer(opened(4)); // drops digest 11
      outbox.offer(digest(12)); // only new alerts queued: the digest itself is dropped
      outbox.offer(opened(5)); // only new alerts queued: the oldest, #2, goes
      assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(100), "offer never waits");
      sink.release.countDown();
      outbox.stop(System.nanoTime() + Duration.ofSeconds(5).toNanos());
      outbox.awaitStopped();
      assertEquals(List.of("new alert #1", "new alert #3", "new alert #4", "new alert #5"), sink.delivered);
      assertTrue(logs.text().contains("held: queue full (3 notices): dropped 3 digest page(s) and 1 new-alert message(s)"),
          logs.text());
    }
  }

  @Test
  void stoppingGivesUpRetriesThatWouldEndPastTheDeadline() throws Exception {
    AlertSink down = new AlertSink() {
      @Override
      public String name() {
        return "down";
      }

      @Override
      public Delivery deliver(Notice notice) {
        return Delivery.retry("HTTP 503");
      }

      @Override
      public void close(long timeoutMillis) {}
    };
    Outbox outbox = Outbox.start(down, Backoff.STANDARD, 10); // would wait 1 + 2 + 4 + 8 s
    try (LogCapture logs = new LogCapture()) {
      outbox.offer(opened(1));
      outbox.offer(opened(2));
      long start = System.nanoTime();
      outbox.stop(System.nanoTime() + Duration.ofMillis(500).toNanos());
      outbox.awaitStopped();
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(), "stopped within its deadline");
      String log = logs.text();
      assertTrue(log.contains("down: new alert #1 not sent (HTTP 503): notifications stopped before the next attempt"),
          log);
    }
  }
}
