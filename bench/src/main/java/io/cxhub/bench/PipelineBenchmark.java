package io.cxhub.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.cxhub.runtime.Hub;
import io.cxhub.runtime.HubOptions;
import io.cxhub.runtime.HubOverrides;
import io.cxhub.runtime.HubYaml;
import io.cxhub.spi.connector.HubEndpoints;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.store.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.camel.ProducerTemplate;

/**
 * Whole pipeline against the physical limit, in one run on one embedded PostgreSQL.
 *
 * <ol>
 *   <li>pipeline: a real {@link Hub} (shipped billing mappings, no plugins, no routes) receives N
 *       synthetic billing customers and 2N invoices on {@link HubEndpoints#INGEST} in pages of 500;
 *       timed from the first page until {@code stream_stats} counts every record as stored;
 *   <li>raw: the rows the pipeline produced in {@code profile}, {@code identity} and
 *       {@code profile_event} are read into memory and written again by a plain JDBC loop into copies
 *       of those tables, with batched upserts of 500 rows, one transaction per batch,
 *       {@code reWriteBatchedInserts=true}.
 * </ol>
 *
 * <p>Run from the repository root (it copies {@code mappings/}; or pass {@code -Dcxhub.mappings=…}; with
 * {@code -Dcxhub.traits=traits} the hub also keeps the shipped traits):
 * {@code java -cp 'bench/target/classes:bench/target/lib/*' io.cxhub.bench.PipelineBenchmark 20000}
 */
public final class PipelineBenchmark {

  private static final int PAGE = 500;
  private static final int BATCH = 500;
  private static final String[] FIRST = {"Anna", "Ben", "Chloé", "David", "Emma", "Felix", "Grace", "Hugo", "Ines",
      "Jonas", "Kim", "Liam", "Maria", "Noah", "Olivia", "Paul"};
  private static final String[] LAST = {"Smith", "Müller", "García", "O'Brien", "Nguyen", "Kowalski", "Rossi",
      "Dubois", "Jensen", "Tanaka", "Silva", "Cohen"};
  private static final String[] DOMAINS = {"Example.com", "MAIL.example.org", "corp.example.net", "example.io"};
  private static final String[] AREAS = {"415", "212", "312", "617", "646"};
  private static final String[] COUNTRIES = {"us", " US", "de ", "FR", "gb"};
  private static final String[] STATUSES = {"draft", "open", "paid", "paid", "void", "uncollectible"};

