package io.cxhub.drift;

import java.util.Locale;

/** A recognised shape of a scalar value; {@link #NONE} when no known format fits. */
public enum ValueFormat {
  ISO_DATE("date"),
  ISO_DATE_TIME("date-time"),
  EPOCH_SECONDS("epoch-seconds"),
  EPOCH_MILLIS("epoch-millis"),
  EMAIL("email"),
  PHONE("phone"),
  NUMBER_STRING("decimal-string"),
  CURRENCY_AMOUNT("currency-amount"),
  NONE("none");

  private final String spec;

  ValueFormat(String spec) {
    this.spec = spec;
  }

  /** The spelling used by {@link io.cxhub.spi.connector.FieldSpec#format()}. */
  public String spec() {
    return spec;
  }

  /**
   * Parses a {@link io.cxhub.spi.connector.FieldSpec#format()}; {@code null} is {@link #NONE}.
   *
   * @throws IllegalArgumentException naming the accepted spellings
   */
  public static ValueFormat fromSpec(String format) {
    if (format == null || format.isBlank()) {
      return NONE;
    }
    String wanted = format.trim().toLowerCase(Locale.ROOT);
    for (ValueFormat candidate : values()) {
      if (candidate.spec.equals(wanted)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("unknown field format '" + format + "': expected date, date-time, "
        + "epoch-seconds, epoch-millis, email, phone, decimal-string, currency-amount or none");
  }

  /** Whether this format describes a point in time. */
  boolean temporal() {
    return this == ISO_DATE || this == ISO_DATE_TIME || this == EPOCH_SECONDS || this == EPOCH_MILLIS;
  }
}
