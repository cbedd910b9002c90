package io.cxhub.connector.salesforce;

import io.cxhub.spi.config.ConfigDef;
import io.cxhub.spi.config.ConfigOption;
import io.cxhub.spi.config.ConfigType;
import java.util.List;

/** The options of a {@code salesforce} instance; also the parameters of its route templates. */
final class SalesforceOptions {

  static final String LOGIN_URL = "loginUrl";
  static final String AUTHENTICATION_TYPE = "authenticationType";
  static final String CLIENT_ID = "clientId";
  static final String CLIENT_SECRET = "clientSecret";
  static final String USER_NAME = "userName";
  static final String PASSWORD = "password";
  static final String API_VERSION = "apiVersion";
  static final String STREAMS = "streams";
  static final String SCHEDULE = "schedule";
  static final String SYSTEM = "system";

  static final String DEFAULT_SCHEDULE = "0/30 * * * * ?";
  static final List<String> AUTHENTICATION_TYPES = List.of("USERNAME_PASSWORD", "CLIENT_CREDENTIALS");

  static final ConfigDef DEF = ConfigDef.of(
      ConfigOption.of(LOGIN_URL, ConfigType.STRING).withDefault("https://login.salesforce.com")
          .withValidation(v -> v.toString().matches("https?://[^\\s/]+(/.*)?"), "an http(s) URL such as https://login.salesforce.com")
          .withDescription("OAuth login URL: https://login.salesforce.com, https://test.salesforce.com for a sandbox, "
              + "or the org's My Domain URL (required for the client-credentials flow)"),
      ConfigOption.of(AUTHENTICATION_TYPE, ConfigType.STRING).withDefault("USERNAME_PASSWORD")
          .withValidation(v -> AUTHENTICATION_TYPES.contains(v.toString()), "one of " + String.join(", ", AUTHENTICATION_TYPES))
          .withDescription("OAuth 2 flow: USERNAME_PASSWORD (client id and secret plus user name and password) or "
              + "CLIENT_CREDENTIALS (client id and secret of a connected app with a run-as user)"),
      ConfigOption.of(CLIENT_ID, ConfigType.STRING).asRequired()
          .withDescription("Consumer key of the connected app"),
      ConfigOption.of(CLIENT_SECRET, ConfigType.PASSWORD).asRequired()
          .withDescription("Consumer secret of the connected app; never logged or shown"),
      ConfigOption.of(USER_NAME, ConfigType.STRING)
          .withDescription("Integration user for the USERNAME_PASSWORD flow"),
      ConfigOption.of(PASSWORD, ConfigType.PASSWORD)
          .withDescription("Password of the integration user, with its security token appended when the org "
              + "requires one (USERNAME_PASSWORD flow); never logged or shown"),
      ConfigOption.of(API_VERSION, ConfigType.STRING).withDefault("62.0")
          .withValidation(v -> v.toString().matches("\\d{2,3}\\.0"), "a REST API version such as 62.0")
          .withDescription("Salesforce REST API version"),
      ConfigOption.of(STREAMS, ConfigType.LIST).withDefault(SalesforceStreams.names())
          .withValidation(v -> !((List<?>) v).isEmpty()
                  && ((List<?>) v).stream().allMatch(s -> SalesforceStreams.named(s.toString()).isPresent()),
              "a non-empty comma-separated subset of " + String.join(",", SalesforceStreams.names()))
          .withDescription("sObjects to read, each emitted as a stream: contacts, accounts, cases, opportunities"),
      ConfigOption.of(SCHEDULE, ConfigType.STRING).withDefault(DEFAULT_SCHEDULE)
          .withValidation(v -> v.toString().trim().split("\\s+").length >= 6,
              "a Quartz cron expression with 6 or 7 fields, e.g. 0/30 * * * * ?")
          .withDescription("When to poll, as a Quartz cron expression; polls never overlap"),
      ConfigOption.of(SYSTEM, ConfigType.STRING).withDefault("salesforce")
          .withDescription("The system name put on emitted records (the mappings/<system>/ folder they use)"));

  private SalesforceOptions() {}
}
