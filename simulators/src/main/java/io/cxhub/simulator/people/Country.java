package io.cxhub.simulator.people;

import java.util.List;
import java.util.Random;

/**
 * The countries of the population, each with the fictional phone ranges reserved for drama and
 * documentation (US 555-01xx, Ofcom's 0xx 496 0xxx and 020 7946 0xxx, Germany's 030 23125xxx …) so no
 * generated number belongs to anyone.
 */
enum Country {
  US("1", 2, areaCodes555()),
  GB("44", 3, List.of("20 7946 0", "161 496 0", "113 496 0", "114 496 0", "116 496 0", "117 496 0", "118 496 0",
      "121 496 0", "131 496 0", "141 496 0", "151 496 0", "28 9649 6", "29 2018 0")),
  DE("49", 3, List.of("30 23125", "89 99998", "40 66969", "69 90009", "221 4710", "711 1850"));

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

  /**
   * The number of the person with this serial, as national groups: distinct serials get distinct
   * numbers (up to prefixes × 10^freeDigits of them), so two customers share a phone only when a
   * test means them to.
   */
  String[] nationalGroups(int serial) {
    int bound = (int) Math.pow(10, freeDigits);
    String[] groups = prefixes.get((serial / bound) % prefixes.size()).split(" ");
    groups[groups.length - 1] += String.format("%0" + freeDigits + "d", serial % bound);
    return groups;
  }

  /** The fictional 555-01xx lines of many US area codes: 56 × 100 distinct numbers. */
  private static List<String> areaCodes555() {
    String codes = "415 212 312 617 206 512 303 404 201 202 203 205 207 208 209 210 213 214 215 216 217 218 219 224 "
        + "225 228 229 231 234 239 240 248 251 252 253 254 256 260 262 267 269 270 276 281 301 302 304 305 307 308 "
        + "309 310 313 314 315 316";
    return java.util.Arrays.stream(codes.split(" ")).map(code -> code + " 555 01").toList();
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
