package io.cxhub.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work in one transaction and retries it when it lost a race with another writer. This is the
 * one place that decides which database errors are worth a retry.
 */
public final class Transactions {

  private static final Logger log = LoggerFactory.getLogger(Transactions.class);

  /**
   * unique_violation (another writer inserted the same key first), foreign_key_violation (another
   * writer merged away the profile this one was linking to), serialization_failure,
   * deadlock_detected: all mean "someone else won", and a fresh attempt sees their rows.
   */
  private static final Set<String> RETRYABLE = Set.of("23505", "23503", "40001", "40P01");

  private final DataSource dataSource;
  private final int maxAttempts;

  public Transactions(DataSource dataSource, int maxAttempts) {
    this.dataSource = dataSource;
    this.maxAttempts = maxAttempts;
  }

  public Transactions(DataSource dataSource) {
    this(dataSource, 6);
  }

  /** Work inside a transaction; it may run more than once, so it must not keep state between runs. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} and commits; on a retryable conflict rolls back, waits a short random time
   * that grows with each attempt, and runs it again.
   *
   * @param what what the work does, for errors ("write a batch of 500 records")
   */
  public <T> T inTransaction(String what, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return runOnce(work);
      } catch (SQLException | RuntimeException e) {
        if (isRetryable(e) && attempt < maxAttempts) {
          log.debug("{}: attempt {} lost a race ({}), retrying", what, attempt, e.getMessage());
          backoff(attempt);
          continue;
        }
        if (e instanceof RuntimeException re && !(e instanceof ConcurrentChangeException)) {
          throw re; // the work's own verdict (bad argument, wrong state): not a database failure
        }
        String state = e instanceof SQLException sql ? " [SQLState " + sql.getSQLState() + "]" : "";
        throw new StoreException("cannot " + what + " (attempt " + attempt + " of " + maxAttempts + "): "
            + e.getMessage() + state, e);
      }
    }
  }

  private <T> T runOnce(Work<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      }
    }
  }

  static boolean isRetryable(Throwable e) {
    if (e instanceof ConcurrentChangeException) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException s = sql; s != null; s = s.getNextException()) {
          if (s.getSQLState() != null && RETRYABLE.contains(s.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static void backoff(int attempt) {
    long millis = ThreadLocalRandom.current().nextLong(5, 20L * attempt + 6);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting to retry", e);
    }
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
