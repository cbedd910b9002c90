package io.cxhub.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Conversions between payload nodes and the plain Java values transforms work on. */
final class Values {

  private Values() {}

  /**
   * A payload node as a Java value: String, Long (or BigDecimal when too large), BigDecimal,
   * Boolean; objects and arrays stay JsonNode so that any field reading them fails its type check.
   * Missing and JSON null are {@code null}.
   */
  static Object fromJson(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : new BigDecimal(node.bigIntegerValue());
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node;
  }

  /** "a string", "a number", ... for messages. */
  static String kind(Object value) {
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof LocalDate) {
      return "a date";
    }
    if (value instanceof Instant) {
      return "a timestamp";
    }
    if (value instanceof JsonNode node) {
      return node.isArray() ? "an array" : "an object";
    }
    return "a " + value.getClass().getSimpleName();
  }

  static String requireString(Object value, String expected) throws InvalidValueException {
    if (value instanceof String text) {
      return text;
    }
    throw new InvalidValueException(value, expected + ", found " + kind(value));
  }

  /** How a value appears in messages; never called for PII fields (see {@link MappingException}). */
  static String show(Object value) {
    if (value instanceof String text) {
      return "'" + (text.length() > 80 ? text.substring(0, 80) + "..." : text) + "'";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof JsonNode node) {
      String json = node.toString();
      return json.length() > 80 ? json.substring(0, 80) + "..." : json;
    }
    return String.valueOf(value);
  }
}
