package io.cxhub.drift;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** The JSON type of an observed value; {@code null} values are counted apart, not as a type. */
public enum JsonType {
  STRING, INTEGER, NUMBER, BOOLEAN, OBJECT, ARRAY;

  /** The type of a non-null node. */
  static JsonType of(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING, BINARY -> STRING;
      case NUMBER -> node.isIntegralNumber() ? INTEGER : NUMBER;
      case BOOLEAN -> BOOLEAN;
      case OBJECT, POJO -> OBJECT;
      case ARRAY -> ARRAY;
      default -> throw new IllegalArgumentException("no JSON type for " + node.getNodeType());
    };
  }

  /**
   * Parses a {@link io.cxhub.spi.connector.FieldSpec#type()}.
   *
   * @throws IllegalArgumentException naming the accepted spellings
   */
  public static JsonType fromSpec(String type) {
    try {
      return valueOf(type.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("unknown field type '" + type
          + "': expected string, integer, number, boolean, object or array");
    }
  }

  /** Whether a value of type {@code observed} fits a field expected to be {@code this} (an integer is a number). */
  boolean accepts(JsonType observed) {
    return this == observed || (this == NUMBER && observed == INTEGER);
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
