package io.cxhub.traits;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * {@code before: now} / {@code after: now} on a date or timestamp field. A date is compared with
 * the current UTC day, so an invoice due on the 23rd is "before now" from the 24th, 00:00 UTC.
 */
record NowComparison(boolean before) implements Condition {

  @Override
  public boolean test(Object value, Instant now) {
    if (value == null) {
      return false;
    }
    Object current = value instanceof LocalDate ? LocalDate.ofInstant(now, ZoneOffset.UTC) : now;
    int c = FieldValues.compare(value, current);
    return before ? c < 0 : c > 0;
  }

  @Override
  public Optional<Instant> flipsAfter(Object value, Instant now) {
    if (value == null) {
      return Optional.empty();
    }
    Instant flip;
    if (value instanceof LocalDate date) {
      // before: true from the next day on; after: false from the day itself on
      flip = (before ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
    } else {
      // before is strict, so it turns true one tick after the instant; after turns false at it
      flip = before ? ((Instant) value).plusNanos(1) : (Instant) value;
    }
    return flip.isAfter(now) ? Optional.of(flip) : Optional.empty();
  }

  @Override
  public boolean dependsOnNow() {
    return true;
  }
}
