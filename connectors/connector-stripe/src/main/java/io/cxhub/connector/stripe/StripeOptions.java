package io.cxhub.connector.stripe;

import io.cxhub.spi.config.ConfigDef;
import io.cxhub.spi.config.ConfigOption;
import io.cxhub.spi.config.ConfigType;
import java.time.Duration;
import java.util.List;

/** The options of a {@code stripe} instance; also the parameters of its route template. */
final class StripeOptions {

  static final String API_BASE = "apiBase";
  static final String API_KEY = "apiKey";
  static final String WEBHOOK_SECRET = "webhookSecret";
  static final String WEBHOOK_TOLERANCE = "webhookTolerance";
  static final String STREAMS = "streams";
  static final String PAGE_SIZE = "pageSize";
  static final String SCHEDULE = "schedule";

  static final String DEFAULT_SCHEDULE = "0/30 * * * * ?";

  static final ConfigDef DEF = ConfigDef.of(
      ConfigOption.of(API_BASE, ConfigType.STRING).withDefault("https://api.stripe.com")
          .withValidation(v -> v.toString().matches("https?://[^?#\\s]+"),
              "an http(s) URL without query, e.g. https://api.stripe.com")
          .withDescription("Base URL of the Stripe API; requests go to <apiBase>/v1/..."),
      ConfigOption.of(API_KEY, ConfigType.PASSWORD).asRequired()
          .withDescription("Secret or restricted API key (sk_... / rk_...) with read access to customers, "
              + "invoices, charges, subscriptions and events; never logged or shown"),
      ConfigOption.of(WEBHOOK_SECRET, ConfigType.PASSWORD)
          .withDescription("Signing secret (whsec_...) of the webhook endpoint registered in Stripe for "
              + "/webhooks/stripe/<instance>; without it the instance answers webhooks with 404 and only polls"),
      ConfigOption.of(WEBHOOK_TOLERANCE, ConfigType.DURATION).withDefault(Duration.ofSeconds(300))
          .withValidation(v -> ((Duration) v).toSeconds() >= 1 && ((Duration) v).compareTo(Duration.ofHours(1)) <= 0,
              "a duration from 1s to 1h")
          .withDescription("How far a webhook's signed timestamp may be from now before it is rejected as a replay"),
      ConfigOption.of(STREAMS, ConfigType.LIST).withDefault(StripeStreams.names())
          .withValidation(v -> !((List<?>) v).isEmpty()
                  && ((List<?>) v).stream().allMatch(s -> StripeStreams.named(s.toString()).isPresent()),
              "a non-empty comma-separated subset of " + String.join(",", StripeStreams.names()))
          .withDescription("Objects to read, each a stream named like its Stripe list"),
      ConfigOption.of(PAGE_SIZE, ConfigType.INT).withDefault(100)
          .withValidation(v -> ((Number) v).intValue() >= 1 && ((Number) v).intValue() <= 100, "an integer from 1 to 100")
          .withDescription("Objects per list request (Stripe's limit parameter, at most 100)"),
      ConfigOption.of(SCHEDULE, ConfigType.STRING).withDefault(DEFAULT_SCHEDULE)
          .withValidation(v -> v.toString().trim().split("\\s+").length >= 6,
              "a Quartz cron expression with 6 or 7 fields, e.g. 0/30 * * * * ?")
          .withDescription("When to poll, as a Quartz cron expression; polls never overlap"));

  private StripeOptions() {}
}
