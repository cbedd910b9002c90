package io.cxhub.connector.qualtrics;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticates webhook events. Qualtrics sends events as plain form posts to the subscription's
 * publication URL and signs nothing, so the connector puts a signature into that URL: the hex
 * HMAC-SHA256 of the instance id under the shared key, as query parameter {@code signature}. An
 * event without it did not come through this instance's subscription. (The event only names a
 * response; its content is always fetched from the API with the token, never taken from the post.)
 */
final class WebhookSignature {

  static final String PARAM = "signature";

  private WebhookSignature() {}

  static String of(String sharedKey, String instance) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(sharedKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(("qualtrics-webhook:" + instance).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** Constant-time comparison of a given signature with the expected one. */
  static boolean valid(String sharedKey, String instance, String given) {
    if (given == null) {
      return false;
    }
    return MessageDigest.isEqual(of(sharedKey, instance).getBytes(StandardCharsets.UTF_8),
        given.trim().toLowerCase().getBytes(StandardCharsets.UTF_8));
  }
}
