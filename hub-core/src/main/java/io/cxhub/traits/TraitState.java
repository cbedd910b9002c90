package io.cxhub.traits;

import io.cxhub.profile.TimelineEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One profile's trait maintained event by event: {@link #add} and {@link #expire} cost O(log n),
 * {@link #value} is O(log n) after expiry. Gives the same values as
 * {@link TraitDefinition#evaluate} over the same timeline.
 *
 * <p>A newer version of an event already added (same system, entity and source id, as the profile
 * store upserts them) replaces the older one. Time only moves forward: events that left the window
 * are dropped, so asking for an earlier {@code now} than before is refused. Not thread-safe; one
 * state per profile, guarded by its owner.
 */
public final class TraitState {

  private record Key(String system, String entity, String sourceId) {}

  private final TraitDefinition trait;
  private final Map<Key, Point> byKey = new HashMap<>();
  private final TreeMap<Point, Key> byTime = new TreeMap<>(Point.ORDER);
  /** Multiset of aggregated values, for min, max and distinct_count. */
  private final TreeMap<Object, Integer> values = new TreeMap<>(FieldValues::compare);
  private BigDecimal sum = BigDecimal.ZERO;
  private Instant horizon = Instant.MIN;

  TraitState(TraitDefinition trait) {
    this.trait = trait;
  }

  /** Takes in a new event, or a newer version of one; events of other entities are ignored. */
  public void add(TimelineEvent event) {
    if (!trait.entity().equals(event.entity())) {
      return;
    }
    Key key = new Key(event.system(), event.entity(), event.sourceId());
    remove(key);
    // the filter has no condition on now (see supportsIncremental), so any instant will do
    Point point = trait.point(event, horizon);
    if (point == null || (!horizon.equals(Instant.MIN) && !trait.inWindow(point.time(), horizon))) {
      return;
    }
    byKey.put(key, point);
    byTime.put(point, key);
    sum = trait.aggregate().needsField() && point.value() instanceof BigDecimal d ? sum.add(d) : sum;
    values.merge(point.value(), 1, Integer::sum);
  }

  /** Drops events that are no longer after {@code now - window}. */
  public void expire(Instant now) {
    if (now.isBefore(horizon)) {
      throw new IllegalArgumentException("now " + now + " is before " + horizon
          + ", an instant this state was already expired to: expected time to move forward");
    }
    horizon = now;
    while (!byTime.isEmpty() && !trait.inWindow(byTime.firstKey().time(), now)) {
      remove(byTime.firstEntry().getValue());
    }
  }

  /** The value at {@code now}, after expiring what left the window. */
  public TraitValue value(Instant now) {
    expire(now);
    return Results.finish(trait, raw(), now);
  }

  /** When the oldest event leaves the window: the value may change then (it does for count and sum). */
  public Optional<Instant> nextExpiry() {
    if (trait.window().isEmpty() || byTime.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(byTime.firstKey().time().plus(trait.window().get()));
  }

  /** Number of events held, which is what the state costs in memory. */
  public int size() {
    return byKey.size();
  }

  private void remove(Key key) {
    Point point = byKey.remove(key);
    if (point == null) {
      return;
    }
    byTime.remove(point);
    if (trait.aggregate().needsField() && point.value() instanceof BigDecimal d) {
      sum = sum.subtract(d);
    }
    values.computeIfPresent(point.value(), (v, n) -> n == 1 ? null : n - 1);
  }

  private Object raw() {
    int count = byKey.size();
    return switch (trait.aggregate()) {
      case COUNT -> (long) count;
      case EXISTS -> count > 0;
      case SUM -> sum;
      case AVG -> count == 0 ? null : Results.avg(sum, count);
      case MIN -> values.isEmpty() ? null : values.firstKey();
      case MAX -> values.isEmpty() ? null : values.lastKey();
      case FIRST -> byTime.isEmpty() ? null : byTime.firstKey().value();
      case LAST -> byTime.isEmpty() ? null : byTime.lastKey().value();
      case DISTINCT_COUNT -> (long) values.size();
    };
  }
}
