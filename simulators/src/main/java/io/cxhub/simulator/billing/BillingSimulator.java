package io.cxhub.simulator.billing;

import io.cxhub.simulator.ChangeLoop;
import io.cxhub.simulator.people.People;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for a company's billing database (schema {@code billing}: customers, invoices,
 * payments) on a real PostgreSQL.
 *
 * <p>{@link #start()} creates the schema and seeds it once: a second start on the same database
 * keeps what is there. The seeded rows are a pure function of {@link BillingOptions}. While
 * {@link #startChanging(Duration)} runs, one background thread applies a round of live changes per
 * tick (see {@link BillingChanges} for why incremental readers miss none of them); {@link #tick()}
 * applies one round synchronously, for tests. Thread-safe.
 */
public final class BillingSimulator implements AutoCloseable {

  public static final String SCHEMA = BillingSchema.SCHEMA;

  private static final Logger log = LoggerFactory.getLogger(BillingSimulator.class);

  private final PGSimpleDataSource dataSource = new PGSimpleDataSource();
  private final BillingOptions options;
  private final People people;
  private final BillingChanges changes;
  private boolean resumed;
  private final ChangeLoop changeLoop = new ChangeLoop("billing-simulator");

  /** A simulator with {@link BillingOptions#defaults()}. */
  public BillingSimulator(String jdbcUrl) {
    this(jdbcUrl, BillingOptions.defaults());
  }

  /**
   * @param jdbcUrl a {@code jdbc:postgresql:} URL, credentials included as URL parameters if needed
   */
  public BillingSimulator(String jdbcUrl, BillingOptions options) {
    dataSource.setURL(jdbcUrl);
    dataSource.setReWriteBatchedInserts(true); // JDBC batches become multi-row inserts
    this.options = options;
    this.people = new People(options.seed());
    this.changes = new BillingChanges(people, options.seed());
  }

  public BillingOptions options() {
    return options;
  }

  /** The population the customers are drawn from (customer {@code cus_000001} is person 0). */
  public People people() {
    return people;
  }

  /**
   * Creates the schema if missing and seeds it if it holds no customers.
   *
   * @return true when this call seeded, false when data was already there
   */
  public synchronized boolean start() {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      BillingSchema.create(c);
      // serializes concurrent starts on the same database; released at commit
      try (Statement s = c.createStatement()) {
        s.execute("lock table billing.customers in exclusive mode");
      }
      boolean empty = count(c, "customers") == 0;
      if (empty) {
        long t0 = System.nanoTime();
        new BillingSeeder(options, people).seed(c);
        log.info("seeded billing database with {} customers in {} ms", options.customers(),
            (System.nanoTime() - t0) / 1_000_000);
      }
      c.commit();
      return empty;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot set up the billing database: " + e.getMessage(), e);
    }
  }

  /** Applies one round of live changes in one transaction. */
  public synchronized TickReport tick() {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      if (!resumed) {
        changes.resume(c);
        resumed = true;
      }
      TickReport report = changes.apply(c);
      c.commit();
      return report;
    } catch (SQLException e) {
      throw new IllegalStateException("billing simulator round failed: " + e.getMessage(), e);
    }
  }

  /** Starts applying a round of changes every {@code tick} on a daemon thread; no-op when running. */
  public void startChanging(Duration tick) {
    changeLoop.start(tick, this::tickLogged);
  }

  /** Stops the changes after the round in progress, if any. */
  public void stop() {
    changeLoop.stop();
  }

  @Override
  public void close() {
    stop();
  }

  /** Row counts of customers, invoices and payments, in that order. */
  public Map<String, Long> counts() {
    try (Connection c = dataSource.getConnection()) {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (String table : new String[] {"customers", "invoices", "payments"}) {
        counts.put(table, count(c, table));
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count billing rows: " + e.getMessage(), e);
    }
  }

  private void tickLogged() {
    try {
      tick();
    } catch (RuntimeException e) {
      // keep the schedule alive: the next round may well succeed (e.g. after a restart of PostgreSQL)
      log.warn("{}", e.getMessage());
    }
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from billing." + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
