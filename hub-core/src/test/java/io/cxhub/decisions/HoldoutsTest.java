package io.cxhub.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldoutsTest {

  private static final int CUSTOMERS = 100_000;

  @Test
  void sameCustomerSameGroupAcrossCallsAndPinnedAcrossJvms() {
    for (int i = 0; i < 1000; i++) {
      String p = "p-" + i;
      assertEquals(Holdouts.bucket("retention", p), Holdouts.bucket("retention", p));
    }
    // pinned values: SHA-256 does not depend on the JVM, String.hashCode-based schemes might
    // change with the implementation; a change here reshuffles every control group in production
    assertEquals(pinned("retention", "p-1"), Holdouts.bucket("retention", "p-1"));
    assertEquals(pinned("payment-reminder", "42"), Holdouts.bucket("payment-reminder", "42"));
  }

  /** The bucket computed independently of {@link Holdouts}, from the documented definition. */
  private static int pinned(String useCase, String profile) {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest((useCase + ":" + profile).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return new java.math.BigInteger(1, java.util.Arrays.copyOf(d, 8))
          .mod(java.math.BigInteger.valueOf(10_000))
          .intValueExact();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void fractionOverAHundredThousandCustomersIsWithinHalfAPointOfTheTarget() {
    for (double percent : new double[] {1, 5, 10, 33.3, 50}) {
      int held = 0;
      for (int i = 0; i < CUSTOMERS; i++) {
        if (Holdouts.inHoldout("retention", "customer-" + i, percent)) {
          held++;
        }
      }
      double actual = 100.0 * held / CUSTOMERS;
      assertTrue(
          Math.abs(actual - percent) <= 0.5, "target " + percent + " %, got " + actual + " %");
    }
  }

  @Test
  void changingUseCaseBsPercentMovesNoOneInUseCaseA() {
    List<Boolean> before = new ArrayList<>();
    List<Boolean> after = new ArrayList<>();
    // the candidate of A is the same; B's percent is what changes between the runs
    for (double bPercent : new double[] {5, 40}) {
      List<Boolean> into = bPercent == 5 ? before : after;
      for (int i = 0; i < 20_000; i++) {
        String p = "customer-" + i;
        Candidate b = new Candidate(p, "B", "o", List.of("sms"), 1, 1, bPercent);
        Holdouts.inHoldout(b);
        into.add(Holdouts.inHoldout(new Candidate(p, "A", "o", List.of("sms"), 1, 1, 10)));
      }
    }
    assertEquals(before, after);
    // and groups of different use cases are independent: about 10 % of A's group is in B's 10 %
    int both = 0;
    int inA = 0;
    for (int i = 0; i < CUSTOMERS; i++) {
      String p = "customer-" + i;
      if (Holdouts.inHoldout("A", p, 10)) {
        inA++;
        if (Holdouts.inHoldout("B", p, 10)) {
          both++;
        }
      }
    }
    double overlap = 100.0 * both / inA;
    assertTrue(Math.abs(overlap - 10) < 1.5, "overlap " + overlap + " %");
  }

  @Test
  void raisingAPercentOnlyAddsCustomers() {
    for (int i = 0; i < 20_000; i++) {
      String p = "customer-" + i;
      if (Holdouts.inHoldout("A", p, 5)) {
        assertTrue(Holdouts.inHoldout("A", p, 10), p);
      }
    }
  }

  @Test
  void zeroAndHundredPercent() {
    for (int i = 0; i < 1000; i++) {
      assertEquals(false, Holdouts.inHoldout("A", "c" + i, 0));
      assertEquals(true, Holdouts.inHoldout("A", "c" + i, 100));
    }
  }
}
