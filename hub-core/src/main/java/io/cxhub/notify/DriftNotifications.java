package io.cxhub.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.alerts.DriftAlert;
import io.cxhub.drift.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drift alert notifications ({@code drift.notify} in hub.yaml) to a Slack-compatible webhook and/or a Kafka topic.
 * A new alert is queued for sending at once; updates of live alerts are collected by alert id and sent every
 * {@link NotifySettings#digestInterval()} as one digest listing each alert once, as last seen. Alerts below
 * {@link NotifySettings#minSeverity()} are not sent.
 *
 * <p>Thread-safe. {@link #opened} and {@link #updated} never block and never throw: each sink has its own
 * bounded {@link Outbox} and sender thread, so a slow or broken sink delays neither drift detection nor the other
 * sink. {@link #close} sends the pending digest and drains the queues for at most {@link Tuning#closeTimeout()}.
 */
public final class DriftNotifications implements AlertNotifier {

  private static final Logger log = LoggerFactory.getLogger(DriftNotifications.class);

  /** Slack takes at most 50 blocks per message: a header, one section per alert, a context line. */
  static final int DIGEST_PAGE = 40;

  /**
   * Knobs tests turn; production uses {@link #DEFAULTS}.
   *
   * @param maxPendingUpdates distinct alerts the next digest may hold; beyond, the earliest is dropped (counted)
   */
  record Tuning(Backoff backoff, int queueCapacity, Duration closeTimeout, int maxPendingUpdates) {
    static final Tuning DEFAULTS = new Tuning(Backoff.STANDARD, 1_000, Duration.ofSeconds(10), 10_000);
  }

  private final Severity minSeverity;
  private final Tuning tuning;
  private final List<AlertSink> sinks;
  private final List<Outbox> outboxes;
  private final ScheduledExecutorService digestTimer;
  private final AtomicBoolean closed = new AtomicBoolean();

  private final Object digestLock = new Object();
  private Map<Long, DriftAlert> updates = new LinkedHashMap<>(); // guarded by digestLock; by alert id, latest wins
  private long updatesDropped; // guarded by digestLock

  /**
   * The notifier for {@code settings}: {@link AlertNotifier#none()} when neither a webhook nor Kafka is configured.
   *
   * @throws IllegalArgumentException when a configured sink is unusable (bad URL, empty topic, digest interval)
   */
  public static AlertNotifier of(NotifySettings settings, ObjectMapper json) {
    if (settings == null || (settings.webhookUrl() == null && settings.kafkaBootstrapServers() == null)) {
      return AlertNotifier.none();
    }
    return new DriftNotifications(settings, json);
  }

  /** Starts the configured sinks; see {@link #of} for the case of none. */
  public DriftNotifications(NotifySettings settings, ObjectMapper json) {
    this(settings, json, Tuning.DEFAULTS);
  }

  DriftNotifications(NotifySettings settings, ObjectMapper json, Tuning tuning) {
    Duration interval = settings.digestInterval();
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("drift.notify.digestSeconds must be positive, got " + interval);
    }
    this.minSeverity = settings.minSeverity() == null ? Severity.INFO : settings.minSeverity();
    this.tuning = tuning;
    List<AlertSink> configured = new ArrayList<>();
    if (settings.webhookUrl() != null) {
      configured.add(new WebhookSink(settings.webhookUrl(), json));
    }
    if (settings.kafkaBootstrapServers() != null) {
      configured.add(new KafkaSink(settings.kafkaBootstrapServers(), settings.kafkaTopic(), json));
    }
    this.sinks = List.copyOf(configured);
    this.outboxes = sinks.stream().map(s -> Outbox.start(s, tuning.backoff(), tuning.queueCapacity())).toList();
    this.digestTimer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cxhub-notify-digest");
      t.setDaemon(true);
      return t;
    });
    digestTimer.scheduleAtFixedRate(this::sendDigest, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    log.info("drift alert notifications to {} (min severity {}, digest every {})",
        outboxes.stream().map(Outbox::sinkName).toList(), minSeverity, interval);
  }

  @Override
  public void opened(DriftAlert alert) {
    if (closed.get() || !wanted(alert)) {
      return;
    }
    Notice notice = Notice.opened(alert);
    outboxes.forEach(o -> o.offer(notice));
  }

  @Override
  public void updated(DriftAlert alert) {
    if (closed.get() || !wanted(alert)) {
      return;
    }
    synchronized (digestLock) {
      updates.put(alert.id(), alert); // keeps the alert's place, takes its latest counts
      if (updates.size() > tuning.maxPendingUpdates()) {
        Iterator<Long> eldest = updates.keySet().iterator();
        eldest.next();
        eldest.remove();
        updatesDropped++;
      }
    }
  }

  private boolean wanted(DriftAlert alert) {
    Severity s = alert.severity() == null ? Severity.INFO : alert.severity();
    return s.compareTo(minSeverity) >= 0;
  }

  /** Queues the updates collected since the last digest, in pages. Runs on the digest timer and at close. */
  private void sendDigest() {
    try {
      List<DriftAlert> updated;
      long dropped;
      synchronized (digestLock) {
        if (updates.isEmpty()) {
          return;
        }
        updated = List.copyOf(updates.values());
        updates = new LinkedHashMap<>();
        dropped = updatesDropped;
        updatesDropped = 0;
      }
      if (dropped > 0) {
        log.warn("drift digest: {} updated alert(s) left out, more than {} were pending", dropped,
            tuning.maxPendingUpdates());
      }
      for (Notice page : Notice.digest(updated, DIGEST_PAGE)) {
        outboxes.forEach(o -> o.offer(page));
      }
    } catch (RuntimeException e) { // an exception would silently cancel the timer's later runs
      log.error("drift digest not queued", e);
    }
  }

  /** Sends the pending digest, then what is queued, for at most the close timeout; later calls do nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    long deadline = System.nanoTime() + tuning.closeTimeout().toNanos();
    digestTimer.shutdown();
    try {
      digestTimer.awaitTermination(1, TimeUnit.SECONDS); // a digest being queued right now
      sendDigest();
      outboxes.forEach(o -> o.stop(deadline)); // all drain at once, each on its own thread
      for (Outbox o : outboxes) {
        o.awaitStopped();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      digestTimer.shutdownNow();
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      for (AlertSink sink : sinks) {
        sink.close(Math.max(1_000, left));
      }
    }
  }
}
