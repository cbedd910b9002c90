package io.cxhub.simulator.salesforce;

/**
 * Salesforce record ids: a three-character key prefix naming the object ({@code 001} Account,
 * {@code 003} Contact, {@code 500} Case, {@code 006} Opportunity, {@code 00T} Task), a pod part and
 * a base-62 serial make the case-sensitive 15-character id; three checksum characters that encode
 * which of its letters are upper case make it the 18-character case-insensitive form the REST API
 * returns.
 */
final class SalesforceIds {

  private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
  private static final String POD = "8d";

  private SalesforceIds() {}

  /** The 18-character id of the {@code serial}-th record with key prefix {@code prefix}. */
  static String of(String prefix, long serial) {
    StringBuilder tail = new StringBuilder();
    long n = serial;
    for (int i = 0; i < 7; i++) {
      tail.append(BASE62.charAt((int) (n % 62)));
      n /= 62;
    }
    String id15 = prefix + POD + "000" + tail.reverse();
    return id15 + checksum(id15);
  }

  /** The three characters Salesforce appends to a 15-character id. */
  static String checksum(String id15) {
    StringBuilder out = new StringBuilder(3);
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = 0;
      for (int i = 0; i < 5; i++) {
        char c = id15.charAt(chunk * 5 + i);
        if (c >= 'A' && c <= 'Z') {
          bits |= 1 << i;
        }
      }
      out.append(SUFFIX.charAt(bits));
    }
    return out.toString();
  }

  /** True for a well-formed 18-character id whose checksum matches. */
  static boolean wellFormed(String id) {
    return id != null && id.length() == 18 && id.chars().allMatch(c -> BASE62.indexOf(c) >= 0)
        && checksum(id.substring(0, 15)).equals(id.substring(15));
  }
}
