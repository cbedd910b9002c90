package io.cxhub.drift;

/**
 * Masks sample values so that their shape shows and their content does not: e-mails keep the first
 * letter of the local part and of each domain label plus the top-level domain
 * ({@code j***@e******.com}); digits become {@code #}; letters become {@code *} except the first of
 * each word; punctuation stays. The drift engine sees raw source fields, whose PII status it cannot
 * know, so every sample it keeps goes through here. Stateless and thread-safe.
 */
public final class Masker {

  static final int MAX_LENGTH = 40;

  private Masker() {}

  public static String mask(String value) {
    if (value == null) {
      return null;
    }
    int at = value.indexOf('@');
    if (at > 0 && Formats.ofText(value.strip()) == ValueFormat.EMAIL) {
      return maskEmail(value.strip());
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_LENGTH + 1));
    boolean wordStart = true;
    for (int i = 0; i < value.length() && out.length() < MAX_LENGTH; i++) {
      char c = value.charAt(i);
      if (Character.isDigit(c)) {
        out.append('#');
        wordStart = false;
      } else if (Character.isLetter(c)) {
        out.append(wordStart ? c : '*');
        wordStart = false;
      } else {
        out.append(c);
        wordStart = true;
      }
    }
    if (value.length() > MAX_LENGTH) {
      out.append('\u2026');
    }
    return out.toString();
  }

  private static String maskEmail(String email) {
    int at = email.indexOf('@');
    StringBuilder out = new StringBuilder(email.length());
    out.append(email.charAt(0)).append("***@");
    String domain = email.substring(at + 1);
    int tld = domain.lastIndexOf('.');
    int labelStart = 0;
    for (int i = 0; i < tld; i++) {
      char c = domain.charAt(i);
      if (c == '.') {
        out.append('.');
        labelStart = i + 1;
      } else {
        out.append(i == labelStart ? c : '*');
      }
    }
    out.append(domain, tld, domain.length());
    return out.toString();
  }

  /**
   * How an enum value is shown: as is when it looks like a code ({@code paid}, {@code Closed Won},
   * {@code EUR}: at most 32 characters, at most 3 digits, not an e-mail or phone), else masked.
   */
  static String enumLabel(String value) {
    if (value.length() > 32 || value.indexOf('@') >= 0) {
      return mask(value);
    }
    int digits = 0;
    for (int i = 0; i < value.length(); i++) {
      if (Character.isDigit(value.charAt(i))) {
        digits++;
      }
    }
    return digits > 3 ? mask(value) : value;
  }
}
