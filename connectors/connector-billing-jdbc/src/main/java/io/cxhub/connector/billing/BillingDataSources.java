package io.cxhub.connector.billing;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Connections to the billing database. A DataSource rather than {@code DriverManager}: the driver
 * lives in this plugin's class loader, which {@code DriverManager} does not consult.
 */
final class BillingDataSources {

  private static final int CONNECT_TIMEOUT_SECONDS = 10;
  private static final int SOCKET_TIMEOUT_SECONDS = 300;

  private BillingDataSources() {}

  static DataSource create(BillingSettings s) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(s.jdbcUrl());
    if (s.username() != null) {
      ds.setUser(s.username());
    }
    if (s.password() != null) {
      ds.setPassword(s.password());
    }
    ds.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
    ds.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
    ds.setSocketTimeout(SOCKET_TIMEOUT_SECONDS);
    ds.setReadOnly(true);
    ds.setApplicationName("cxhub billing-jdbc");
    return ds;
  }
}
