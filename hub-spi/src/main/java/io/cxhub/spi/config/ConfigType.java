package io.cxhub.spi.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** The value types a connector option can have; each knows how to parse its text form. */
public enum ConfigType {
  STRING("a string"),
  INT("an integer"),
  LONG("a long integer"),
  BOOLEAN("true or false"),
  /** ISO-8601 ({@code PT30S}) or a number with a unit: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}. */
  DURATION("a duration such as 30s, 5m or PT1H"),
  LIST("a comma-separated list"),
  PASSWORD("a secret string");

  private final String expected;

  ConfigType(String expected) {
    this.expected = expected;
  }

  /** Human description of the accepted form, used in error messages. */
  public String expected() {
    return expected;
  }

  /**
   * Parses {@code text} into this type.
   *
   * @throws IllegalArgumentException with a message saying what was expected
   */
  public Object parse(String text) {
    String t = text.trim();
    try {
      return switch (this) {
        case STRING, PASSWORD -> text;
        case INT -> Integer.parseInt(t);
        case LONG -> Long.parseLong(t);
        case BOOLEAN -> {
          if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("expected " + expected);
          }
          yield Boolean.parseBoolean(t);
        }
        case DURATION -> parseDuration(t);
        case LIST -> t.isEmpty() ? java.util.List.of()
            : java.util.Arrays.stream(t.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("expected " + expected);
    }
  }

  private static Duration parseDuration(String t) {
    if (t.startsWith("P") || t.startsWith("p")) {
      return Duration.parse(t.toUpperCase());
    }
    int i = 0;
    while (i < t.length() && Character.isDigit(t.charAt(i))) {
      i++;
    }
    if (i == 0) {
      throw new IllegalArgumentException("expected a duration such as 30s, 5m or PT1H");
    }
    long n = Long.parseLong(t.substring(0, i));
    return switch (t.substring(i).trim()) {
      case "ms" -> Duration.ofMillis(n);
      case "s", "" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> throw new IllegalArgumentException("expected a duration such as 30s, 5m or PT1H");
    };
  }
}
