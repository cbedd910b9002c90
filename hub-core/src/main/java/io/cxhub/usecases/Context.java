package io.cxhub.usecases;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a use case is evaluated on: one profile's attributes and traits, the triggering event if any,
 * and the evaluation instant. Values are plain Java (String, Boolean, Long, Integer, BigDecimal,
 * Double, Instant, LocalDate, Map, List, or Jackson trees); absent and null values are left out of
 * the CEL maps.
 *
 * @param profile the profile's attributes by name
 * @param traits trait name to value; a trait without a value is absent or null
 * @param event the triggering event, empty for a schedule
 * @param now the evaluation instant
 */
public record Context(Map<String, ?> profile, Map<String, ?> traits, Optional<Event> event, Instant now) {

  public Context {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(traits, "traits");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(now, "now");
  }

  /**
   * The event that triggered the evaluation; in CEL {@code event.entity}, {@code event.occurredAt} and
   * {@code event.data.<field>}.
   */
  public record Event(String entity, Instant occurredAt, Map<String, ?> data) {
    public Event {
      Objects.requireNonNull(entity, "entity");
      Objects.requireNonNull(occurredAt, "occurredAt");
      Objects.requireNonNull(data, "data");
    }
  }
}
