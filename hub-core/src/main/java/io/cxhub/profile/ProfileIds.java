package io.cxhub.profile;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered profile ids (UUID version 7): generated without a round trip, unique across nodes,
 * and their order is creation order, which keyset paging and index locality both like.
 */
final class ProfileIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ProfileIds() {}

  static UUID next() {
    long millis = System.currentTimeMillis();
    long msb = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
    long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
