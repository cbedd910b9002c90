package io.cxhub.testkit;

import io.cxhub.store.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM, started on first use and stopped when the JVM exits.
 * Each test asks for a fresh database, so tests do not see each other's rows.
 */
public final class TestPostgres {

  private static final AtomicInteger databases = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        Path dir = Files.createTempDirectory("cxhub-test-pg-");
        dir.toFile().setExecutable(true, false);
        server = EmbeddedPostgres.start(dir.resolve("data"), 0, false);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }

  /** Creates a new, empty database and returns its JDBC URL. */
  public static String newDatabase(String prefix) {
    String name = (prefix + "_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet()).toLowerCase();
    server().createDatabaseIfMissing(name);
    return server().jdbcUrl(name);
  }
}
