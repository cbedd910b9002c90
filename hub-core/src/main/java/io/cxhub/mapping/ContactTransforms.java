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

  /** Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is not our job. */
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  static final Transform EMAIL_NORMALIZE = value -> {
    String text = Values.requireString(value, "expected an e-mail address string").strip().toLowerCase(Locale.ROOT);
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
        : Values.requireString(value, "expected a phone number string").strip();
    if (text.isEmpty()) {
      return null;
    }
    try {
      PhoneNumber number = PHONES.parse(text, defaultRegion);
      if (PHONES.isValidNumber(number)) {
        return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
      }
    } catch (NumberParseException e) {
      // falls through to the common message: the parse reason adds nothing an admin can act on
    }
    throw new InvalidValueException(value, "expected a valid phone number (E.164 like +14155550100, or a national "
        + defaultRegion + " number)");
  }
}
