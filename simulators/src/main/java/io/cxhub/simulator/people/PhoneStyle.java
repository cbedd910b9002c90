package io.cxhub.simulator.people;

import java.util.Random;

/** The ways people and systems write the same phone number. */
final class PhoneStyle {

  private PhoneStyle() {}

  static String e164(Country country, String[] groups) {
    return "+" + country.callingCode + String.join("", groups);
  }

  /** One of the spellings seen in real systems for this number, picked with {@code r}. */
  static String messy(Country country, String[] groups, Random r) {
    String national = String.join("", groups);
    String spaced = String.join(" ", groups);
    return switch (country) {
      case US -> switch (r.nextInt(6)) {
        case 0 -> "(" + groups[0] + ") " + groups[1] + "-" + groups[2];
        case 1 -> "+1 " + spaced;
        case 2 -> String.join(".", groups);
        case 3 -> String.join("-", groups);
        case 4 -> "1-" + String.join("-", groups);
        default -> e164(country, groups);
      };
      case GB, DE -> switch (r.nextInt(5)) {
        case 0 -> "00" + country.callingCode + " " + spaced;
        case 1 -> "+" + country.callingCode + " " + spaced;
        case 2 -> "0" + spaced;
        case 3 -> "0" + groups[0] + "/" + national.substring(groups[0].length());
        default -> e164(country, groups);
      };
    };
  }
}
