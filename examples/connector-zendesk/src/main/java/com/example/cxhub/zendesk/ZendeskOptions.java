package com.example.cxhub.zendesk;

import io.cxhub.spi.config.ConfigDef;
import io.cxhub.spi.config.ConfigOption;
import io.cxhub.spi.config.ConfigType;

/**
 * The options of a {@code zendesk} instance; also the parameters of its route template. The hub
 * validates an instance's parameters against {@link #DEF} before anything starts, and the
 * reference in {@code docs/reference/connectors.md} is generated from it.
 */
final class ZendeskOptions {

  static final String BASE_URL = "baseUrl";
  static final String EMAIL = "email";
  static final String API_TOKEN = "apiToken";
  static final String OAUTH_TOKEN = "oauthToken";
  static final String START_TIME = "startTime";
  static final String PER_PAGE = "perPage";
  static final String INCLUDE_USERS = "includeUsers";
  static final String SCHEDULE = "schedule";
  static final String SYSTEM = "system";

  /** Every minute: the incremental export endpoints allow 10 requests a minute. */
  static final String DEFAULT_SCHEDULE = "0 * * * * ?";

  static final ConfigDef DEF = ConfigDef.of(
      ConfigOption.of(BASE_URL, ConfigType.STRING).asRequired()
          .withValidation(v -> v.toString().matches("https?://[^/?#\\s]+/?"),
              "an http(s) URL without a path, e.g. https://acme.zendesk.com")
          .withDescription("Base URL of the Zendesk account, e.g. https://acme.zendesk.com"),
      ConfigOption.of(EMAIL, ConfigType.STRING)
          .withValidation(v -> v.toString().contains("@"), "an e-mail address")
          .withDescription("E-mail of the agent the API token belongs to; used with apiToken "
              + "(Basic auth as {email}/token:{apiToken})"),
      ConfigOption.of(API_TOKEN, ConfigType.PASSWORD)
          .withDescription("Zendesk API token (Admin Center > Apps and integrations > Zendesk API); "
              + "give either email and apiToken, or oauthToken"),
      ConfigOption.of(OAUTH_TOKEN, ConfigType.PASSWORD)
          .withDescription("OAuth access token with the read scope, sent as a Bearer token; used instead of "
              + "email and apiToken"),
      ConfigOption.of(START_TIME, ConfigType.LONG).withDefault(0L)
          .withValidation(v -> ((Number) v).longValue() >= 0, "a Unix time in seconds, 0 or more")
          .withDescription("Unix time (seconds) the first export starts from: tickets last changed before it are "
              + "not read. Used only until the hub has committed a cursor for the instance"),
      ConfigOption.of(PER_PAGE, ConfigType.INT).withDefault(1000)
          .withValidation(v -> ((Number) v).intValue() >= 1 && ((Number) v).intValue() <= 1000,
              "an integer from 1 to 1000")
          .withDescription("Tickets per export page (per_page); each page is one request and one list of records "
              + "handed to the hub"),
      ConfigOption.of(INCLUDE_USERS, ConfigType.BOOLEAN).withDefault(true)
          .withDescription("Side-load the users of each page (include=users) and add the requester's id, name and "
              + "e-mail to each ticket as a requester object"),
      ConfigOption.of(SCHEDULE, ConfigType.STRING).withDefault(DEFAULT_SCHEDULE)
          .withValidation(v -> v.toString().trim().split("\\s+").length >= 6,
              "a Quartz cron expression with 6 or 7 fields, e.g. 0 * * * * ?")
          .withDescription("When to poll, as a Quartz cron expression; a poll reads every page up to the end of "
              + "the stream, and polls never overlap"),
      ConfigOption.of(SYSTEM, ConfigType.STRING).withDefault(ZendeskConnector.ID)
          .withValidation(v -> v.toString().matches("[a-z][a-z0-9_-]*"), "a lower-case name")
          .withDescription("The system name put on emitted records (the mappings/<system>/ folder they use)"));

  private ZendeskOptions() {}
}
