package io.cxhub.drift;

/**
 * Salted 64-bit hashes of values, so that values can be compared across fields and time without
 * keeping them. The base is Java's polynomial {@link String#hashCode} of the value's exact text
 * (computed once per string and cached by it, so the mapping stage's own lookups reuse it), which
 * composes: the hash of {@code a + separator + b} follows from the hashes of the parts and the
 * length of {@code b} ({@link #concat}), so concatenations are hashed without building strings.
 * Integral numbers hash as their decimal text ({@code 12} matches {@code "12"}). The 32-bit base is
 * spread to 64 bits with the salt by a murmur3 finalizer. Not cryptographic: values with little
 * entropy (phone numbers) can be recovered by whoever holds the salt and the hashes, so a baseline
 * is protected like the data it describes; the salt stops precomputed tables and cross-stream
 * comparison.
 */
final class ValueHash {

  private ValueHash() {}

  /** The salted hash of a value whose text hashes to {@code base}. */
  static long salted(long salt, int base) {
    long h = salt ^ (base & 0xffffffffL);
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** {@code String.valueOf(value).hashCode()}, without the string. */
  static int decimal(long value) {
    if (value == Long.MIN_VALUE) {
      return Long.toString(value).hashCode();
    }
    int h = 0;
    if (value < 0) {
      h = '-';
      value = -value;
    }
    long divisor = 1;
    while (divisor <= value / 10) {
      divisor *= 10;
    }
    for (; divisor > 0; divisor /= 10) {
      h = 31 * h + (int) ('0' + (value / divisor) % 10);
    }
    return h;
  }

  /** Characters of {@code String.valueOf(value)}. */
  static int decimalLength(long value) {
    if (value == Long.MIN_VALUE) {
      return 20;
    }
    int length = value < 0 ? 2 : 1;
    for (long rest = Math.abs(value); rest >= 10; rest /= 10) {
      length++;
    }
    return length;
  }

  /** The hash of {@code a + separator + b} from the hash of {@code a} and the hash and length of {@code b}. */
  static int concat(int a, String separator, int b, int lengthB) {
    int h = a;
    for (int i = 0; i < separator.length(); i++) {
      h = 31 * h + separator.charAt(i);
    }
    return h * pow31(lengthB) + b;
  }

  /** {@code text.substring(from, to).hashCode()}, without the substring. */
  static int range(String text, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + text.charAt(i);
    }
    return h;
  }

  private static int pow31(int n) {
    int result = 1;
    int base = 31;
    while (n > 0) {
      if ((n & 1) != 0) {
        result *= base;
      }
      base *= base;
      n >>= 1;
    }
    return result;
  }
}
