package io.cxhub.connector.billing;

import io.cxhub.spi.config.ConnectorConfig;
import java.time.Duration;
import java.util.List;

/** A validated instance configuration, typed. {@link #toString()} leaves the password out. */
record BillingSettings(
    String jdbcUrl, String username, String password, String schema, List<String> streams,
    String cursorColumn, int batchSize, Duration settleTime, String system) {

  static BillingSettings of(ConnectorConfig c) {
    return new BillingSettings(c.string(BillingOptions.JDBC_URL), c.string(BillingOptions.USERNAME),
        c.string(BillingOptions.PASSWORD), c.string(BillingOptions.SCHEMA), c.list(BillingOptions.STREAMS),
        c.string(BillingOptions.CURSOR_COLUMN), c.integer(BillingOptions.BATCH_SIZE),
        c.duration(BillingOptions.SETTLE_TIME), c.string(BillingOptions.SYSTEM));
  }

  /** The URL as it may be logged: without its parameters, which can carry a password. */
  String safeUrl() {
    int q = jdbcUrl.indexOf('?');
    return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
  }

  @Override
  public String toString() {
    return "BillingSettings[url=" + safeUrl() + ", user=" + username + ", schema=" + schema + ", streams=" + streams
        + ", cursorColumn=" + cursorColumn + ", batchSize=" + batchSize + ", settleTime=" + settleTime
        + ", system=" + system + "]";
  }
}
