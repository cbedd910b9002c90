package io.cxhub.connector.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.simulator.stripe.StripeSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StripeSignatureTest {

  private static final String SECRET = "whsec_unitTestSecret";
  private static final String BODY = "{\"id\":\"evt_1\",\"object\":\"event\"}";
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
  private static final Instant NOW = Instant.ofEpochSecond(1_760_000_000L);

  private static Optional<String> verify(String header, String body, Instant now) {
    return StripeSignature.verify(header, body.getBytes(StandardCharsets.UTF_8), SECRET, FIVE_MINUTES, now);
  }

  @Test
  void aSignatureMadeTheWayStripeMakesItVerifies() {
    assertEquals(Optional.empty(), verify(StripeSimulator.signatureHeader(SECRET, NOW.getEpochSecond(), BODY), BODY, NOW));
    // within the tolerance either way
    assertEquals(Optional.empty(), verify(StripeSimulator.signatureHeader(SECRET, NOW.getEpochSecond() - 299, BODY), BODY, NOW));
  }

  @Test
  void anyOfSeveralV1SignaturesMayMatchAndV0IsIgnored() {
    long t = NOW.getEpochSecond();
    String header = "t=" + t + ",v0=" + StripeSimulator.hmacHex(SECRET, t + "." + BODY) + ",v1=deadbeef,v1="
        + StripeSimulator.hmacHex(SECRET, t + "." + BODY);
    assertEquals(Optional.empty(), verify(header, BODY, NOW));
    String onlyV0 = "t=" + t + ",v0=" + StripeSimulator.hmacHex(SECRET, t + "." + BODY);
    assertTrue(verify(onlyV0, BODY, NOW).orElseThrow().contains("no v1"));
  }

  @Test
  void rejectionsSayWhyWithoutTheSecret() {
    long t = NOW.getEpochSecond();
    for (Optional<String> r : new Optional[] {
        verify(null, BODY, NOW),
        verify("", BODY, NOW),
        verify("v1=abc", BODY, NOW),
        verify("t=abc,v1=abc", BODY, NOW),
        verify(StripeSimulator.signatureHeader("whsec_other", t, BODY), BODY, NOW),
        verify(StripeSimulator.signatureHeader(SECRET, t, BODY), BODY + " ", NOW),
        verify(StripeSimulator.signatureHeader(SECRET, t - 301, BODY), BODY, NOW),
        verify(StripeSimulator.signatureHeader(SECRET, t + 3600, BODY), BODY, NOW)}) {
      assertTrue(r.isPresent());
      assertFalse(r.get().contains(SECRET), r.get());
      assertFalse(r.get().contains(StripeSimulator.hmacHex(SECRET, t + "." + BODY)), "no expected signature in " + r.get());
    }
    assertTrue(verify(StripeSimulator.signatureHeader(SECRET, t - 301, BODY), BODY, NOW).get().contains("tolerance"));
  }
}