  private PipelineBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("bench.log", "warn"));
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
    Path mappings = Path.of(System.getProperty("cxhub.mappings", "mappings")).toAbsolutePath();
    if (!Files.isDirectory(mappings.resolve("billing"))) {
      throw new IllegalStateException(mappings + "/billing not found: run from the repository root or pass "
          + "-Dcxhub.mappings=/path/to/mappings");
    }
    // PostgreSQL runs as nobody when we are root: the directory must be reachable by others
    Path work = Files.createTempDirectory(Path.of("/tmp"), "cxhub-pipeline-bench-");
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path config = work.resolve("config");
    copyTree(mappings, config.resolve("mappings"));
    String traits = System.getProperty("cxhub.traits");
    if (traits != null) { // computed traits on the write path: -Dcxhub.traits=traits
      copyTree(Path.of(traits).toAbsolutePath(), config.resolve("traits"));
    }
    Files.createDirectories(config.resolve("routes"));
    Files.createDirectories(config.resolve("plugins"));

    List<RawRecord> customers = customers(n);
    List<RawRecord> invoices = invoices(n);
    List<List<RawRecord>> pages = new ArrayList<>();
    for (List<RawRecord> stream : List.of(customers, invoices)) {
      for (int i = 0; i < stream.size(); i += PAGE) {
        pages.add(List.copyOf(stream.subList(i, Math.min(stream.size(), i + PAGE))));
      }
    }
    long total = customers.size() + invoices.size();

    try (EmbeddedPostgres pg = EmbeddedPostgres.start(work.resolve("pg"), 0, false)) {
      pg.createDatabaseIfMissing("bench");
      String url = pg.jdbcUrl("bench");
      HubOptions options = HubYaml.load(config,
          new HubOverrides(0, work.resolve("data"), "bench-admin-token", url, Map.of()));

      // (a) the pipeline
      double pipelineSeconds;
      String cpuReport;
      long stored;
      long quarantined;
      try (Hub hub = Hub.start(options)) {
        ProducerTemplate producer = hub.camel().createProducerTemplate();
        Map<String, Long> cpuBefore = threadCpu();
        long t0 = System.nanoTime();
        for (List<RawRecord> page : pages) {
          producer.sendBody(HubEndpoints.INGEST, page);
        }
        long[] counts;
        try (Connection c = DriverManager.getConnection(url)) {
          long deadline = System.nanoTime() + 1_800_000_000_000L;
          while (true) {
            counts = streamCounts(c);
            if (counts[0] + counts[1] >= total) {
              break;
            }
            if (System.nanoTime() > deadline) {
              throw new IllegalStateException("pipeline did not finish in 30 min: " + counts[0] + " stored, "
                  + counts[1] + " quarantined of " + total);
            }
            Thread.sleep(20);
          }
        }
        pipelineSeconds = (System.nanoTime() - t0) / 1e9;
        cpuReport = cpuReport(cpuBefore, threadCpu(), pipelineSeconds);
        stored = counts[0];
        quarantined = counts[1];
        producer.stop();
      }

      // (b) the raw limit: the same final rows, plain JDBC
      String rawUrl = url + "&reWriteBatchedInserts=true";
      Table profile = new Table("profile",
          "select id, created_at, updated_at, attributes::text from profile order by id",
          "insert into bench_profile (id, created_at, updated_at, attributes) values (?, ?, ?, ?::jsonb)"
              + " on conflict (id) do update set updated_at = excluded.updated_at, attributes = excluded.attributes",
          4);
      Table identity = new Table("identity",
          "select key_type, key_value, profile_id, system, first_seen from identity order by key_type, key_value",
          "insert into bench_identity (key_type, key_value, profile_id, system, first_seen) values (?, ?, ?, ?, ?)"
              + " on conflict (key_type, key_value) do update set profile_id = excluded.profile_id",
          5);
      Table event = new Table("profile_event",
          "select system, entity, source_id, stream, profile_id, occurred_at, data::text, content_hash, recorded_at,"
              + " updated_at from profile_event order by id",
          "insert into bench_profile_event (system, entity, source_id, stream, profile_id, occurred_at, data,"
              + " content_hash, recorded_at, updated_at) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)"
              + " on conflict (system, entity, source_id) do update set profile_id = excluded.profile_id,"
              + " occurred_at = excluded.occurred_at, data = excluded.data, content_hash = excluded.content_hash,"
              + " updated_at = excluded.updated_at",
          10);
      List<Table> tables = List.of(profile, identity, event);
      try (Connection c = DriverManager.getConnection(rawUrl)) {
        for (Table t : tables) {
          t.rows = read(c, t.select, t.columns);
          try (Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_" + t.name);
            s.execute("create table bench_" + t.name + " (like " + t.name + " including all)");
          }
        }
        c.setAutoCommit(false);
        long t0 = System.nanoTime();
        for (Table t : tables) {
          long t1 = System.nanoTime();
          try (PreparedStatement ps = c.prepareStatement(t.upsert)) {
            for (int i = 0; i < t.rows.size(); i += BATCH) {
              for (Object[] row : t.rows.subList(i, Math.min(t.rows.size(), i + BATCH))) {
                for (int k = 0; k < row.length; k++) {
                  ps.setObject(k + 1, row[k]);
                }
                ps.addBatch();
              }
              ps.executeBatch();
              c.commit();
            }
          }
          t.seconds = (System.nanoTime() - t1) / 1e9;
        }
        double rawSeconds = (System.nanoTime() - t0) / 1e9;
        c.setAutoCommit(true);
        for (Table t : tables) {
          long copied = count(c, "select count(*) from bench_" + t.name);
          if (copied != t.rows.size()) {
            throw new IllegalStateException("bench_" + t.name + " has " + copied + " rows, expected " + t.rows.size());
          }
        }
        report(n, total, stored, quarantined, pipelineSeconds, rawSeconds, tables);
        System.out.println();
        System.out.println(cpuReport);
      }
    } finally {
      deleteQuietly(work);
    }
  }

  private static void report(int n, long total, long stored, long quarantined, double pipelineSeconds,
      double rawSeconds, List<Table> tables) {
    long rows = tables.stream().mapToLong(t -> t.rows.size()).sum();
    double pipelineRate = total / pipelineSeconds;
    double rawRate = total / rawSeconds;
    System.out.println();
    System.out.printf(Locale.ROOT, "Whole pipeline: %d customers + %d invoices = %d source records (%d stored, %d quarantined)%n",
        n, 2L * n, total, stored, quarantined);
    System.out.printf(Locale.ROOT, "Final rows: %s = %d%n", tables.stream()
        .map(t -> t.name + " " + t.rows.size()).reduce((a, b) -> a + ", " + b).orElse(""), rows);
    System.out.println();
    System.out.println("| step | time (s) | rows written | source records/s |");
    System.out.println("|---|---|---|---|");
    System.out.printf(Locale.ROOT, "| (a) pipeline: INGEST -> map -> profile store | %.2f | %d | %,.0f |%n",
        pipelineSeconds, rows, pipelineRate);
    for (Table t : tables) {
      System.out.printf(Locale.ROOT, "|   raw upsert %s (%,.0f rows/s) | %.2f | %d | |%n", t.name,
          t.rows.size() / t.seconds, t.seconds, t.rows.size());
    }
    System.out.printf(Locale.ROOT, "| (b) raw JDBC upserts, same rows (%,.0f rows/s) | %.2f | %d | %,.0f |%n",
        rows / rawSeconds, rawSeconds, rows, rawRate);
    System.out.printf(Locale.ROOT, "| pipeline / raw | | | %.1f %% |%n", 100 * pipelineRate / rawRate);
  }

  /** CPU time per thread (names without their Camel sequence number), for "what dominates". */
  private static Map<String, Long> threadCpu() {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    Map<String, Long> cpu = new java.util.TreeMap<>();
    for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (info != null) {
        long t = mx.getThreadCpuTime(info.getThreadId());
        if (t > 0) {
          cpu.merge(info.getThreadName().replaceAll(" thread #\\d+ - ", " "), t, Long::sum);
        }
      }
    }
    return cpu;
  }

  private static String cpuReport(Map<String, Long> before, Map<String, Long> after, double seconds) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "JVM thread CPU during (a), %.2f s wall (GC and JIT threads are not Java threads and not listed):%n", seconds));
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 50_000_000L)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> out.append(String.format(Locale.ROOT, "  %-55s %6.2f s%n", e.getKey(), e.getValue() / 1e9)));
    return out.toString();
  }

  private static final class Table {
    final String name;
    final String select;
    final String upsert;
    final int columns;
    List<Object[]> rows;
    double seconds;

    Table(String name, String select, String upsert, int columns) {
      this.name = name;
      this.select = select;
      this.upsert = upsert;
      this.columns = columns;
    }
  }

  private static List<Object[]> read(Connection c, String sql, int columns) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        Object[] row = new Object[columns];
        for (int k = 0; k < columns; k++) {
          String type = rs.getMetaData().getColumnTypeName(k + 1);
          row[k] = "timestamptz".equals(type) ? rs.getObject(k + 1, OffsetDateTime.class) : rs.getObject(k + 1);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static long[] streamCounts(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select coalesce(sum(records), 0), coalesce(sum(quarantined), 0) from stream_stats")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  // ---- synthetic billing rows, shaped like the billing simulator's tables and as messy as real ones

  static List<RawRecord> customers(int n) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    Random random = new Random(42);
    Instant base = Instant.parse("2024-01-01T00:00:00Z");
    List<RawRecord> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = String.format(Locale.ROOT, "cus_%07d", i);
      String first = FIRST[random.nextInt(FIRST.length)];
      String last = LAST[random.nextInt(LAST.length)];
      ObjectNode p = f.objectNode();
      p.put("customer_id", id);
      p.put("email", i % 11 == 5 ? null : messyEmail(first, last, i, random));
      p.put("first_name", random.nextInt(4) == 0 ? " " + first + " " : first);
      p.put("last_name", random.nextInt(5) == 0 ? last + "  " : last);
      p.put("phone", i % 7 == 3 ? null : messyPhone(i, random, phones));
      p.put("country", COUNTRIES[random.nextInt(COUNTRIES.length)]);
      Instant created = base.plus(i, ChronoUnit.MINUTES);
      p.put("created_at", created.toString());
      p.put("updated_at", created.plus(random.nextInt(90 * 24), ChronoUnit.HOURS).toString());
      out.add(new RawRecord("billing", "customers", id, created, p, null, null));
    }
    return out;
  }

  static List<RawRecord> invoices(int n) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    Random random = new Random(7);
    LocalDate day = LocalDate.parse("2024-02-01");
    Instant base = Instant.parse("2024-02-01T00:00:00Z");
    List<RawRecord> out = new ArrayList<>(2 * n);
    for (int k = 0; k < 2; k++) {
      for (int i = 0; i < n; i++) {
        int seq = k * n + i;
        String id = String.format(Locale.ROOT, "in_%08d", seq);
        ObjectNode p = f.objectNode();
        p.put("invoice_id", id);
        p.put("customer_id", String.format(Locale.ROOT, "cus_%07d", i));
        p.put("number", String.format(Locale.ROOT, "INV-%d-%06d", 2024 + k, i));
        long due = 500 + random.nextInt(500_000);
        String status = STATUSES[random.nextInt(STATUSES.length)];
        p.put("amount_due_cents", due);
        p.put("amount_paid_cents", "paid".equals(status) ? due : 0);
        p.put("currency", random.nextInt(3) == 0 ? " usd" : "USD");
        p.put("status", status);
        LocalDate issued = day.plusDays(seq % 365);
        p.put("issued_on", issued.toString());
        p.put("due_date", issued.plusDays(30).toString());
        Instant updated = base.plus(seq, ChronoUnit.MINUTES);
        p.put("paid_at", "paid".equals(status) ? updated.toString() : null);
        p.put("updated_at", updated.toString());
        out.add(new RawRecord("billing", "invoices", id, updated, p, null, null));
      }
    }
    return out;
  }

  private static String messyEmail(String first, String last, int i, Random random) {
    String local = (first + "." + last.replace("'", "")).replace("é", "e").replace("ü", "u").replace("í", "i") + i;
    String email = local + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
    return switch (random.nextInt(4)) {
      case 0 -> email.toUpperCase(Locale.ROOT);
      case 1 -> "  " + email + " ";
      case 2 -> email.toLowerCase(Locale.ROOT);
      default -> email;
    };
  }

  /** Unique per customer (a shared phone would merge profiles); only numbers libphonenumber calls valid. */
  private static String messyPhone(int i, Random random, PhoneNumberUtil phones) {
    String area = AREAS[i % AREAS.length];
    int rest = i / AREAS.length;
    String exchange = String.valueOf(234 + rest / 10_000);
    String line = String.format(Locale.ROOT, "%04d", rest % 10_000);
    try {
      if (!phones.isValidNumber(phones.parse(area + exchange + line, "US"))) {
        return null;
      }
    } catch (NumberParseException e) {
      return null;
    }
    return switch (random.nextInt(5)) {
      case 0 -> "(" + area + ") " + exchange + "-" + line;
      case 1 -> area + "." + exchange + "." + line;
      case 2 -> "+1 " + area + " " + exchange + " " + line;
      case 3 -> " 1-" + area + "-" + exchange + "-" + line + " ";
      default -> area + exchange + line;
    };
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not remove " + dir + ": " + e.getMessage());
    }
  }
}
