package io.cxhub.traits;

import io.cxhub.profile.TimelineEvent;
import io.cxhub.taxonomy.TaxonomyField;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A compiled trait (one {@code traits/*.yaml} file): which events of a profile's timeline count and
 * how they are reduced to one value. Immutable and thread-safe.
 *
 * <p>Evaluation expects the timeline as the profile store keeps it: one event per source record
 * (its latest version). An event belongs to the window while its time is after {@code now - window};
 * events dated in the future count too, the window only cuts off the past.
 */
public final class TraitDefinition {

  private final String name;
  private final String description;
  private final Path file;
  private final String entity;
  private final Aggregate aggregate;
  private final Optional<TaxonomyField> field;
  private final Where where;
  private final Optional<Duration> window;
  private final Optional<TaxonomyField> timeField;
  private final Optional<ChronoUnit> since;
  private final String fingerprint;

  TraitDefinition(String name, String description, Path file, String entity, Aggregate aggregate,
      Optional<TaxonomyField> field, Where where, Optional<Duration> window, Optional<TaxonomyField> timeField,
      Optional<ChronoUnit> since, String fingerprint) {
    this.name = name;
    this.description = description;
    this.file = file;
    this.entity = entity;
    this.aggregate = aggregate;
    this.field = field;
    this.where = where;
    this.window = window;
    this.timeField = timeField;
    this.since = since;
    this.fingerprint = fingerprint;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public Path file() {
    return file;
  }

  public String entity() {
    return entity;
  }

  public Aggregate aggregate() {
    return aggregate;
  }

  public Optional<TaxonomyField> field() {
    return field;
  }

  public Optional<Duration> window() {
    return window;
  }

  public Optional<ChronoUnit> since() {
    return since;
  }

  /** The field that dates an event; empty when the trait dates events by when the hub observed them. */
  public Optional<TaxonomyField> timeField() {
    return timeField;
  }

  /**
   * Identifies what the trait computes: equal for two loads of the same definition, different when
   * anything but the description changed. Stored values computed under another fingerprint are stale.
   */
  public String fingerprint() {
    return fingerprint;
  }

  /** True when the value can change without a new event (a window, a condition on now, or {@code since}). */
  public boolean isTimeDependent() {
    return window.isPresent() || since.isPresent() || where.dependsOnNow();
  }

  /** True when {@link #newState()} is available: conditions on {@code now} need the full timeline. */
  public boolean supportsIncremental() {
    return !where.dependsOnNow();
  }

  /** The value at {@code now} over a profile's whole timeline; events of other entities are ignored. */
  public TraitValue evaluate(List<TimelineEvent> events, Instant now) {
    return Results.finish(this, reduce(points(events, now)), now);
  }

  /**
   * The earliest instant after {@code now} at which the value differs from the value at {@code now}
   * although no event arrives: an event leaves the window, a condition on {@code now} turns, or a
   * {@code since} count ticks. Empty when the value stays as it is until the next event.
   *
   * <p>Each instant where something could change is checked by re-evaluation, in order, so the
   * answer is exact (an event leaving the window without changing a maximum is skipped).
   */
  public Optional<Instant> nextChange(List<TimelineEvent> events, Instant now) {
    Object raw = reduce(points(events, now));
    TraitValue current = Results.finish(this, raw, now);
    TreeSet<Instant> candidates = new TreeSet<>();
    for (TimelineEvent event : events) {
      if (!entity.equals(event.entity())) {
        continue;
      }
      Instant time = timeOf(event);
      if (time != null && window.isPresent()) {
        Instant leaves = time.plus(window.get());
        if (leaves.isAfter(now)) {
          candidates.add(leaves);
        }
      }
      where.flipsAfter(event.data(), now).forEach(candidates::add);
    }
    if (since.isPresent() && raw != null) {
      candidates.add(Results.nextTick(raw, since.get(), now));
    }
    for (Instant candidate : candidates) {
      if (!evaluate(events, candidate).equals(current)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * An empty incremental state for one profile.
   *
   * @throws IllegalStateException when {@link #supportsIncremental()} is false
   */
  public TraitState newState() {
    if (!supportsIncremental()) {
      throw new IllegalStateException("trait " + name + " filters on now, so it has no incremental form: evaluate it over the timeline");
    }
    return new TraitState(this);
  }

  /** When the event happened for this trait: its time field, else when the hub observed it; null when the time field is empty. */
  Instant timeOf(TimelineEvent event) {
    if (timeField.isEmpty()) {
      return event.occurredAt();
    }
    Object value = FieldValues.read(timeField.get().type(), event.data() == null ? null : event.data().get(timeField.get().name()));
    return value == null ? null : FieldValues.instantOf(value);
  }

  /** The event as a point if it is of the entity, placed in time, passes the filter at {@code now} and has the field; else null. */
  Point point(TimelineEvent event, Instant now) {
    if (!entity.equals(event.entity())) {
      return null;
    }
    Instant time = timeOf(event);
    if (time == null || !where.test(event.data(), now)) {
      return null;
    }
    Object value = Boolean.TRUE;
    if (field.isPresent()) {
      value = FieldValues.read(field.get().type(), event.data() == null ? null : event.data().get(field.get().name()));
      if (value == null) {
        return null;
      }
    }
    return new Point(time, event.id(), value);
  }

  boolean inWindow(Instant time, Instant now) {
    return window.isEmpty() || time.isAfter(now.minus(window.get()));
  }

  private List<Point> points(List<TimelineEvent> events, Instant now) {
    List<Point> points = new ArrayList<>();
    for (TimelineEvent event : events) {
      Point point = point(event, now);
      if (point != null && inWindow(point.time(), now)) {
        points.add(point);
      }
    }
    return points;
  }

  /** The aggregate before type conversion; null for none. */
  private Object reduce(List<Point> points) {
    return switch (aggregate) {
      case COUNT -> (long) points.size();
      case EXISTS -> !points.isEmpty();
      case SUM -> points.stream().map(p -> (BigDecimal) p.value()).reduce(BigDecimal.ZERO, BigDecimal::add);
      case AVG -> points.isEmpty() ? null
          : Results.avg(points.stream().map(p -> (BigDecimal) p.value()).reduce(BigDecimal.ZERO, BigDecimal::add), points.size());
      case MIN -> points.stream().map(Point::value).min(FieldValues::compare).orElse(null);
      case MAX -> points.stream().map(Point::value).max(FieldValues::compare).orElse(null);
      case FIRST -> points.stream().min(Point.ORDER).map(Point::value).orElse(null);
      case LAST -> points.stream().max(Point.ORDER).map(Point::value).orElse(null);
      case DISTINCT_COUNT -> {
        TreeSet<Object> distinct = new TreeSet<>(FieldValues::compare);
        points.forEach(p -> distinct.add(p.value()));
        yield (long) distinct.size();
      }
    };
  }

  @Override
  public String toString() {
    return "trait " + name + " (" + file + ")";
  }
}
