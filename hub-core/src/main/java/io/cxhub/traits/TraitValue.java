package io.cxhub.traits;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A trait's value at one instant: a {@link Long}, {@link BigDecimal}, {@link Boolean}, {@link String},
 * {@link LocalDate} or {@link Instant}, or none (an average, minimum or last value of no events).
 *
 * <p>Decimals are kept without trailing zeros, so equal amounts are equal values whatever their scale.
 */
public final class TraitValue {

  public static final TraitValue NONE = new TraitValue(null);

  private final Object value;

  private TraitValue(Object value) {
    this.value = value instanceof BigDecimal d ? normalize(d) : value;
  }

  public static TraitValue of(Object value) {
    Objects.requireNonNull(value, "value; use TraitValue.NONE for no value");
    return new TraitValue(value);
  }

  static TraitValue ofNullable(Object value) {
    return value == null ? NONE : new TraitValue(value);
  }

  public Optional<Object> value() {
    return Optional.ofNullable(value);
  }

  public boolean isPresent() {
    return value != null;
  }

  private static BigDecimal normalize(BigDecimal d) {
    BigDecimal stripped = d.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TraitValue other && Objects.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(value);
  }

  @Override
  public String toString() {
    return value == null ? "none" : value.toString();
  }
}
