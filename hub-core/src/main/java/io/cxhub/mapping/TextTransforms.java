package io.cxhub.mapping;

import java.util.Locale;

/** String transforms: trim, lower, upper, split. */
final class TextTransforms {

  private TextTransforms() {}

  static final Transform TRIM = value -> Values.requireString(value, "expected a string to trim").strip();

  static final Transform LOWER = value ->
      Values.requireString(value, "expected a string to lower-case").toLowerCase(Locale.ROOT);

  static final Transform UPPER = value ->
      Values.requireString(value, "expected a string to upper-case").toUpperCase(Locale.ROOT);

  /**
   * Keeps part {@code index} of the value split on the literal {@code separator}; a negative index
   * counts from the end. A part that is not there is "no value", not an error: {@code street} of
   * an address without a comma is simply absent.
   */
  static Transform split(String separator, int index) {
    return value -> {
      String text = Values.requireString(value, "expected a string to split on '" + separator + "'");
      int count = 1;
      for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, at + separator.length())) {
        count++;
      }
      int wanted = index < 0 ? count + index : index;
      if (wanted < 0 || wanted >= count) {
        return null;
      }
      int start = 0;
      for (int part = 0; part < wanted; part++) {
        start = text.indexOf(separator, start) + separator.length();
      }
      int end = text.indexOf(separator, start);
      return end < 0 ? text.substring(start) : text.substring(start, end);
    };
  }
}
