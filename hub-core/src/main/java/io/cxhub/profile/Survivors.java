package io.cxhub.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.identity.IdentityRules;
import io.cxhub.taxonomy.Survivorship;
import io.cxhub.taxonomy.SurvivorshipRule;
import io.cxhub.taxonomy.Taxonomy;
import io.cxhub.taxonomy.TaxonomyField;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A profile's attributes from its party source records, each field by the survivorship rule the
 * taxonomy gives it. A pure function of the records, so merge, un-merge and changed rules all give
 * the same answer as writing the records one by one. Thread-safe.
 */
public final class Survivors {

  private static final Survivorship DEFAULT = new Survivorship(SurvivorshipRule.MOST_RECENT, List.of());
  private static final String PARTY = "party";

  private final Taxonomy taxonomy;
  private final IdentityRules rules;

  public Survivors(Taxonomy taxonomy, IdentityRules rules) {
    this.taxonomy = taxonomy;
    this.rules = rules;
  }

  /** Most recent wins everywhere: for writers built without a taxonomy. */
  public static Survivors mostRecent() {
    return new Survivors(null, IdentityRules.permissive());
  }

  public Map<String, Attribute> attributes(List<SourceRecord> records) {
    Map<String, List<Attribute>> candidates = new TreeMap<>();
    for (SourceRecord r : records) {
      r.fields().forEach((name, value) -> {
        if (value != null && !value.isNull()) {
          candidates.computeIfAbsent(name, k -> new ArrayList<>())
              .add(new Attribute(value, r.system(), r.stream(), r.sourceId(), r.observedAt(name)));
        }
      });
    }
    Map<String, Attribute> attributes = new TreeMap<>();
    candidates.forEach((name, values) -> attributes.put(name, survivor(rule(name), values)));
    return attributes;
  }

  private Survivorship rule(String field) {
    if (taxonomy == null) {
      return DEFAULT;
    }
    return taxonomy.field(PARTY, field).map(TaxonomyField::survivorship).orElse(DEFAULT);
  }

  private Attribute survivor(Survivorship rule, List<Attribute> values) {
    Comparator<Attribute> mostRecent = Survivors::mostRecentFirst;
    return switch (rule.rule()) {
      case MOST_RECENT -> values.stream().min(mostRecent).orElseThrow();
      case FIRST_SEEN -> values.stream().min(Comparator.comparing(Attribute::observedAt)
          .thenComparing(Attribute::system).thenComparing(a -> String.valueOf(a.sourceId()))).orElseThrow();
      case MAX -> values.stream().min(Comparator.<Attribute, JsonNode>comparing(Attribute::value, Survivors::greatestFirst)
          .thenComparing(mostRecent)).orElseThrow();
      case SOURCE_PRIORITY -> values.stream().min(Comparator.<Attribute>comparingInt(
          a -> rank(rule.sourcePriority(), a.system())).thenComparing(mostRecent)).orElseThrow();
      case SUM -> sum(values, mostRecent);
    };
  }

  /** Newest first; at one instant the system whose name sorts first, so every node picks the same. */
  private static int mostRecentFirst(Attribute a, Attribute b) {
    int byTime = b.observedAt().compareTo(a.observedAt());
    if (byTime != 0) {
      return byTime;
    }
    int bySystem = a.system().compareTo(b.system());
    return bySystem != 0 ? bySystem : String.valueOf(b.sourceId()).compareTo(String.valueOf(a.sourceId()));
  }

  /** Position of the system's category (or the system itself) in the priority list; unlisted ones last. */
  private int rank(List<String> priority, String system) {
    int byCategory = priority.indexOf(rules.category(system));
    int bySystem = priority.indexOf(system);
    int best = Math.min(byCategory < 0 ? Integer.MAX_VALUE : byCategory, bySystem < 0 ? Integer.MAX_VALUE : bySystem);
    return best == Integer.MAX_VALUE ? priority.size() : best;
  }

  /** The sum of the numeric values, with the provenance of the most recent contribution. */
  private static Attribute sum(List<Attribute> values, Comparator<Attribute> mostRecent) {
    BigDecimal total = BigDecimal.ZERO;
    for (Attribute a : values) {
      if (a.value().isNumber()) {
        total = total.add(a.value().decimalValue());
      }
    }
    Attribute latest = values.stream().min(mostRecent).orElseThrow();
    return new Attribute(ProfileJson.value(total), latest.system(), latest.stream(), latest.sourceId(),
        latest.observedAt());
  }

  /** Greatest first: numbers by value, ISO instants and dates by time, anything else as text. */
  private static int greatestFirst(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return b.decimalValue().compareTo(a.decimalValue());
    }
    Optional<Instant> ia = instant(a.asText());
    Optional<Instant> ib = instant(b.asText());
    if (ia.isPresent() && ib.isPresent()) {
      return ib.get().compareTo(ia.get());
    }
    return b.asText().compareTo(a.asText());
  }

  /** An ISO instant, or a date as its start in UTC. */
  private static Optional<Instant> instant(String text) {
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException notAnInstant) {
      try {
        return Optional.of(LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }
}
