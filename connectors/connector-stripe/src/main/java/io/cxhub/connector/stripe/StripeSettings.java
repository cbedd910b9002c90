package io.cxhub.connector.stripe;

import io.cxhub.spi.config.ConnectorConfig;
import java.time.Duration;
import java.util.List;

/** A validated instance configuration, typed. {@link #toString()} leaves the secrets out. */
record StripeSettings(String apiBase, String apiKey, String webhookSecret, Duration webhookTolerance,
    List<String> streams, int pageSize) {

  static StripeSettings of(ConnectorConfig c) {
    String base = c.string(StripeOptions.API_BASE);
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String secret = c.string(StripeOptions.WEBHOOK_SECRET);
    return new StripeSettings(base, c.string(StripeOptions.API_KEY), secret == null || secret.isBlank() ? null : secret,
        c.duration(StripeOptions.WEBHOOK_TOLERANCE), c.list(StripeOptions.STREAMS), c.integer(StripeOptions.PAGE_SIZE));
  }

  @Override
  public String toString() {
    return "StripeSettings[apiBase=" + apiBase + ", apiKey=******, webhookSecret=" + (webhookSecret == null ? "<unset>" : "******")
        + ", webhookTolerance=" + webhookTolerance + ", streams=" + streams + ", pageSize=" + pageSize + "]";
  }
}
