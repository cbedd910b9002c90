package io.cxhub.drift;

/**
 * Salted 64-bit hashes of values, so that values can be compared across fields and time without
 * keeping them. The text is compared trimmed and lower-cased; a concatenation can be hashed piece
 * by piece ({@link #start}, {@link #feed}, {@link #finish}) without building the string. Integral
 * numbers hash as their decimal text, so {@code 12} and {@code "12"} match. FNV-1a over UTF-16
 * units with a murmur3 finalizer: fast and well spread, not cryptographic; the salt (kept with the
 * baseline) stops anyone from confirming a guessed value against a stored hash without it.
 */
final class ValueHash {

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private ValueHash() {}

  static long of(long salt, CharSequence text) {
    return finish(feed(start(salt), text));
  }

  static long ofLong(long salt, long value) {
    return finish(feedLong(start(salt), value));
  }

  static long start(long salt) {
    return FNV_OFFSET ^ salt;
  }

  /** Feeds {@code text} trimmed and lower-cased. */
  static long feed(long hash, CharSequence text) {
    return feed(hash, text, 0, text.length());
  }

  /** Feeds {@code text[from, to)} trimmed and lower-cased. */
  static long feed(long hash, CharSequence text, int from, int to) {
    while (from < to && text.charAt(from) <= ' ') {
      from++;
    }
    while (to > from && text.charAt(to - 1) <= ' ') {
      to--;
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      } else if (c > 127) {
        c = Character.toLowerCase(c);
      }
      hash = (hash ^ c) * FNV_PRIME;
    }
    return hash;
  }

  /** Feeds a separator as is (not trimmed). */
  static long feedRaw(long hash, String text) {
    for (int i = 0; i < text.length(); i++) {
      hash = (hash ^ text.charAt(i)) * FNV_PRIME;
    }
    return hash;
  }

  /** Feeds the decimal text of {@code value} without allocating. */
  static long feedLong(long hash, long value) {
    if (value < 0) {
      hash = (hash ^ '-') * FNV_PRIME;
      if (value == Long.MIN_VALUE) {
        return feed(hash, "9223372036854775808");
      }
      value = -value;
    }
    long divisor = 1;
    while (divisor <= value / 10) {
      divisor *= 10;
    }
    while (divisor > 0) {
      hash = (hash ^ ('0' + (value / divisor) % 10)) * FNV_PRIME;
      divisor /= 10;
    }
    return hash;
  }

  static long finish(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
