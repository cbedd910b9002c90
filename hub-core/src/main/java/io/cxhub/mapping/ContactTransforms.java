package io.cxhub.mapping;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
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
    return value -> {
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
    };
  }
}
