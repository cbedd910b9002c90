package io.cxhub.connector.billing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A position in a table: the {@code (updated_at, primary key)} of the last row read. Written as
 * {@code <ISO-8601 updated_at>|<pk>}; the timestamp keeps PostgreSQL's microseconds so that the
 * text form compares exactly like the row it came from.
 */
record Cursor(Instant updatedAt, String id) {

  /** Before every row. */
  static final Cursor START = new Cursor(null, "");

  static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

  static String iso(Instant instant) {
    return TIMESTAMP.format(instant.atOffset(ZoneOffset.UTC));
  }

  /**
   * @throws IllegalArgumentException naming the text when it is not a cursor this connector wrote
   */
  static Cursor parse(String text) {
    int bar = text.indexOf('|');
    if (bar < 0) {
      throw new IllegalArgumentException("cursor '" + text + "' is not of the form <ISO-8601 timestamp>|<id>");
    }
    try {
      return new Cursor(OffsetDateTime.parse(text.substring(0, bar)).toInstant(), text.substring(bar + 1));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("cursor '" + text + "' does not start with an ISO-8601 timestamp");
    }
  }

  /** The timestamp as the query binds it; {@code -infinity} sorts before every row. */
  String queryTimestamp() {
    return updatedAt == null ? "-infinity" : iso(updatedAt);
  }

  @Override
  public String toString() {
    return updatedAt == null ? "<start>" : iso(updatedAt) + "|" + id;
  }
}
