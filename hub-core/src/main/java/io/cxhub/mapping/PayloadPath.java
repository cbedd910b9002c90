package io.cxhub.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A pre-parsed payload path such as {@code address.city} or {@code lines[0].amount}: parsed once at
 * mapping load, then walked per record without string handling. Immutable.
 */
final class PayloadPath {

  private final String text;
  /** Each step is a {@link String} object key or an {@link Integer} array index. */
  private final Object[] steps;

  private PayloadPath(String text, Object[] steps) {
    this.text = text;
    this.steps = steps;
  }

  /** @throws IllegalArgumentException saying what is wrong with the path */
  static PayloadPath parse(String text) {
    List<Object> steps = new ArrayList<>();
    for (String segment : text.split("\\.", -1)) {
      int bracket = segment.indexOf('[');
      String key = bracket < 0 ? segment : segment.substring(0, bracket);
      if (key.isEmpty()) {
        throw new IllegalArgumentException("path '" + text + "' has an empty key: expected keys separated by single dots");
      }
      steps.add(key);
      while (bracket >= 0) {
        int close = segment.indexOf(']', bracket);
        if (close < 0) {
          throw new IllegalArgumentException("path '" + text + "' has an unclosed '[': expected key[index]");
        }
        try {
          steps.add(Integer.parseInt(segment.substring(bracket + 1, close)));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("path '" + text + "' has a non-numeric index: expected key[0], key[1], ...");
        }
        bracket = segment.indexOf('[', close);
        if (bracket < 0 && close != segment.length() - 1) {
          throw new IllegalArgumentException("path '" + text + "' has text after ']': expected '.' or '['");
        }
      }
    }
    return new PayloadPath(text, steps.toArray());
  }

  /** The node at this path, or {@code null} when any step is missing. */
  JsonNode read(JsonNode root) {
    JsonNode node = root;
    for (Object step : steps) {
      node = step instanceof String key ? node.get(key) : node.get((Integer) step);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  @Override
  public String toString() {
    return text;
  }
}
