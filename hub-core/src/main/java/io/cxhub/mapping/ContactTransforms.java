package io.cxhub.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * E-mail and phone normalization, so identity keys from different sources compare equal. A blank
 * value is "no value": a missing contact detail is common and not a reason to quarantine.
 */
final class ContactTransforms {

  private ContactTransforms() {}

  /**
   * Deliberately simple: one @, no spaces (Unicode ones included), a dot in the domain.
   * Deliverability is not our job.
   */
  private static final Pattern EMAIL = Pattern.compile("(?U)^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

  /**
   * Leading and trailing blanks as copied from web pages and spreadsheets: Unicode white space
   * (non-breaking spaces included, which {@link String#strip()} keeps), zero-width spaces, BOMs.
   */
  private static final Pattern BLANK_ENDS = Pattern.compile("(?U)^[\\s\\u200B\\uFEFF]+|[\\s\\u200B\\uFEFF]+$");

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  static final Transform EMAIL_NORMALIZE = value -> {
    String text = BLANK_ENDS.matcher(Values.requireString(value, "expected an e-mail address string")).replaceAll("")
        .toLowerCase(Locale.ROOT);
    if (text.isEmpty()) {
      return null;
    }
    if (!EMAIL.matcher(text).matches()) {
      throw new InvalidValueException(value, "expected an e-mail address like name@example.com");
    }
    return text;
  };

  /** Regions libphonenumber knows, for load-time validation of {@code phone: { region: XX }}. */
  static boolean isKnownRegion(String region) {
    return PHONES.getSupportedRegions().contains(region);
  }

  /** To E.164; numbers written without country code are read in {@code defaultRegion}. */
  static Transform phone(String defaultRegion) {
    return value -> toE164(value, defaultRegion);
  }

  /**
   * To E.164, reading numbers written without country code in the region the record itself names at
   * {@code regionPath} (a customer's country), else in {@code defaultRegion}.
   */
  static Transform phone(String defaultRegion, PayloadPath regionPath) {
    return new Transform() {
      @Override
      public Object apply(Object value) throws InvalidValueException {
        return toE164(value, defaultRegion);
      }

      @Override
      public List<String> paths() {
        return List.of(regionPath.toString());
      }

      @Override
      public Object apply(Object value, JsonNode payload) throws InvalidValueException {
        JsonNode country = regionPath.read(payload);
        String region = country != null && country.isTextual() ? country.asText().strip().toUpperCase(Locale.ROOT) : "";
        return toE164(value, isKnownRegion(region) ? region : defaultRegion);
      }
    };
  }

  private static Object toE164(Object value, String defaultRegion) throws InvalidValueException {
    String text = value instanceof Long number ? number.toString()
        : BLANK_ENDS.matcher(Values.requireString(value, "expected a phone number string")).replaceAll("");
    if (text.isEmpty()) {
      return null;
    }
    String e164 = validE164(text, defaultRegion);
    if (e164 == null && text.startsWith("00")) {
      // 00 is the international prefix of most of the world, and people write it out of habit even
      // where it is not (011 in the US): a number that is no valid national one is read as 00<country code>
      e164 = validE164("+" + text.substring(2), defaultRegion);
    }
    if (e164 != null) {
      return e164;
    }
    throw new InvalidValueException(value, "expected a valid phone number (E.164 like +14155550100, or a national "
        + defaultRegion + " number)");
  }

  /** {@code text} in E.164 when libphonenumber reads it as a valid number, else null. */
  private static String validE164(String text, String region) {
    try {
      PhoneNumber number = PHONES.parse(text, region);
      return PHONES.isValidNumber(number) ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
    } catch (NumberParseException e) {
      return null; // the caller's message says what was expected: the parse reason adds nothing an admin can act on
    }
  }
}
