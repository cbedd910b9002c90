package io.cxhub.notify;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sink's bounded queue and its daemon sender thread. {@link #offer} never blocks the caller (drift detection).
 * When the queue is full, the oldest digest page goes first: its alerts are still in the store and the API, and an
 * alert that keeps changing shows up in the next digest. A new-alert message is dropped only when the queue holds
 * nothing else. Drops are counted and logged by the sender thread, not by the caller.
 *
 * <p>Each notice is tried {@link Backoff#attempts()} times with exponential backoff (or the sink's Retry-After),
 * then logged as failed; a sink that stays down delays only its own queue.
 */
final class Outbox {

  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  private final AlertSink sink;
  private final Backoff backoff;
  private final int capacity;
  private final Thread sender;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition(); // a notice arrived, or stopping began
  private final Deque<Notice> queue = new ArrayDeque<>();
  private long droppedDigests;
  private long droppedOpened;
  private boolean stopping;
  private long deadline; // System.nanoTime() by which the sender must be done, once stopping

  private Outbox(AlertSink sink, Backoff backoff, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("queue capacity must be at least 1, got " + capacity);
    }
    this.sink = sink;
    this.backoff = backoff;
    this.capacity = capacity;
    this.sender = new Thread(this::run, "cxhub-notify-" + sink.name().replace(' ', '-'));
    sender.setDaemon(true); // never keeps the JVM alive; close() drains what it can in bounded time
  }

  static Outbox start(AlertSink sink, Backoff backoff, int capacity) {
    Outbox outbox = new Outbox(sink, backoff, capacity);
    outbox.sender.start();
    return outbox;
  }

  String sinkName() {
    return sink.name();
  }

  /** Queues {@code notice}, making room by the rules above when the queue is full. Never blocks. */
  void offer(Notice notice) {
    lock.lock();
    try {
      if (stopping) {
        log.warn("{}: {} not sent: notifications are stopping", sink.name(), notice.describe());
        return;
      }
      if (queue.size() >= capacity && !makeRoomFor(notice)) {
        return;
      }
      queue.addLast(notice);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private boolean makeRoomFor(Notice incoming) {
    for (Iterator<Notice> it = queue.iterator(); it.hasNext();) {
      if (it.next().kind() == Notice.Kind.DIGEST) {
        it.remove();
        droppedDigests++;
        return true;
      }
    }
    if (incoming.kind() == Notice.Kind.DIGEST) {
      droppedDigests++;
      return false;
    }
    queue.pollFirst();
    droppedOpened++;
    return true;
  }

  /** Stops taking notices; the sender sends what is queued until {@code deadlineNanos} (System.nanoTime()). */
  void stop(long deadlineNanos) {
    lock.lock();
    try {
      stopping = true;
      deadline = deadlineNanos;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits for the sender until the deadline given to {@link #stop}, then interrupts it. */
  void awaitStopped() throws InterruptedException {
    long left = deadline - System.nanoTime();
    sender.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
    if (sender.isAlive()) {
      sender.interrupt(); // blocked in a sink call past the deadline
      sender.join(1_000);
    }
  }

  private void run() {
    Notice current = null;
    try {
      for (Notice notice = next(); notice != null; notice = next()) {
        current = notice;
        reportDrops();
        send(notice);
        current = null;
      }
    } catch (InterruptedException e) { // stop() ran out of time during a sink call or a retry wait
      if (current != null) {
        log.error("{}: {} not sent: notifications stopped while sending it", sink.name(), current.describe());
      }
    } finally {
      reportDrops();
      int left = pending();
      if (left > 0) {
        log.warn("{}: {} notice(s) not sent before notifications stopped", sink.name(), left);
      }
    }
  }

  private Notice next() throws InterruptedException {
    lock.lock();
    try {
      while (queue.isEmpty()) {
        if (stopping) {
          return null;
        }
        changed.await();
      }
      return queue.pollFirst();
    } finally {
      lock.unlock();
    }
  }

  private void send(Notice notice) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      Delivery d;
      try {
        d = sink.deliver(notice);
      } catch (RuntimeException e) { // a bug in a sink; its message might quote configuration, so not logged
        d = Delivery.retry("unexpected " + e.getClass().getName());
      }
      switch (d.outcome()) {
        case DELIVERED -> {
          log.debug("{}: sent {}", sink.name(), notice.describe());
          return;
        }
        case REJECTED -> {
          log.error("{}: {} rejected, not retried: {}", sink.name(), notice.describe(), d.detail());
          return;
        }
        case RETRY -> {
          if (attempt >= backoff.attempts()) {
            log.error("{}: gave up on {} after {} attempts: {}", sink.name(), notice.describe(), attempt, d.detail());
            return;
          }
          Duration wait = d.retryAfter() != null ? d.retryAfter() : backoff.delayAfter(attempt);
          log.warn("{}: {} not delivered ({}), attempt {}/{}, retrying in {} ms", sink.name(), notice.describe(),
              d.detail(), attempt, backoff.attempts(), wait.toMillis());
          if (!pause(wait)) {
            log.error("{}: {} not sent ({}): notifications stopped before the next attempt", sink.name(),
                notice.describe(), d.detail());
            return;
          }
        }
      }
    }
  }

  /** Waits {@code wait}; false when stopping and the wait would end past the deadline. */
  private boolean pause(Duration wait) throws InterruptedException {
    long end = System.nanoTime() + wait.toNanos();
    lock.lock();
    try {
      for (long left = wait.toNanos(); left > 0; left = end - System.nanoTime()) {
        if (stopping && end - deadline > 0) {
          return false;
        }
        changed.awaitNanos(left);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  private int pending() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  private void reportDrops() {
    long digests;
    long opened;
    lock.lock();
    try {
      digests = droppedDigests;
      opened = droppedOpened;
      droppedDigests = 0;
      droppedOpened = 0;
    } finally {
      lock.unlock();
    }
    if (digests + opened > 0) {
      log.warn("{}: queue full ({} notices): dropped {} digest page(s) and {} new-alert message(s); "
          + "the alerts are still listed at /api/drift/alerts", sink.name(), capacity, digests, opened);
    }
  }
}
