package io.cxhub.traits;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A trait's filter: every condition must hold. No conditions means every event of the entity counts. */
record Where(List<FieldCondition> conditions) {

  Where {
    conditions = List.copyOf(conditions);
  }

  boolean test(JsonNode data, Instant now) {
    for (FieldCondition condition : conditions) {
      if (!condition.test(data, now)) {
        return false;
      }
    }
    return true;
  }

  /** Instants after {@code now} at which a condition on this event's data turns with time alone. */
  Stream<Instant> flipsAfter(JsonNode data, Instant now) {
    return conditions.stream().map(c -> c.flipsAfter(data, now)).flatMap(Optional::stream);
  }

  boolean dependsOnNow() {
    return conditions.stream().anyMatch(c -> c.condition().dependsOnNow());
  }
}
