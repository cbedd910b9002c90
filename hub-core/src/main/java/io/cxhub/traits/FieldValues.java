package io.cxhub.traits;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.taxonomy.FieldType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads taxonomy values out of event data (as {@code ProfileJson} writes them) as comparable Java
 * values. Integers are read as {@link BigDecimal} so that integer and decimal constants compare by
 * amount; {@link #output} turns them back into {@link Long} for results.
 */
final class FieldValues {

  private FieldValues() {}

  /** The value of {@code node} as {@code type}, or null when absent or not of that type (such data was never written by a mapping). */
  static Comparable<?> read(FieldType type, JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    try {
      return switch (type) {
        case INTEGER, DECIMAL -> node.isNumber() ? node.decimalValue() : node.isTextual() ? new BigDecimal(node.asText()) : null;
        case BOOLEAN -> node.isBoolean() ? node.booleanValue() : null;
        case DATE -> node.isTextual() ? LocalDate.parse(node.asText()) : null;
        case TIMESTAMP -> node.isTextual() ? Instant.parse(node.asText()) : null;
        case STRING, ENUM, CURRENCY -> node.isValueNode() ? node.asText() : null;
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      return null;
    }
  }

  /** A result of a field of {@code type}: integers as {@link Long}, everything else as read. */
  static Object output(FieldType type, Object value) {
    if (value instanceof BigDecimal d && type == FieldType.INTEGER) {
      return d.longValueExact();
    }
    return value;
  }

  /** Where a date or timestamp sits on the time line: a date is its UTC day's start. */
  static Instant instantOf(Object value) {
    return value instanceof LocalDate date ? date.atStartOfDay(ZoneOffset.UTC).toInstant() : (Instant) value;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }
}
