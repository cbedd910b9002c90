package io.cxhub.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The profile store: a HikariCP pool on PostgreSQL whose schema is brought up to date by the
 * migrations in {@code db/migration} when it opens. Thread-safe; close it once at shutdown.
 */
public final class Database implements AutoCloseable {

  private final HikariDataSource pool;

  private Database(HikariDataSource pool) {
    this.pool = pool;
  }

  /**
   * Connects and migrates.
   *
   * @param user null when the URL carries it
   * @param password null when the URL carries it or none is needed; never appears in errors
   * @throws StoreException naming the URL (passwords removed) when the database is unreachable or a
   *     migration fails
   */
  public static Database open(String jdbcUrl, String user, String password, int maxPoolSize) {
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("maxPoolSize " + maxPoolSize + ": expected at least 1");
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(maxPoolSize);
    config.setPoolName("cxhub-store");
    config.setConnectionTimeout(10_000);
    // JDBC batches (addBatch) go out as multi-row inserts instead of one statement per row
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot connect to PostgreSQL at " + redact(jdbcUrl) + " as user "
          + (user == null ? "(from URL)" : user) + ": " + rootMessage(e), e);
    }
    try {
      Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
    } catch (FlywayException e) {
      pool.close();
      throw new StoreException("cannot migrate the schema of " + redact(jdbcUrl) + ": " + rootMessage(e), e);
    }
    return new Database(pool);
  }

  public DataSource dataSource() {
    return pool;
  }

  @Override
  public void close() {
    pool.close();
  }

  /** The URL without any {@code password=} parameter, fit for logs and errors. */
  static String redact(String jdbcUrl) {
    return jdbcUrl == null ? "null" : jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
