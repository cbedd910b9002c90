package io.cxhub.connector.genesys;

import io.cxhub.spi.config.ConfigDef;
import io.cxhub.spi.config.ConfigOption;
import io.cxhub.spi.config.ConfigType;
import java.time.Duration;
import java.util.regex.Pattern;

/** The options of a {@code genesys} instance; also the parameters of its route template. */
final class GenesysConfig {

  static final String REGION = "region";
  static final String LOGIN_URL = "loginUrl";
  static final String API_URL = "apiUrl";
  static final String CLIENT_ID = "clientId";
  static final String CLIENT_SECRET = "clientSecret";
  static final String PAGE_SIZE = "pageSize";
  static final String SCHEDULE = "schedule";
  static final String INITIAL_LOOKBACK = "initialLookback";
  static final String SETTLE_TIME = "settleTime";
  static final String OPEN_LOOKBACK = "openLookback";
  static final String SYSTEM = "system";

  static final String DEFAULT_SCHEDULE = "0/30 * * * * ?";

  private static final Pattern REGION_DOMAIN = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*\\.[a-z]{2,}");
  private static final Pattern HTTP_URL = Pattern.compile("https?://[^\\s/?#]+(/[^\\s?#]*)?");

  static final ConfigDef DEF = ConfigDef.of(
      ConfigOption.of(REGION, ConfigType.STRING).withDefault("mypurecloud.com")
          .withValidation(v -> REGION_DOMAIN.matcher(v.toString()).matches(),
              "a Genesys Cloud region domain such as mypurecloud.com, mypurecloud.ie or usw2.pure.cloud")
          .withDescription("Genesys Cloud region domain; login and API hosts are login.<region> and api.<region> "
              + "unless loginUrl / apiUrl are given"),
      ConfigOption.of(LOGIN_URL, ConfigType.STRING)
          .withValidation(v -> HTTP_URL.matcher(v.toString()).matches(), "an http(s) URL such as https://login.mypurecloud.com")
          .withDescription("Base URL of the OAuth login service (overrides the region), e.g. a simulator's URL"),
      ConfigOption.of(API_URL, ConfigType.STRING)
          .withValidation(v -> HTTP_URL.matcher(v.toString()).matches(), "an http(s) URL such as https://api.mypurecloud.com")
          .withDescription("Base URL of the Platform API (overrides the region), e.g. a simulator's URL"),
      ConfigOption.of(CLIENT_ID, ConfigType.STRING).asRequired()
          .withDescription("Client id of an OAuth client-credentials client with analytics:conversationDetail:view"),
      ConfigOption.of(CLIENT_SECRET, ConfigType.PASSWORD).asRequired().asSecret()
          .withDescription("Secret of that OAuth client; never logged or shown"),
      ConfigOption.of(PAGE_SIZE, ConfigType.INT).withDefault(100)
          .withValidation(v -> ((Number) v).intValue() >= 1 && ((Number) v).intValue() <= 100, "an integer from 1 to 100")
          .withDescription("Conversations per details-query page (Genesys allows at most 100); each page is one "
              + "list of records handed to the hub"),
      ConfigOption.of(SCHEDULE, ConfigType.STRING).withDefault(DEFAULT_SCHEDULE)
          .withValidation(v -> v.toString().trim().split("\\s+").length >= 6,
              "a Quartz cron expression with 6 or 7 fields, e.g. 0/30 * * * * ?")
          .withDescription("When to poll, as a Quartz cron expression; polls never overlap"),
      ConfigOption.of(INITIAL_LOOKBACK, ConfigType.DURATION).withDefault(Duration.ofDays(30))
          .withValidation(v -> ((Duration) v).compareTo(Duration.ofMinutes(1)) >= 0
              && ((Duration) v).compareTo(Duration.ofDays(366)) <= 0, "a duration from 1m to 366d")
          .withDescription("How far back the first read of an instance (no committed cursor) starts"),
      ConfigOption.of(SETTLE_TIME, ConfigType.DURATION).withDefault(Duration.ofMinutes(2))
          .withValidation(v -> !((Duration) v).isNegative() && ((Duration) v).compareTo(Duration.ofHours(6)) <= 0,
              "a duration from 0s to 6h")
          .withDescription("Analytics data lags the live conversation: conversations that started less than this "
              + "ago are left for the next poll, and the check for newly ended conversations overlaps by as much"),
      ConfigOption.of(OPEN_LOOKBACK, ConfigType.DURATION).withDefault(Duration.ofDays(2))
          .withValidation(v -> ((Duration) v).compareTo(Duration.ofMinutes(1)) >= 0
              && ((Duration) v).compareTo(Duration.ofDays(31)) <= 0, "a duration from 1m to 31d")
          .withDescription("Each poll re-reads conversations that started this far back and emits those that "
              + "ended since the previous poll; a conversation open longer than this is not re-read when it ends"),
      ConfigOption.of(SYSTEM, ConfigType.STRING).withDefault("genesys")
          .withDescription("The system name put on emitted records (the mappings/<system>/ folder they use)"));

  private GenesysConfig() {}
}
