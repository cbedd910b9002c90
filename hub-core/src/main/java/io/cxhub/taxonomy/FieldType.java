package io.cxhub.taxonomy;

/** The type of a taxonomy field's value after mapping, and the Java type that carries it. */
public enum FieldType {
  /** {@link String}. */
  STRING,
  /** {@link Long}. */
  INTEGER,
  /** {@link java.math.BigDecimal}, exact. */
  DECIMAL,
  /** {@link Boolean}. */
  BOOLEAN,
  /** {@link java.time.LocalDate}, a calendar day without zone. */
  DATE,
  /** {@link java.time.Instant}. */
  TIMESTAMP,
  /** {@link String}, one of the field's declared values. */
  ENUM,
  /** {@link String}, an ISO-4217 code in upper case such as {@code USD}. */
  CURRENCY;

  /** The name used in taxonomy YAML, e.g. {@code timestamp}. */
  public String yamlName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
