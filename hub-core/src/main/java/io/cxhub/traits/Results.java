package io.cxhub.traits;

import io.cxhub.taxonomy.FieldType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The last step shared by full and incremental evaluation, so both give identical values. */
final class Results {

  private Results() {}

  static BigDecimal avg(BigDecimal sum, long count) {
    return sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64);
  }

  /**
   * Converts the aggregate to its output type (integer fields back to {@link Long}) or, with
   * {@code since}, to the units elapsed until {@code now}.
   *
   * @param raw the aggregate's value before type conversion, null for none
   */
  static TraitValue finish(TraitDefinition trait, Object raw, Instant now) {
    if (raw == null) {
      return TraitValue.NONE;
    }
    if (trait.since().isPresent()) {
      return TraitValue.of(elapsed(raw, trait.since().get(), now));
    }
    FieldType type = trait.field().map(f -> f.type()).orElse(null);
    boolean keepsFieldType = switch (trait.aggregate()) {
      case SUM, MIN, MAX, FIRST, LAST -> true;
      default -> false;
    };
    return TraitValue.of(keepsFieldType ? FieldValues.output(type, raw) : raw);
  }

  /** Whole units from a date or timestamp until now, rounded down (negative for the future). */
  static long elapsed(Object raw, ChronoUnit unit, Instant now) {
    return Math.floorDiv(Duration.between(FieldValues.instantOf(raw), now).getSeconds(), unit.getDuration().getSeconds());
  }

  /** When {@link #elapsed} next grows by one. */
  static Instant nextTick(Object raw, ChronoUnit unit, Instant now) {
    long unitSeconds = unit.getDuration().getSeconds();
    return FieldValues.instantOf(raw).plusSeconds((elapsed(raw, unit, now) + 1) * unitSeconds);
  }
}
