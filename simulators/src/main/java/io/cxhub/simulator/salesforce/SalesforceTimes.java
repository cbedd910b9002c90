package io.cxhub.simulator.salesforce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The date-time formats of the Salesforce REST API and of SOQL date-time literals. */
final class SalesforceTimes {

  /** How the REST API writes a date-time: {@code 2026-11-20T08:15:00.000+0000}. */
  static final DateTimeFormatter API = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");

  // SOQL accepts 2026-01-01T00:00:00Z, ...00.000Z, ...00+01:00 and ...00.000+0000
  private static final DateTimeFormatter LITERAL = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
      .optionalStart().appendFraction(java.time.temporal.ChronoField.MILLI_OF_SECOND, 0, 3, true).optionalEnd()
      .appendPattern("[XXX][XX][X]")
      .toFormatter();

  private SalesforceTimes() {}

  static String format(Instant instant) {
    return API.format(instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
  }

  static String format(LocalDate date) {
    return date.toString();
  }

  /** Parses an API date-time or a SOQL literal; null when {@code text} is neither. */
  static Instant parse(String text) {
    try {
      return OffsetDateTime.parse(text, LITERAL).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
