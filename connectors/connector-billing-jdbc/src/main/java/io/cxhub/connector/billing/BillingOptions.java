package io.cxhub.connector.billing;

import io.cxhub.spi.config.ConfigDef;
import io.cxhub.spi.config.ConfigOption;
import io.cxhub.spi.config.ConfigType;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** The options of a {@code billing-jdbc} instance; also the parameters of its route template. */
final class BillingOptions {

  static final String JDBC_URL = "jdbcUrl";
  static final String USERNAME = "username";
  static final String PASSWORD = "password";
  static final String SCHEMA = "schema";
  static final String STREAMS = "streams";
  static final String CURSOR_COLUMN = "cursorColumn";
  static final String SCHEDULE = "schedule";
  static final String BATCH_SIZE = "batchSize";
  static final String SETTLE_TIME = "settleTime";
  static final String SYSTEM = "system";

  static final String DEFAULT_SCHEDULE = "0/10 * * * * ?";

  // identifiers are spliced into SQL, so only plain lower-case names are accepted
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  static final ConfigDef DEF = ConfigDef.of(
      ConfigOption.of(JDBC_URL, ConfigType.STRING).asRequired()
          .withValidation(v -> v.toString().startsWith("jdbc:postgresql:"),
              "a JDBC URL starting with jdbc:postgresql: (the driver bundled with this connector)")
          .withDescription("JDBC URL of the billing database, e.g. jdbc:postgresql://db:5432/billing"),
      ConfigOption.of(USERNAME, ConfigType.STRING)
          .withDescription("Database user; may be omitted when the URL or the server supplies it"),
      ConfigOption.of(PASSWORD, ConfigType.PASSWORD)
          .withDescription("Password of the database user; never logged or shown"),
      ConfigOption.of(SCHEMA, ConfigType.STRING).withDefault("billing")
          .withValidation(v -> IDENTIFIER.matcher(v.toString()).matches(), "a lower-case SQL identifier")
          .withDescription("Database schema holding the customers, invoices and payments tables"),
      ConfigOption.of(STREAMS, ConfigType.LIST).withDefault(BillingStreams.names())
          .withValidation(v -> !((List<?>) v).isEmpty()
                  && ((List<?>) v).stream().allMatch(s -> BillingStreams.named(s.toString()).isPresent()),
              "a non-empty comma-separated subset of " + String.join(",", BillingStreams.names()))
          .withDescription("Tables to read, each emitted as a stream of the same name"),
      ConfigOption.of(CURSOR_COLUMN, ConfigType.STRING).withDefault("updated_at")
          .withValidation(v -> IDENTIFIER.matcher(v.toString()).matches(), "a lower-case SQL identifier")
          .withDescription("Timestamp column every table bumps on change; reads advance on (column, primary key)"),
      ConfigOption.of(SCHEDULE, ConfigType.STRING).withDefault(DEFAULT_SCHEDULE)
          .withValidation(v -> v.toString().trim().split("\\s+").length >= 6,
              "a Quartz cron expression with 6 or 7 fields, e.g. 0/10 * * * * ?")
          .withDescription("When to poll, as a Quartz cron expression; polls never overlap"),
      ConfigOption.of(BATCH_SIZE, ConfigType.INT).withDefault(500)
          .withValidation(v -> ((Number) v).longValue() >= 1 && ((Number) v).longValue() <= 10_000, "an integer from 1 to 10000")
          .withDescription("Rows per page; each page is one query and one list of records handed to the hub"),
      ConfigOption.of(SETTLE_TIME, ConfigType.DURATION).withDefault(Duration.ofSeconds(5))
          .withValidation(v -> !((Duration) v).isNegative() && ((Duration) v).compareTo(Duration.ofHours(1)) <= 0,
              "a duration from 0s to 1h")
          .withDescription("Rows changed more recently than this are left for the next poll, so a transaction "
              + "that stamped updated_at earlier but commits later is not skipped"),
      ConfigOption.of(SYSTEM, ConfigType.STRING).withDefault("billing")
          .withDescription("The system name put on emitted records (the mappings/<system>/ folder they use)"));

  private BillingOptions() {}
}
