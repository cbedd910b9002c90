package io.cxhub.connector.qualtrics;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How far an instance has read, per survey: the {@code (recordedDate, responseId)} of the last
 * exported response. Written as {@code SV_a=<ISO instant>|R_x;SV_b=...} (a record's cursor is the
 * whole position after it, since one stream holds every survey). Immutable.
 */
final class Position {

  /** A response's place in export order. */
  record Mark(Instant recorded, String responseId) implements Comparable<Mark> {
    @Override
    public int compareTo(Mark o) {
      int c = recorded.compareTo(o.recorded);
      return c != 0 ? c : responseId.compareTo(o.responseId);
    }
  }

  static final Position START = new Position(Map.of());

  private final TreeMap<String, Mark> marks;

  private Position(Map<String, Mark> marks) {
    this.marks = new TreeMap<>(marks);
  }

  Optional<Mark> of(String surveyId) {
    return Optional.ofNullable(marks.get(surveyId));
  }

  Position with(String surveyId, Mark mark) {
    Position p = new Position(marks);
    p.marks.put(surveyId, mark);
    return p;
  }

  /**
   * @throws IllegalArgumentException naming the text when it is not a cursor this connector wrote
   */
  static Position parse(String text) {
    Map<String, Mark> marks = new TreeMap<>();
    if (text == null || text.isBlank()) {
      return START;
    }
    for (String part : text.split(";")) {
      int eq = part.indexOf('=');
      int bar = part.indexOf('|');
      if (eq < 0 || bar < eq) {
        throw new IllegalArgumentException("cursor '" + text + "' is not of the form SV_x=<ISO instant>|<responseId>;...");
      }
      try {
        marks.put(part.substring(0, eq), new Mark(Instant.parse(part.substring(eq + 1, bar)), part.substring(bar + 1)));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("cursor '" + text + "' has a date that is not ISO-8601");
      }
    }
    return new Position(marks);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    marks.forEach((survey, m) -> s.append(s.length() == 0 ? "" : ";").append(survey).append('=')
        .append(m.recorded()).append('|').append(m.responseId()));
    return s.toString();
  }
}
