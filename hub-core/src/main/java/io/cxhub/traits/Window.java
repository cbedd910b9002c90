package io.cxhub.traits;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a trait window: {@code 7d}, {@code 24h}, {@code 30m}, {@code 45s} or an ISO-8601 duration such as {@code P7D}. */
final class Window {

  private static final Pattern SHORTHAND = Pattern.compile("([0-9]{1,9})([dhms])");

  private Window() {}

  /** @throws IllegalArgumentException saying what was expected, when the text is no positive duration */
  static Duration parse(String text) {
    Matcher m = SHORTHAND.matcher(text);
    Duration duration;
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      duration = switch (m.group(2)) {
        case "d" -> Duration.ofDays(n);
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofSeconds(n);
      };
    } else {
      try {
        duration = Duration.parse(text);
      } catch (DateTimeParseException e) {
        // months and years are not fixed lengths, so they are not offered
        throw new IllegalArgumentException("window '" + text
            + "' is not a duration: expected <n>d, <n>h, <n>m, <n>s or ISO-8601 days/time such as P7D or PT12H");
      }
    }
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("window '" + text + "' is not positive: expected a duration above zero");
    }
    return duration;
  }
}
