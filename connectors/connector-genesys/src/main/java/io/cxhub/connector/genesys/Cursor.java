package io.cxhub.connector.genesys;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Where an instance stands: every conversation up to {@code (start, id)} in (conversationStart,
 * conversationId) order has been emitted, and every one of them that had ended by
 * {@code checkedAt} has been emitted ended. Written {@code <start>|<id>|<checkedAt>} with
 * millisecond ISO-8601 times; {@code checkedAt} is empty before the first complete read.
 */
record Cursor(Instant start, String id, Instant checkedAt) {

  static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  static String iso(Instant t) {
    return ISO.format(t);
  }

  /** Before every conversation that started at or after {@code start}. */
  static Cursor before(Instant start) {
    return new Cursor(start, "", null);
  }

  /** @throws IllegalArgumentException naming the text when this connector did not write it */
  static Cursor parse(String text) {
    String[] p = text.split("\\|", -1);
    if (p.length != 3) {
      throw new IllegalArgumentException("cursor '" + text + "' is not of the form <start>|<conversationId>|<checkedAt>");
    }
    try {
      return new Cursor(Instant.parse(p[0]), p[1], p[2].isEmpty() ? null : Instant.parse(p[2]));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("cursor '" + text + "' does not hold ISO-8601 instants");
    }
  }

  /** Whether a conversation is at or before this position. */
  boolean covers(Instant conversationStart, String conversationId) {
    int c = conversationStart.compareTo(start);
    return c < 0 || (c == 0 && conversationId.compareTo(id) <= 0);
  }

  Cursor at(Instant conversationStart, String conversationId) {
    return new Cursor(conversationStart, conversationId, checkedAt);
  }

  Cursor checked(Instant at) {
    return new Cursor(start, id, at);
  }

  @Override
  public String toString() {
    return iso(start) + "|" + id + "|" + (checkedAt == null ? "" : iso(checkedAt));
  }
}
