package io.cxhub.decisions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic holdout (control) groups. A customer's bucket for a use case is the first 8 bytes
 * of SHA-256({@code useCaseId + ":" + profileId}) modulo 10 000, so it is the same on every node
 * and JVM, and it depends on nothing but the two ids: changing one use case's percent moves no one
 * in any other use case, and raising a percent only adds customers to the group (a customer in a
 * 5 % group is also in the 10 % group). Thread-safe; no state.
 */
public final class Holdouts {

  /** Buckets per use case: a percent has a resolution of 0.01 pp. */
  public static final int BUCKETS = 10_000;

  private Holdouts() {}

  /** The customer's bucket for the use case, in {@code [0, 10 000)}. */
  public static int bucket(String useCaseId, String profileId) {
    byte[] digest = sha256().digest((useCaseId + ":" + profileId).getBytes(StandardCharsets.UTF_8));
    long high = 0;
    for (int i = 0; i < 8; i++) {
      high = (high << 8) | (digest[i] & 0xff);
    }
    return (int) Long.remainderUnsigned(high, BUCKETS);
  }

  /** Whether the customer is in the use case's control group at the given percent (0..100). */
  public static boolean inHoldout(String useCaseId, String profileId, double percent) {
    return bucket(useCaseId, profileId) < threshold(percent);
  }

  /** Whether the candidate's customer is in its use case's control group. */
  public static boolean inHoldout(Candidate candidate) {
    return inHoldout(candidate.useCaseId(), candidate.profileId(), candidate.holdoutPercent());
  }

  static int threshold(double percent) {
    return (int) Math.round(percent * 100);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
