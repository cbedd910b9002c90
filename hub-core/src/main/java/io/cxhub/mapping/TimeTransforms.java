package io.cxhub.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Date and timestamp parsing. Formatters are built once at load and are thread-safe. */
final class TimeTransforms {

  private TimeTransforms() {}

  static final Transform ISO_DATE = date(DateTimeFormatter.ISO_LOCAL_DATE, "yyyy-MM-dd");

  /** ISO-8601 with an offset or Z; a timestamp without zone is refused rather than guessed. */
  static final Transform ISO_TIMESTAMP = value -> {
    String text = Values.requireString(value, "expected an ISO-8601 timestamp string");
    try {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text.strip(), Instant::from);
    } catch (DateTimeParseException e) {
      throw new InvalidValueException(value, "expected an ISO-8601 timestamp with offset, e.g. 2024-05-01T12:30:00Z");
    }
  };

  static final Transform EPOCH_SECONDS = epoch(false);

  static final Transform EPOCH_MILLIS = epoch(true);

  /** @throws IllegalArgumentException when the pattern is not a valid java.time pattern */
  static Transform date(String pattern) {
    return date(DateTimeFormatter.ofPattern(pattern), pattern);
  }

  private static Transform date(DateTimeFormatter formatter, String pattern) {
    return value -> {
      if (value instanceof LocalDate) {
        return value;
      }
      String text = Values.requireString(value, "expected a date string in format " + pattern);
      try {
        return LocalDate.parse(text.strip(), formatter);
      } catch (DateTimeParseException e) {
        throw new InvalidValueException(value, "expected a date in format " + pattern);
      }
    };
  }

  /**
   * A timestamp in a custom pattern; when the pattern carries no zone or offset the time is read
   * as UTC.
   *
   * @throws IllegalArgumentException when the pattern is not a valid java.time pattern
   */
  static Transform timestamp(String pattern) {
    DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC);
    return value -> {
      String text = Values.requireString(value, "expected a timestamp string in format " + pattern);
      try {
        return ZonedDateTime.parse(text.strip(), formatter).toInstant();
      } catch (DateTimeParseException e) {
        throw new InvalidValueException(value, "expected a timestamp in format " + pattern);
      }
    };
  }

  private static Transform epoch(boolean millis) {
    String unit = millis ? "milliseconds" : "seconds";
    return value -> {
      BigDecimal number;
      if (value instanceof Long whole) {
        return millis ? Instant.ofEpochMilli(whole) : Instant.ofEpochSecond(whole);
      } else if (value instanceof BigDecimal decimal) {
        number = decimal;
      } else if (value instanceof String text) {
        try {
          number = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
          throw new InvalidValueException(value, "expected epoch " + unit + " as a number");
        }
      } else {
        throw new InvalidValueException(value, "expected epoch " + unit + ", found " + Values.kind(value));
      }
      BigDecimal nanos = number.movePointRight(millis ? 6 : 9);
      try {
        long totalNanos = nanos.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
        return Instant.ofEpochSecond(Math.floorDiv(totalNanos, 1_000_000_000L), Math.floorMod(totalNanos, 1_000_000_000L));
      } catch (ArithmeticException e) {
        throw new InvalidValueException(value, "expected epoch " + unit + " within the year range 1677-2262");
      }
    };
  }
}
