package io.cxhub.runtime;

import io.cxhub.alerts.AlertStatus;
import io.cxhub.alerts.BaselineStore;
import io.cxhub.alerts.DriftAlert;
import io.cxhub.alerts.DriftAlertStore;
import io.cxhub.drift.Baseline;
import io.cxhub.drift.Cadence;
import io.cxhub.drift.Drift;
import io.cxhub.drift.DriftDetector;
import io.cxhub.drift.DriftKind;
import io.cxhub.drift.DriftSettings;
import io.cxhub.drift.Lineage;
import io.cxhub.drift.RecordFit;
import io.cxhub.drift.SchemaObserver;
import io.cxhub.drift.Severity;
import io.cxhub.drift.StreamProfile;
import io.cxhub.mapping.Mapping;
import io.cxhub.mapping.MappingEdit;
import io.cxhub.mapping.MappingEditException;
import io.cxhub.mapping.MappingEditor;
import io.cxhub.mapping.MappingRegistry;
import io.cxhub.notify.AlertNotifier;
import io.cxhub.spi.connector.StreamSpec;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.taxonomy.Taxonomy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema drift on the running data path. The map stage hands every record to {@link #check}: it is
 * observed into its stream's current window and, under the {@code quarantine} and {@code pause}
 * policies, held when it does not fit the baseline on the paths the mapping reads (or, paused, at
 * all). A periodic {@link #tick} learns baselines, compares full windows with them, watches cadence
 * and records drifts as alerts (one live alert per drift, notified once, then as updates). People
 * act on alerts through {@link #act}: accepting makes the drift part of the next baseline version.
 *
 * <p>State per stream lives in memory; everything that must survive a restart (baselines, the
 * latest window that drifted, alerts and so the pause) is in the store and read back when the
 * stream is first seen.
 */
public final class DriftWatch {

  private static final Logger log = LoggerFactory.getLogger(DriftWatch.class);

  /** Actions on an alert. */
  public enum Action {
    ACK(AlertStatus.ACKNOWLEDGED), ACCEPT(AlertStatus.ACCEPTED), RESOLVE(AlertStatus.RESOLVED);

    final AlertStatus to;

    Action(AlertStatus to) {
      this.to = to;
    }

    /** @throws IllegalArgumentException naming the accepted actions */
    public static Action parse(String text) {
      for (Action a : values()) {
        if (a.name().equalsIgnoreCase(text)) {
          return a;
        }
      }
      throw new IllegalArgumentException("action '" + text + "': expected ack, accept or resolve");
    }
  }

  /** What {@link #status()} shows per stream. */
  public record StreamStatus(String system, String stream, String policy, Integer baselineVersion,
      String baselineOrigin, long learnedFrom, long windowRecords, Instant windowSince, Long pausedByAlert,
      List<String> checkedPaths) {}

  private final BaselineStore baselines;
  private final DriftAlertStore alerts;
  private final MappingRegistry mappings;
  private final Taxonomy taxonomy;
  private final Map<String, StreamSpec> declared;
  private final StreamPolicies policies;
  private final DriftOptions options;
  private final DriftSettings settings;
  private final DriftDetector detector;
  private final Cadence.Settings cadenceSettings;
  private final Clock clock;
  private final AlertNotifier notifier;
  private final MappingEditor editor;
  /** Mapping files are named relative to it in alerts and proposals. */
  private final java.nio.file.Path configDir;
  private final ConcurrentMap<String, Watched> streams = new ConcurrentHashMap<>();
  private volatile BiConsumer<String, String> onResume = (system, stream) -> { };

  /**
   * @param declared the connectors' stream specs by {@code system/stream} (a connector's id is its system)
   */
  public DriftWatch(BaselineStore baselines, DriftAlertStore alerts, MappingRegistry mappings, Taxonomy taxonomy,
      Map<String, StreamSpec> declared, StreamPolicies policies, DriftOptions options, Clock clock,
      AlertNotifier notifier) {
    this.editor = new MappingEditor(mappings.loader());
    this.configDir = mappings.root().toAbsolutePath().normalize().getParent();
    this.baselines = baselines;
    this.alerts = alerts;
    this.mappings = mappings;
    this.taxonomy = taxonomy;
    this.declared = Map.copyOf(declared);
    this.policies = policies;
    this.options = options;
    this.settings = DriftSettings.defaults().withLearnRecords(options.learnRecords());
    this.detector = new DriftDetector(settings);
    this.cadenceSettings = options.cadence();
    this.clock = clock;
    this.notifier = notifier;
  }

  /** Called with {@code system, stream} when a paused stream resumes, to replay what it held. */
  void onResume(BiConsumer<String, String> action) {
    this.onResume = action;
  }

  /**
   * Observes {@code records} and says which must be held, and why. Never throws for odd payloads.
   *
   * @return reasons per held record (identity map; empty when all go on)
   */
  public Map<RawRecord, String> check(List<RawRecord> records) {
    Map<RawRecord, String> held = new IdentityHashMap<>();
    Watched w = null;
    long run = 0;
    for (RawRecord r : records) {
      if (w == null || !w.system.equals(r.system()) || !w.stream.equals(r.stream())) {
        if (w != null) {
          w.cadence.arrived(run);
        }
        w = watched(r.system(), r.stream());
        run = 0;
      }
      run++;
      String reason = w.check(r);
      if (reason != null) {
        held.put(r, reason);
      }
    }
    if (w != null) {
      w.cadence.arrived(run);
    }
    return held;
  }

  /**
   * Says which of {@code records}, replayed from quarantine, must be held again, without observing
   * them: they were observed when they first came, and counting them again would show a drift they
   * no longer are (and a burst of arrivals).
   *
   * @return reasons per held record (identity map; empty when all go on)
   */
  public Map<RawRecord, String> fit(List<RawRecord> records) {
    Map<RawRecord, String> held = new IdentityHashMap<>();
    for (RawRecord r : records) {
      String reason = watched(r.system(), r.stream()).hold(r);
      if (reason != null) {
        held.put(r, reason);
      }
    }
    return held;
  }

  /** Learns baselines, checks full windows, silence and volume; records what drifted. */
  public void tick() {
    for (Watched w : streams.values()) {
      try {
        tick(w, clock.instant());
      } catch (RuntimeException e) {
        log.warn("drift check of {} failed: {}", w.key(), e.getMessage(), e);
      }
    }
  }

  /**
   * Acts on an alert as {@code actor}. With {@code applyProposal} (accept or resolve) the proposed
   * mapping change is first written into the mapping files, which reload at once. Accepting a
   * schema drift stores the next baseline version with the drift's fields as the latest window that
   * drifted shows them; a paused stream resumes (and replays what it held) when no breaking alert
   * of it is live any more.
   *
   * @throws NoSuchElementException when there is no such alert
   * @throws IllegalStateException when it is no longer live, there is no window to accept, or the
   *     proposal cannot be applied (the mapping file changed since, or would not load)
   * @throws IllegalArgumentException when the comment is missing, or a proposal is to be applied on ack
   */
  public DriftAlert act(long id, Action action, String actor, String comment, boolean applyProposal) {
    if (comment == null || comment.isBlank()) {
      throw new IllegalArgumentException("comment: expected a few words on why (it goes into the audit trail)");
    }
    if (applyProposal && action == Action.ACK) {
      throw new IllegalArgumentException("applyProposal: a proposal is applied with accept or resolve, not ack");
    }
    DriftAlert alert = alerts.byId(id).orElseThrow(() -> new NoSuchElementException("no drift alert " + id));
    if (!alert.status().live()) {
      throw new IllegalStateException("drift alert " + id + " is " + alert.status() + " already: only OPEN or "
          + "ACKNOWLEDGED alerts can be acted on");
    }
    Watched w = watched(alert.system(), alert.stream());
    if (applyProposal) {
      String applied = applyProposal(id);
      alerts.audit(id, "PROPOSAL_APPLIED", actor, comment.strip(), applied, clock.instant());
      log.info("drift alert #{}: proposal applied by {}: {}", id, actor, applied);
    }
    String detail = null;
    if (action == Action.ACCEPT && !wholeStream(alert.kind())) {
      detail = accept(w, alert, actor);
    }
    DriftAlert done = alerts.transition(id, action.to, actor, comment.strip(), detail, clock.instant());
    log.info("drift alert #{} {} by {}{}", id, action.to, actor, detail == null ? "" : ": " + detail);
    w.refreshHolds();
    return done;
  }

  /** The streams seen since start, with baseline and policy. */
  public List<StreamStatus> status() {
    List<StreamStatus> out = new ArrayList<>();
    for (Watched w : streams.values()) {
      Baseline b = w.baseline;
      SchemaObserver o = w.observer;
      RecordFit fit = w.fit;
      out.add(new StreamStatus(w.system, w.stream, w.policy.yaml(), b == null ? null : b.version(),
          b == null ? null : b.origin().name(), b == null ? 0 : b.records(), o.windowRecords(), o.windowStart(),
          w.pausedBy, fit == null ? List.of() : fit.checkedPaths()));
    }
    out.sort(java.util.Comparator.comparing(StreamStatus::system).thenComparing(StreamStatus::stream));
    return out;
  }

  /** The baselines stored for a stream, oldest first. */
  public List<BaselineStore.Version> baselineVersions(String system, String stream) {
    return baselines.versions(system, stream);
  }

  /** Writes the alert's proposal into its mapping files and reloads the mappings; says what changed. */
  private String applyProposal(long id) {
    List<MappingEdit> edits = alerts.latestDrift(id).map(Drift::edits).orElse(List.of());
    if (edits.isEmpty()) {
      throw new IllegalStateException("drift alert " + id + " has no proposal that can be applied: edit the mapping "
          + "by hand, then resolve without applyProposal");
    }
    Map<String, List<MappingEdit>> byFile = new LinkedHashMap<>();
    for (MappingEdit edit : edits) {
      String file = configDir.resolve(edit.file()).toString();
      byFile.computeIfAbsent(file, f -> new ArrayList<>())
          .add(new MappingEdit(file, edit.entity(), edit.key(), edit.source(), edit.was()));
    }
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, List<MappingEdit>> file : byFile.entrySet()) {
      try {
        changed.add(editor.apply(java.nio.file.Path.of(file.getKey()), file.getValue()).toString());
      } catch (MappingEditException e) {
        throw new IllegalStateException("the proposal of drift alert " + id + " cannot be applied: " + e.getMessage(), e);
      }
    }
    List<io.cxhub.config.Problem> problems = mappings.reload();
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the proposal of drift alert " + id + " was written (" + changed + ") but the "
          + "mappings do not reload: " + problems + "; fix those files, they reload on their own");
    }
    return String.join("; ", changed);
  }

  private String accept(Watched w, DriftAlert alert, String actor) {
    Baseline current = w.baseline;
    if (current == null) {
      throw new IllegalStateException(w.key() + " has no baseline yet: nothing to accept into");
    }
    StreamProfile window = baselines.latestWindow(alert.system(), alert.stream())
        .filter(p -> p.salt() == current.salt())
        .orElseThrow(() -> new IllegalStateException("no window of " + w.key() + " observed against baseline v"
            + current.version() + " yet: wait for the next check, then accept"));
    Set<String> paths = new LinkedHashSet<>(alert.fields().old());
    paths.addAll(alert.fields().now());
    Baseline next = current.acceptChange(window, paths, settings, clock.instant());
    baselines.save(next, actor);
    w.install(next);
    return "baseline v" + next.version() + " of " + w.key() + " takes " + paths + " as the window of "
        + window.from().truncatedTo(ChronoUnit.SECONDS) + " to " + window.to().truncatedTo(ChronoUnit.SECONDS) + " ("
        + window.seen() + " records) showed them";
  }

  private void tick(Watched w, Instant now) {
    Baseline b = w.baseline;
    long seen = w.observer.windowRecords();
    boolean learning = b == null || (b.origin() == Baseline.Origin.DECLARED && b.records() == 0);
    if (learning) {
      if (seen >= options.learnRecords()) {
        StreamProfile window = w.observer.rotate();
        Baseline learned = b == null ? Baseline.learned(window, settings, now) : b.refine(window, settings);
        baselines.save(learned, DriftAlertStore.DETECTOR);
        w.install(learned);
        log.info("drift baseline v{} of {} {} from {} records", learned.version(), w.key(),
            b == null ? "learned" : "refined", window.seen());
      }
    } else {
      Instant since = w.observer.windowStart();
      boolean due = seen >= options.windowRecords()
          || (seen >= settings.minRecords() && Duration.between(since, now).compareTo(options.windowTime()) >= 0);
      if (due) {
        StreamProfile window = w.observer.rotate();
        List<Drift> drifts = detector.detect(b, window, lineage(w));
        if (!drifts.isEmpty()) {
          // what an accept makes the next baseline: the latest window that showed drift, not a later one
          // without it (say, records of the old shape that came while a paused stream waited)
          baselines.saveWindow(window);
        }
        record(w, drifts, b.version());
      }
    }
    List<Drift> cadence = new ArrayList<>();
    for (Drift d : w.cadence.check()) {
      Instant first = d.evidence().firstSeen();
      if (!first.equals(w.reportedCadence.get(d.kind()))) { // once per silence, once per dropped interval
        w.reportedCadence.put(d.kind(), first);
        cadence.add(lineage(w).assess(d));
      }
    }
    record(w, cadence, b == null ? 0 : b.version());
    resolveSilenceWhenRecordsCame(w, now);
    if (w.mappingGeneration != mappings.generation()) {
      w.install(w.baseline);
    }
  }

  /** A stream that went silent and has records again: its silence alert is resolved, by the detector. */
  private void resolveSilenceWhenRecordsCame(Watched w, Instant now) {
    Instant silentSince = w.reportedCadence.get(DriftKind.STREAM_SILENT);
    Instant arrival = w.cadence.lastArrival();
    if (silentSince == null || arrival == null || !arrival.isAfter(silentSince)) {
      return;
    }
    w.reportedCadence.remove(DriftKind.STREAM_SILENT);
    for (DriftAlert alert : alerts.live(w.system, w.stream)) {
      if (alert.kind() == DriftKind.STREAM_SILENT) {
        alerts.transition(alert.id(), AlertStatus.RESOLVED, DriftAlertStore.DETECTOR, "records arrive again",
            "first record after the silence at " + arrival.truncatedTo(ChronoUnit.SECONDS), now);
        log.info("drift alert #{} on {} resolved: records arrive again", alert.id(), w.key());
      }
    }
  }

  private void record(Watched w, List<Drift> drifts, int baselineVersion) {
    if (drifts.isEmpty()) {
      return;
    }
    for (Drift drift : drifts) {
      DriftAlertStore.Recorded r = alerts.record(drift, baselineVersion, clock.instant());
      if (r.created()) {
        log.warn("drift alert #{} on {}: {} {} {} -> {}", r.alert().id(), w.key(), drift.severity(), drift.kind(),
            drift.oldFields(), drift.newFields());
        notifier.opened(r.alert());
      } else {
        notifier.updated(r.alert());
      }
    }
    w.refreshHolds();
  }

  private Lineage lineage(Watched w) {
    return new Lineage(mappings.find(w.system, w.stream).map(List::of).orElse(List.of()), taxonomy, configDir);
  }

  private static boolean wholeStream(DriftKind kind) {
    return kind == DriftKind.STREAM_SILENT || kind == DriftKind.VOLUME_DROP;
  }

  private Watched watched(String system, String stream) {
    Watched w = streams.get(system + "/" + stream);
    return w != null ? w : streams.computeIfAbsent(system + "/" + stream, key -> new Watched(system, stream));
  }

  /** One stream's drift state. */
  private final class Watched {

    final String system;
    final String stream;
    final DriftPolicy policy;
    final Cadence cadence;
    final Map<DriftKind, Instant> reportedCadence = new EnumMap<>(DriftKind.class);
    volatile Baseline baseline;
    volatile SchemaObserver observer;
    volatile RecordFit fit;
    volatile long mappingGeneration;
    volatile Long pausedBy;

    Watched(String system, String stream) {
      this.system = system;
      this.stream = stream;
      this.policy = policies.of(system, stream, options.policy());
      this.cadence = new Cadence(system, stream, cadenceSettings, clock);
      Optional<Baseline> stored = baselines.latest(system, stream);
      StreamSpec spec = declared.get(key());
      Baseline start = stored.orElse(null);
      if (start == null && spec != null && !spec.fields().isEmpty()) {
        try {
          start = Baseline.declared(system, spec, clock.instant());
          baselines.save(start, DriftAlertStore.DETECTOR);
        } catch (IllegalArgumentException e) {
          log.warn("the connector's declared schema of {} is not usable ({}); learning it from records instead",
              key(), e.getMessage());
          start = null;
        }
      }
      install(start);
      refreshHolds();
      // a silence alert still live from before a restart is resolved once records come
      alerts.live(system, stream).stream().filter(a -> a.kind() == DriftKind.STREAM_SILENT)
          .forEach(a -> reportedCadence.put(DriftKind.STREAM_SILENT, a.firstSeen() == null ? Instant.EPOCH : a.firstSeen()));
    }

    String key() {
      return system + "/" + stream;
    }

    /** A new baseline (or the same, after the mappings changed): new window, new fit. */
    void install(Baseline b) {
      mappingGeneration = mappings.generation();
      if (b != baseline || observer == null) {
        observer = b == null ? SchemaObserver.learning(system, stream, settings, clock)
            : SchemaObserver.against(b, settings, clock);
      }
      baseline = b;
      boolean usable = b != null && !(b.origin() == Baseline.Origin.DECLARED && b.records() == 0);
      fit = policy == DriftPolicy.WARN || !usable ? null
          : RecordFit.of(b, mappings.find(system, stream).map(Mapping::sourcePaths).orElse(Set.of()), settings);
    }

    /**
     * Pauses on a live breaking schema alert (pause policy); resumes when none is left. Silence and
     * volume drops do not pause: there is nothing wrong with the records that do come.
     */
    void refreshHolds() {
      if (policy != DriftPolicy.PAUSE) {
        return;
      }
      Long before = pausedBy;
      Long now = alerts.live(system, stream).stream()
          .filter(a -> a.severity() == Severity.BREAKING && !wholeStream(a.kind()))
          .map(DriftAlert::id).findFirst().orElse(null);
      pausedBy = now;
      if (before == null && now != null) {
        log.warn("stream {} paused by breaking drift alert #{}: its records are held until the alert is accepted or "
            + "resolved", key(), now);
      } else if (before != null && now == null) {
        log.info("stream {} resumed: replaying the records it held", key());
        onResume.accept(system, stream);
      }
    }

    String check(RawRecord r) {
      SchemaObserver o = observer;
      if (r.sourceId() != null) {
        o.observe(r.sourceId(), r.payload());
      } else {
        o.observe(r.payload());
      }
      return hold(r);
    }

    /** Why the policy holds {@code r}, or null. */
    String hold(RawRecord r) {
      Long paused = pausedBy;
      if (paused != null) {
        return "stream " + key() + " is paused by breaking drift alert #" + paused + " (policy pause): accept or "
            + "resolve the alert to resume; held records are replayed then";
      }
      RecordFit f = fit;
      if (f == null) {
        return null;
      }
      String misfit = f.misfit(r.payload());
      return misfit == null ? null : "does not fit the drift baseline of " + key() + " (policy " + policy.yaml()
          + "): " + misfit;
    }
  }
}
