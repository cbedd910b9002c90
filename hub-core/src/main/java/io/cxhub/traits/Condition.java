package io.cxhub.traits;

import java.time.Instant;
import java.util.Optional;

/** One operator of a {@code where} entry, applied to one field's value (null when the event has none). */
interface Condition {

  boolean test(Object value, Instant now);

  /**
   * For conditions on {@code now}: the earliest instant after {@code now} at which the outcome for
   * this value changes with time alone, so a scheduler can re-evaluate exactly then.
   */
  default Optional<Instant> flipsAfter(Object value, Instant now) {
    return Optional.empty();
  }

  /** True when the outcome can change as time passes; such traits have no incremental form. */
  default boolean dependsOnNow() {
    return false;
  }
}
