package io.cxhub.simulator.people;

import java.util.List;
import java.util.Random;

/**
 * The countries of the population, each with the fictional phone ranges reserved for drama and
 * documentation (US 555-01xx, Ofcom's 020 7946 0xxx and 0161 496 0xxx, Germany's 030 23125xxx) so no
 * generated number belongs to anyone.
 */
enum Country {
  US("1", 2, List.of("415 555 01", "212 555 01", "312 555 01", "617 555 01", "206 555 01", "512 555 01",
      "303 555 01", "404 555 01")),
  GB("44", 3, List.of("20 7946 0", "161 496 0")),
  DE("49", 3, List.of("30 23125", "89 99998"));

  final String callingCode;
  private final int freeDigits;
  private final List<String> prefixes;

  Country(String callingCode, int freeDigits, List<String> prefixes) {
    this.callingCode = callingCode;
    this.freeDigits = freeDigits;
    this.prefixes = prefixes;
  }

  /** Weighted pick: most customers are in the US, then GB, then DE. */
  static Country pick(Random r) {
    int n = r.nextInt(100);
    return n < 60 ? US : n < 85 ? GB : DE;
  }

  /** A new number as national groups, e.g. {@code ["415", "555", "0123"]} or {@code ["20", "7946", "0958"]}. */
  String[] nationalGroups(Random r) {
    String[] groups = prefixes.get(r.nextInt(prefixes.size())).split(" ");
    int bound = (int) Math.pow(10, freeDigits);
    groups[groups.length - 1] += String.format("%0" + freeDigits + "d", r.nextInt(bound));
    return groups;
  }

  /** Splits an E.164 number of this country back into the groups it was made from. */
  String[] groupsOf(String e164) {
    String national = e164.substring(1 + callingCode.length());
    for (String prefix : prefixes) {
      if (national.startsWith(prefix.replace(" ", ""))) {
        String[] groups = prefix.split(" ");
        int used = prefix.replace(" ", "").length() - groups[groups.length - 1].length();
        groups[groups.length - 1] = national.substring(used);
        return groups;
      }
    }
    throw new IllegalArgumentException(e164 + " is not a simulated " + name() + " number");
  }
}
