package io.cxhub.traitstore;

import io.cxhub.taxonomy.FieldType;
import io.cxhub.taxonomy.TaxonomyField;
import io.cxhub.traits.TraitDefinition;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which timeline events a set of traits can see at an instant, as an SQL condition on
 * {@code profile_event e}: the traits' entities, and for windowed traits only events whose time is
 * inside the widest window. It may select more than a trait counts (the trait filters again), never
 * less. A time kept in the event data is compared only when it has the ISO form the hub writes.
 */
final class EventSelection {

  private static final String TIMESTAMP_FORM =
      "'^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)$'";
  private static final String DATE_FORM = "'^[0-9]{4}-[0-9]{2}-[0-9]{2}$'";
  /** Stands for "when the hub observed the event" among the time fields of an entity. */
  private static final String OBSERVED = "";

  /** Per entity: null when every event counts, else the earliest time that counts per time field. */
  private final Map<String, Map<String, Bound>> entities;

  private record Bound(Optional<TaxonomyField> field, Instant earliest) {}

  private EventSelection(Map<String, Map<String, Bound>> entities) {
    this.entities = entities;
  }

  static EventSelection of(Collection<TraitDefinition> traits, Instant now) {
    Map<String, Map<String, Bound>> entities = new TreeMap<>();
    for (TraitDefinition trait : traits) {
      if (entities.containsKey(trait.entity()) && entities.get(trait.entity()) == null) {
        continue;
      }
      if (trait.window().isEmpty()) {
        entities.put(trait.entity(), null);
        continue;
      }
      Instant earliest = now.minus(trait.window().get());
      String key = trait.timeField().map(TaxonomyField::name).orElse(OBSERVED);
      entities.computeIfAbsent(trait.entity(), e -> new TreeMap<>())
          .merge(key, new Bound(trait.timeField(), earliest), (a, b) -> a.earliest().isBefore(b.earliest()) ? a : b);
    }
    return new EventSelection(entities);
  }

  boolean isEmpty() {
    return entities.isEmpty();
  }

  /** The condition, with {@code ?} for the values {@link #bind} sets. */
  String sql() {
    List<String> terms = new ArrayList<>();
    entities.forEach((entity, bounds) -> {
      if (bounds == null) {
        terms.add("e.entity = ?");
        return;
      }
      List<String> times = new ArrayList<>();
      for (Bound b : bounds.values()) {
        if (b.field().isEmpty()) {
          times.add("e.occurred_at >= ?");
        } else if (b.field().get().type() == FieldType.DATE) {
          times.add("(case when e.data->>? ~ " + DATE_FORM + " then (e.data->>?)::date end) >= ?");
        } else {
          times.add("(case when e.data->>? ~ " + TIMESTAMP_FORM + " then (e.data->>?)::timestamptz end) >= ?");
        }
      }
      terms.add("(e.entity = ? and (" + String.join(" or ", times) + "))");
    });
    return "(" + String.join(" or ", terms) + ")";
  }

  /** Sets the values of {@link #sql()} from parameter {@code first} on; returns the next free index. */
  int bind(PreparedStatement ps, int first) throws SQLException {
    int i = first;
    for (Map.Entry<String, Map<String, Bound>> entry : entities.entrySet()) {
      ps.setString(i++, entry.getKey());
      if (entry.getValue() == null) {
        continue;
      }
      for (Bound b : entry.getValue().values()) {
        if (b.field().isEmpty()) {
          ps.setObject(i++, OffsetDateTime.ofInstant(b.earliest(), ZoneOffset.UTC));
        } else {
          ps.setString(i++, b.field().get().name());
          ps.setString(i++, b.field().get().name());
          if (b.field().get().type() == FieldType.DATE) {
            // a date counts from its UTC day's start, so the day of the earliest instant may still count
            ps.setObject(i++, LocalDate.ofInstant(b.earliest(), ZoneOffset.UTC));
          } else {
            ps.setObject(i++, OffsetDateTime.ofInstant(b.earliest(), ZoneOffset.UTC));
          }
        }
      }
    }
    return i;
  }
}
