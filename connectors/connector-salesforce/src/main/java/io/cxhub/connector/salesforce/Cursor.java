package io.cxhub.connector.salesforce;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A position in an sObject: the {@code (SystemModstamp, Id)} of the last record read, written as
 * {@code 2026-11-20T08:15:00.000Z|003...}. A read resumes with {@code SystemModstamp >= stamp} and
 * skips the records at exactly that stamp whose Id sorts at or before the cursor's: many records
 * share a stamp (bulk loads and updates), so {@code >} would lose some and {@code >=} alone would
 * repeat some.
 */
record Cursor(Instant stamp, String id) {

  /** Before every record. */
  static final Cursor START = new Cursor(null, "");

  /** SOQL date-time literal and cursor text: UTC with milliseconds. */
  static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX");
  /** The REST API's date-times: {@code 2026-11-20T08:15:00.000+0000}. */
  static final DateTimeFormatter API = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");

  static Cursor parse(String text) {
    int bar = text.indexOf('|');
    if (bar < 0) {
      throw new IllegalArgumentException("cursor '" + text + "' is not of the form <ISO-8601 timestamp>|<Id>");
    }
    try {
      return new Cursor(OffsetDateTime.parse(text.substring(0, bar)).toInstant(), text.substring(bar + 1));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("cursor '" + text + "' does not start with an ISO-8601 timestamp");
    }
  }

  /** Parses a SystemModstamp as the REST API writes it; null when it is not one. */
  static Instant apiTimestamp(String text) {
    try {
      return OffsetDateTime.parse(text, API).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /** True when a record at {@code (stamp, id)} was already read by a read that reached this cursor. */
  boolean covers(Instant recordStamp, String recordId) {
    if (stamp == null) {
      return false;
    }
    int c = recordStamp.compareTo(stamp);
    return c < 0 || (c == 0 && recordId.compareTo(id) <= 0);
  }

  boolean isAfter(Cursor other) {
    if (other.stamp == null) {
      return stamp != null;
    }
    if (stamp == null) {
      return false;
    }
    int c = stamp.compareTo(other.stamp);
    return c > 0 || (c == 0 && id.compareTo(other.id) > 0);
  }

  /** The condition of a query that resumes here, or the empty string from the start. */
  String soqlCondition() {
    return stamp == null ? "" : " WHERE SystemModstamp >= " + ISO.format(stamp.atOffset(ZoneOffset.UTC));
  }

  @Override
  public String toString() {
    return stamp == null ? "<start>" : ISO.format(stamp.atOffset(ZoneOffset.UTC)) + "|" + id;
  }
}
