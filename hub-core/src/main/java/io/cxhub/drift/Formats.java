package io.cxhub.drift;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Cheap format classification of one scalar value: character tests only, no regular expressions,
 * no allocation. Stateless and thread-safe.
 */
final class Formats {

  /** 2000-01-01T00:00:00Z and 2100-01-01T00:00:00Z in seconds: integers in between read as epoch seconds. */
  static final long EPOCH_SECONDS_MIN = 946_684_800L;
  static final long EPOCH_SECONDS_MAX = 4_102_444_800L;

  private Formats() {}

  static ValueFormat of(JsonNode node) {
    if (node.isTextual()) {
      return ofText(node.textValue());
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return ofEpoch(node.longValue());
    }
    return ValueFormat.NONE;
  }

  static ValueFormat ofEpoch(long value) {
    if (value >= EPOCH_SECONDS_MIN && value < EPOCH_SECONDS_MAX) {
      return ValueFormat.EPOCH_SECONDS;
    }
    if (value >= EPOCH_SECONDS_MIN * 1000 && value < EPOCH_SECONDS_MAX * 1000) {
      return ValueFormat.EPOCH_MILLIS;
    }
    return ValueFormat.NONE;
  }

  static ValueFormat ofText(String s) {
    int n = s.length();
    if (n == 0 || n > 64) {
      return ValueFormat.NONE;
    }
    char first = s.charAt(0);
    if (n >= 10 && isDigit(first) && isIsoDate(s)) {
      if (n == 10) {
        return ValueFormat.ISO_DATE;
      }
      if (n >= 16 && (s.charAt(10) == 'T' || s.charAt(10) == ' ') && digits(s, 11, 13) && s.charAt(13) == ':'
          && digits(s, 14, 16)) {
        return ValueFormat.ISO_DATE_TIME;
      }
      return ValueFormat.NONE;
    }
    if (s.indexOf('@') > 0) {
      return isEmail(s) ? ValueFormat.EMAIL : ValueFormat.NONE;
    }
    if (first == '+' && isPhone(s)) {
      return ValueFormat.PHONE;
    }
    ValueFormat numeric = numeric(s);
    if (numeric != ValueFormat.NONE) {
      return numeric;
    }
    return isPhone(s) ? ValueFormat.PHONE : ValueFormat.NONE;
  }

  private static boolean isIsoDate(String s) {
    return digits(s, 0, 4) && s.charAt(4) == '-' && digits(s, 5, 7) && s.charAt(7) == '-' && digits(s, 8, 10);
  }

  private static boolean isEmail(String s) {
    int at = s.indexOf('@');
    if (at <= 0 || at != s.lastIndexOf('@')) {
      return false;
    }
    int dot = s.lastIndexOf('.');
    if (dot < at + 2 || dot >= s.length() - 2) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c == ',' || c == ';' || c == '<' || c == '>') {
        return false;
      }
    }
    return true;
  }

  /** A plain decimal ({@code -12.5}, {@code 0042}) or an amount with a currency sign or code ({@code $12.50}, {@code EUR 9,99}). */
  private static ValueFormat numeric(String s) {
    int start = 0;
    int end = s.length();
    boolean currency = false;
    char c0 = s.charAt(0);
    if (isCurrencySign(c0)) {
      currency = true;
      start = 1;
    } else if (end > 4 && isUpper(c0) && isUpper(s.charAt(1)) && isUpper(s.charAt(2)) && s.charAt(3) == ' ') {
      currency = true;
      start = 3;
    }
    char last = s.charAt(end - 1);
    if (!currency && isCurrencySign(last)) {
      currency = true;
      end--;
    } else if (!currency && end > 4 && isUpper(last) && isUpper(s.charAt(end - 2)) && isUpper(s.charAt(end - 3))
        && s.charAt(end - 4) == ' ') {
      currency = true;
      end -= 3;
    }
    while (start < end && s.charAt(start) == ' ') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == ' ') {
      end--;
    }
    if (start < end && (s.charAt(start) == '-' || s.charAt(start) == '+')) {
      start++;
    }
    if (start >= end || end - start > 24) {
      return ValueFormat.NONE;
    }
    int digitCount = 0;
    int separators = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (isDigit(c)) {
        digitCount++;
      } else if (c == '.' || (currency && c == ',')) {
        separators++;
      } else {
        return ValueFormat.NONE;
      }
    }
    if (digitCount == 0 || separators > (currency ? 3 : 1)) {
      return ValueFormat.NONE;
    }
    return currency ? ValueFormat.CURRENCY_AMOUNT : ValueFormat.NUMBER_STRING;
  }

  /** Digits with phone punctuation, 7 to 15 digits, and either a leading + or some punctuation. */
  private static boolean isPhone(String s) {
    int digitCount = 0;
    boolean punctuated = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isDigit(c)) {
        digitCount++;
      } else if (c == ' ' || c == '-' || c == '(' || c == ')' || c == '.' || c == '/') {
        punctuated = true;
      } else if (c == '+' && i == 0) {
        punctuated = true;
      } else {
        return false;
      }
    }
    return punctuated && digitCount >= 7 && digitCount <= 15;
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isCurrencySign(char c) {
    return c == '$' || c == '\u20ac' || c == '\u00a3' || c == '\u00a5';
  }
}
