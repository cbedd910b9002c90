package io.cxhub.connector.stripe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a {@code Stripe-Signature} header ({@code t=<unix seconds>,v1=<hex>[,v1=<hex>...]}):
 * some {@code v1} must equal HMAC-SHA256 over {@code <t>.<raw body>} keyed with the endpoint's
 * signing secret (compared in constant time; several {@code v1} appear while a secret is rolled),
 * and {@code t} must lie within the tolerance of now, so a captured delivery cannot be replayed
 * later. Failure reasons never contain the secret or the expected signature. Stateless.
 */
final class StripeSignature {

  private StripeSignature() {}

  /** @return why the delivery is rejected, or empty when it is genuine */
  static Optional<String> verify(String header, byte[] body, String secret, Duration tolerance, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.of("no Stripe-Signature header");
    }
    Long timestamp = null;
    List<byte[]> signatures = new ArrayList<>();
    for (String part : header.split(",")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = part.substring(0, eq).trim();
      String value = part.substring(eq + 1).trim();
      if (key.equals("t")) {
        try {
          timestamp = Long.parseLong(value);
        } catch (NumberFormatException e) {
          return Optional.of("Stripe-Signature timestamp is not a number");
        }
      } else if (key.equals("v1")) {
        try {
          signatures.add(HexFormat.of().parseHex(value));
        } catch (IllegalArgumentException e) {
          // a malformed signature simply matches nothing
        }
      }
    }
    if (timestamp == null) {
      return Optional.of("Stripe-Signature has no timestamp (t=)");
    }
    if (signatures.isEmpty()) {
      return Optional.of("Stripe-Signature has no v1 signature");
    }
    byte[] expected = hmac(secret, timestamp, body);
    boolean match = false;
    for (byte[] s : signatures) {
      match |= MessageDigest.isEqual(expected, s);
    }
    if (!match) {
      return Optional.of("no v1 signature matches the payload (wrong signing secret, or a modified body)");
    }
    long age = now.getEpochSecond() - timestamp;
    if (Math.abs(age) > tolerance.toSeconds()) {
      return Optional.of("signed timestamp is " + age + "s from now, outside the tolerance of "
          + tolerance.toSeconds() + "s (a replayed or delayed delivery)");
    }
    return Optional.empty();
  }

  static byte[] hmac(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
