package io.cxhub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxhub.mapping.EntityRecord;
import io.cxhub.mapping.IdentityKey;
import io.cxhub.mapping.MappedRecord;
import io.cxhub.identity.IdentityRules;
import io.cxhub.profile.ProfileWriter;
import io.cxhub.taxonomy.Taxonomy;
import io.cxhub.profile.WriteResult;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.store.Database;
import io.cxhub.store.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Identity resolution and profile upserts with a large store (issue 5), against the raw limit in the
 * same run on the same database.
 *
 * <p>After a JIT warm-up on a scratch store, for each store size (default 10 000, then 1 000 000 customers), on
 * one embedded PostgreSQL:
 *
 * <ol>
 *   <li>seed: the customers go straight into {@code profile}, {@code identity} (≈ 2.77 keys each) and
 *       {@code profile_event} (two invoices each) by {@link SeededCustomers#seed}, then {@code vacuum analyze};
 *   <li>writer: rounds of 20 batches of 500 billing-customer records (fewer for a small store, see
 *       {@link Settings#batchesFor}) through {@link ProfileWriter#write},
 *       one call per batch. Each batch: 70 % customers of the store (half re-read unchanged, half with a
 *       changed {@code updated_at} and country), 25 % new customers, 5 % records that carry a store
 *       customer's id with the e-mail (or phone) of a customer created earlier in the run, which merges the
 *       two profiles. Records are built before the clock starts. The writer revisits the even-numbered
 *       customers of the store, the raw loop the odd ones, so neither changes the other's customers;
 *   <li>raw: the same mix from another generator, written by a plain JDBC loop as the rows that change
 *       (profiles of new, changed and surviving customers; identities of new customers and of the merged
 *       one), {@code insert … on conflict … do update}, one {@code executeBatch} per table and one
 *       transaction per batch, {@code reWriteBatchedInserts=true}. It reads nothing: profile ids of store
 *       customers are looked up before the clock starts, the merged-away profile is not deleted and no
 *       {@code profile_merge} row is written. Writer and raw rounds alternate (order flipped every round).
 * </ol>
 *
 * <p>Then: the server time of each statement ({@code pg_stat_statements}, per role: the writer connects as
 * {@code postgres}, the raw loop as {@code bench_raw}), EXPLAIN ANALYZE of the writer's identity lookup and
 * profile read for one batch, disk per profile by table and index, and the heap the writer retains.
 *
 * <p>Run from the repository root after {@code mvn -B -o -Pbench -pl bench -am package -DskipTests}:
 * {@code java -Xms1g -Xmx1g -cp 'bench/target/classes:bench/target/lib/*' io.cxhub.bench.IdentityScaleBenchmark 10000 1000000}
 * ({@code -Dbench.jitWarmup=4 -Dbench.warmup=2 -Dbench.rounds=7 -Dbench.batches=20} are the defaults). Data lives in
 * {@code /tmp/cxhub-identity-bench-*} and is removed at the end.
 */
public final class IdentityScaleBenchmark {

  private static final int BATCH = 500;
  private static final String PROFILE_UPSERT = "insert into profile (id, created_at, updated_at, attributes)"
      + " values (?, ?, ?, ?::jsonb) on conflict (id) do update set updated_at = excluded.updated_at,"
      + " attributes = excluded.attributes";
  private static final String IDENTITY_UPSERT = "insert into identity (key_type, key_value, profile_id, system,"
      + " first_seen) values (?, ?, ?, ?, ?) on conflict (key_type, key_value) do update"
      + " set profile_id = excluded.profile_id";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectNode NO_PAYLOAD = JsonNodeFactory.instance.objectNode();

  private IdentityScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("bench.log", "warn"));
    List<Integer> sizes = args.length == 0 ? List.of(10_000, 1_000_000) : Stream.of(args).map(Integer::valueOf).toList();
    Settings settings = new Settings(Integer.getInteger("bench.jitWarmup", 4), Integer.getInteger("bench.warmup", 2),
        Integer.getInteger("bench.rounds", 7), Integer.getInteger("bench.batches", 20));
    long start = System.nanoTime();
    printMachine(settings);
    printWriterState();

    Path work = Files.createTempDirectory(Path.of("/tmp"), "cxhub-identity-bench-");
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<StoreResult> results = new ArrayList<>();
    try {
      // started twice: the first start only turns on pg_stat_statements, which needs a restart
      try (EmbeddedPostgres first = EmbeddedPostgres.start(work.resolve("pg"), 0, false);
          Connection c = DriverManager.getConnection(first.jdbcUrl("postgres"));
          Statement s = c.createStatement()) {
        s.execute("alter system set shared_preload_libraries = 'pg_stat_statements'");
        s.execute("create role bench_raw login superuser");
        s.execute("create role bench_admin login superuser");
      }
      try (EmbeddedPostgres pg = EmbeddedPostgres.start(work.resolve("pg"), 0, false)) {
        printPostgres(pg);
        warmJvm(pg, settings);
        for (int size : sizes) {
          results.add(runStore(pg, size, settings));
        }
      }
    } finally {
      deleteQuietly(work);
    }
    printSummary(results);
    System.out.printf(Locale.ROOT, "%nHarness run time: %.0f s; load average at the end %.2f%n",
        (System.nanoTime() - start) / 1e9, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** @param batches per round, at most: a store gets one batch of 500 per 5 000 customers, at least 2 (see {@link #batchesFor}) */
  record Settings(int jitWarmup, int warmup, int rounds, int batches) {

    /**
     * Batches per round for a store of {@code customers}. A round adds 250 new profiles per batch on each
     * side, so a small store gets short rounds: 10 000 customers get rounds of 2 batches and end the run
     * with ≈ 14 000 profiles instead of 55 000.
     */
    int batchesFor(int customers) {
      return Math.max(2, Math.min(batches, customers / 5_000));
    }
  }

  // ---- one store size

  record Round(double seconds, long records, long[] batchNanos, WriteResult totals, long profileRows,
      long identityRows, long allocatedBytes, long retainedBytes, double jvmCpu, double pgCpu) {
    double rate() {
      return records / seconds;
    }

    /**
     * Records per CPU second of the JVM (all its threads) and the PostgreSQL backend serving it. One
     * writer thread and its backend take turns, so on an idle machine this is close to {@link #rate};
     * on a busy one it leaves out the time spent waiting for a core.
     */
    double cpuRate() {
      return records / (jvmCpu + pgCpu);
    }
  }

  record StoreResult(int customers, SeededCustomers.SeedTimes seed, long profilesAtStart, long profilesAtEnd,
      List<Round> writer, List<Round> raw) {}

  private static StoreResult runStore(EmbeddedPostgres pg, int n, Settings settings) throws Exception {
    String name = "store_" + n;
    pg.createDatabaseIfMissing(name);
    String url = pg.jdbcUrl(name);
    System.out.printf(Locale.ROOT, "%n## Store of %,d customers (database %s)%n%n", n, name);
    // two connections because Flyway wants two while migrating; the writer, on one thread, uses one at a time
    try (Database database = Database.open(url, null, null, 2);
        Connection admin = DriverManager.getConnection(url.replace("user=postgres", "user=bench_admin"));
        Connection raw = DriverManager.getConnection(url.replace("user=postgres", "user=bench_raw")
            + "&reWriteBatchedInserts=true")) {
      try (Statement s = admin.createStatement()) {
        s.execute("create extension if not exists pg_stat_statements");
      }
      SeededCustomers.SeedTimes seed = SeededCustomers.seed(url.replace("user=postgres", "user=bench_admin"), n);
      System.out.printf(Locale.ROOT, "Seeded in %.1f s: customer values %.1f s, profile %.1f s then identity %.1f s"
              + " next to profile_event %.1f s, keys and indexes %.1f s, vacuum analyze %.1f s%n%n", seed.total(),
          seed.customers(), seed.profiles(), seed.identities(), seed.events(), seed.indexes(), seed.vacuum());
      printDisk(admin, "after seeding");

      ProfileWriter writer = new ProfileWriter(database.dataSource(), IdentityRules.permissive(), Taxonomy.loadDefault());
      int[] writerPids = backendPids(database.dataSource(), 2);
      int[] rawPid = {backendPid(raw)};
      Workload writerLoad = new Workload(n, 0, n, 1);
      Workload rawLoad = new Workload(n, 1, n + 1_000_000, 2);
      List<Round> writerRounds = new ArrayList<>();
      List<Round> rawRounds = new ArrayList<>();
      int batches = settings.batchesFor(n);
      long profilesAtStart = 0;
      for (int r = 0; r < settings.warmup() + settings.rounds(); r++) {
        boolean timed = r >= settings.warmup();
        if (r == settings.warmup()) {
          profilesAtStart = count(admin, "profile");
          try (Statement s = admin.createStatement()) {
            s.execute("select pg_stat_statements_reset()");
          }
        }
        Round w = null;
        Round x = null;
        if (r % 2 == 0) {
          w = writerRound(writer, writerPids, writerLoad, batches);
          x = rawRound(raw, rawPid, admin, rawLoad, batches);
        } else {
          x = rawRound(raw, rawPid, admin, rawLoad, batches);
          w = writerRound(writer, writerPids, writerLoad, batches);
        }
        System.out.printf(Locale.ROOT, "%s round %d: writer %,.0f records/s, %,.0f per CPU second (%s), raw %,.0f"
                + " records/s, %,.0f per CPU second (%d profile + %d identity rows); load average %.1f%n",
            timed ? "timed" : "warm-up", r + 1, w.rate(), w.cpuRate(), describe(w.totals()), x.rate(), x.cpuRate(),
            x.profileRows(), x.identityRows(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (timed) {
          writerRounds.add(w);
          rawRounds.add(x);
        }
      }
      long profilesAtEnd = count(admin, "profile");
      System.out.printf(Locale.ROOT, "%nRounds of %d batches of %d records; the store held %,d profiles when the timed"
          + " rounds began and %,d when they ended.%n%n", batches, BATCH, profilesAtStart, profilesAtEnd);
      printRounds(writerRounds, rawRounds);
      printStatements(admin);
      explainLookup(admin, writerLoad);
      printDisk(admin, "after the run");
      return new StoreResult(n, seed, profilesAtStart, profilesAtEnd, writerRounds, rawRounds);
    }
  }

  /**
   * Compiles the hot code before anything is measured: writer and raw rounds on a scratch store of
   * 10 000 customers, which is dropped afterwards. Without it the first store measured pays for the JIT.
   */
  private static void warmJvm(EmbeddedPostgres pg, Settings settings) throws Exception {
    if (settings.jitWarmup() == 0) {
      return;
    }
    long t = System.nanoTime();
    int n = 10_000;
    pg.createDatabaseIfMissing("jit_warmup");
    String url = pg.jdbcUrl("jit_warmup");
    try (Database database = Database.open(url, null, null, 2);
        Connection admin = DriverManager.getConnection(url.replace("user=postgres", "user=bench_admin"));
        Connection raw = DriverManager.getConnection(url.replace("user=postgres", "user=bench_raw")
            + "&reWriteBatchedInserts=true")) {
      SeededCustomers.seed(url.replace("user=postgres", "user=bench_admin"), n);
      ProfileWriter writer = new ProfileWriter(database.dataSource(), IdentityRules.permissive(), Taxonomy.loadDefault());
      Workload writerLoad = new Workload(n, 0, n, 3);
      Workload rawLoad = new Workload(n, 1, n + 1_000_000, 4);
      for (int r = 0; r < settings.jitWarmup(); r++) {
        writerRound(writer, new int[0], writerLoad, settings.batches());
        rawRound(raw, new int[0], admin, rawLoad, settings.batches());
      }
    }
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres")); Statement s = c.createStatement()) {
      s.execute("drop database jit_warmup");
    }
    System.out.printf(Locale.ROOT, "%nJIT warm-up: %d writer and raw rounds of %d batches on a scratch store of %,d"
        + " customers, %.0f s%n", settings.jitWarmup(), settings.batches(), n, (System.nanoTime() - t) / 1e9);
  }

  private static Round writerRound(ProfileWriter writer, int[] pgPid, Workload load, int batches) {
    List<List<MappedRecord>> round = new ArrayList<>();
    long records = 0;
    for (int b = 0; b < batches; b++) {
      List<MappedRecord> batch = load.batch(BATCH).stream().map(IdentityScaleBenchmark::mapped).toList();
      records += batch.size();
      round.add(batch);
    }
    long heapBefore = usedHeapAfterGc();
    long[] nanos = new long[batches];
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int merges = 0;
    long allocated = allocatedBytes();
    double jvm = jvmCpu();
    double pg = processCpu(pgPid);
    long t0 = System.nanoTime();
    for (int b = 0; b < batches; b++) {
      long t = System.nanoTime();
      WriteResult result = writer.write(round.get(b));
      nanos[b] = System.nanoTime() - t;
      created += result.profilesCreated();
      updated += result.profilesUpdated();
      unchanged += result.unchanged();
      merges += result.merges();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    allocated = allocatedBytes() - allocated;
    jvm = jvmCpu() - jvm;
    pg = processCpu(pgPid) - pg;
    long retained = usedHeapAfterGc() - heapBefore;
    round.clear(); // kept alive until here so the two heap readings hold the same records
    return new Round(seconds, records, nanos, new WriteResult(created, updated, 0, unchanged, merges, 0, 0, List.of(), Set.of(), Set.of()),
        created + updated, 0, allocated, retained, jvm, pg);
  }

  private static Round rawRound(Connection raw, int[] pgPid, Connection admin, Workload load, int batches)
      throws SQLException {
    List<List<Rec>> recs = new ArrayList<>();
    Set<String> storeCustomers = new LinkedHashSet<>();
    for (int b = 0; b < batches; b++) {
      List<Rec> batch = load.batch(BATCH);
      recs.add(batch);
      batch.stream().filter(r -> r.kind() == Kind.CHANGED || r.kind() == Kind.BRIDGE)
          .forEach(r -> storeCustomers.add(SeededCustomers.customerId(r.customer())));
    }
    Map<String, UUID> ids = profileIds(admin, storeCustomers); // the lookup the raw loop is spared
    List<RawBatch> rows = recs.stream().map(b -> RawBatch.of(b, ids)).toList();
    long records = recs.stream().mapToLong(List::size).sum();
    long profileRows = rows.stream().mapToLong(b -> b.profiles().size()).sum();
    long identityRows = rows.stream().mapToLong(b -> b.identities().size()).sum();

    long[] nanos = new long[batches];
    long allocated = allocatedBytes();
    double jvm = jvmCpu();
    double pg = processCpu(pgPid);
    raw.setAutoCommit(false);
    long t0 = System.nanoTime();
    try (PreparedStatement profiles = raw.prepareStatement(PROFILE_UPSERT);
        PreparedStatement identities = raw.prepareStatement(IDENTITY_UPSERT)) {
      for (int b = 0; b < batches; b++) {
        long t = System.nanoTime();
        RawBatch batch = rows.get(b);
        for (Object[] row : batch.profiles()) {
          for (int k = 0; k < row.length; k++) {
            profiles.setObject(k + 1, row[k]);
          }
          profiles.addBatch();
        }
        profiles.executeBatch();
        for (Object[] row : batch.identities()) {
          for (int k = 0; k < row.length; k++) {
            identities.setObject(k + 1, row[k]);
          }
          identities.addBatch();
        }
        identities.executeBatch();
        raw.commit();
        nanos[b] = System.nanoTime() - t;
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    raw.setAutoCommit(true);
    return new Round(seconds, records, nanos, null, profileRows, identityRows, allocatedBytes() - allocated, 0,
        jvmCpu() - jvm, processCpu(pgPid) - pg);
  }

  private static Map<String, UUID> profileIds(Connection c, Collection<String> customerIds) throws SQLException {
    Map<String, UUID> ids = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("select key_value, profile_id from identity"
        + " where key_type = 'billing_customer_id' and key_value = any(?)")) {
      ps.setArray(1, c.createArrayOf("text", customerIds.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.put(rs.getString(1), rs.getObject(2, UUID.class));
        }
      }
    }
    return ids;
  }

  // ---- the records

  enum Kind { SAME, CHANGED, NEW, BRIDGE }

  /**
   * One billing-customer record.
   *
   * @param customer the customer whose record it is (for a bridge: the store customer who survives)
   * @param moved for a bridge, every key of the customer merged away (the raw loop re-points them)
   */
  record Rec(Kind kind, int customer, Map<String, Object> fields, List<IdentityKey> keys, List<IdentityKey> moved,
      Instant observedAt) {}

  /**
   * Records that revisit the store: it remembers the fields last sent for each customer, so an
   * unchanged re-read really is unchanged and a changed one really changes something.
   */
  static final class Workload {
    private final int seeded;
    private final int parity;
    private final Random random;
    private final Map<Integer, Map<String, Object>> current = new HashMap<>();
    private final ArrayDeque<Integer> bridgeable = new ArrayDeque<>();
    private int nextNew;
    private Instant clock = Instant.parse("2025-01-01T00:00:00Z");

    /**
     * @param parity store customers this workload revisits: the even (0) or the odd (1) ones, so that two
     *     workloads on one store never change each other's customers behind their backs
     * @param firstNew the number of the first new customer (numbers below {@code seeded} are in the store)
     */
    Workload(int seeded, int parity, int firstNew, long seed) {
      this.seeded = seeded;
      this.parity = parity;
      this.nextNew = firstNew;
      this.random = new Random(seed);
    }

    List<Rec> batch(int size) {
      int existing = size * 70 / 100;
      int fresh = size * 25 / 100;
      List<Kind> kinds = new ArrayList<>(size);
      for (int k = 0; k < size; k++) {
        kinds.add(k < existing / 2 ? Kind.SAME : k < existing ? Kind.CHANGED : k < existing + fresh ? Kind.NEW : Kind.BRIDGE);
      }
      Collections.shuffle(kinds, random);
      List<Rec> out = new ArrayList<>(size);
      List<Integer> created = new ArrayList<>();
      for (Kind kind : kinds) {
        clock = clock.plusMillis(10);
        Integer partner = kind == Kind.BRIDGE ? nextBridgeable() : null;
        if (kind == Kind.BRIDGE && partner == null) {
          kind = Kind.CHANGED; // the first batch of a run has no earlier new customers to bridge to
        }
        switch (kind) {
          case SAME -> {
            int i = storeCustomer();
            out.add(rec(kind, i, state(i), null));
          }
          case CHANGED -> {
            int i = storeCustomer();
            Map<String, Object> f = new LinkedHashMap<>(state(i));
            f.put("country", SeededCustomers.COUNTRIES[random.nextInt(SeededCustomers.COUNTRIES.length)]);
            f.put("updated_at", clock);
            current.put(i, f);
            out.add(rec(kind, i, f, null));
          }
          case NEW -> {
            int i = nextNew++;
            Map<String, Object> f = SeededCustomers.fields(i);
            current.put(i, f);
            created.add(i);
            out.add(rec(kind, i, f, null));
          }
          case BRIDGE -> {
            int i = storeCustomer();
            Map<String, Object> f = new LinkedHashMap<>(state(i));
            Map<String, Object> other = current.remove(partner);
            String email = (String) other.get("email");
            if (email != null) {
              f.put("email", email);
            } else {
              f.put("phone", other.get("phone"));
            }
            f.put("updated_at", clock);
            current.put(i, f);
            out.add(rec(kind, i, f, SeededCustomers.keys(other)));
          }
        }
      }
      bridgeable.addAll(created); // only after their batch: a bridge in the same batch would be no merge
      return out;
    }

    private int storeCustomer() {
      return 2 * random.nextInt((seeded - parity + 1) / 2) + parity;
    }

    private Map<String, Object> state(int i) {
      return current.computeIfAbsent(i, SeededCustomers::fields);
    }

    /** The oldest new customer not bridged yet who has an e-mail or a phone. */
    private Integer nextBridgeable() {
      while (!bridgeable.isEmpty()) {
        int i = bridgeable.poll();
        if (SeededCustomers.email(i) != null || SeededCustomers.phone(i) != null) {
          return i;
        }
      }
      return null;
    }

    private Rec rec(Kind kind, int i, Map<String, Object> fields, List<IdentityKey> moved) {
      return new Rec(kind, i, fields, SeededCustomers.keys(fields), moved, clock);
    }
  }

  /** As the billing customers mapping hands it to the store stage (the writer does not read the payload). */
  private static MappedRecord mapped(Rec r) {
    String id = (String) r.fields().get("billing_customer_id");
    return new MappedRecord(
        new RawRecord(SeededCustomers.SYSTEM, SeededCustomers.STREAM, id, r.observedAt(), NO_PAYLOAD, null, null),
        List.of(new EntityRecord("party", id, r.fields(), r.keys())));
  }

  /** The rows one batch changes, as the raw loop writes them; one row per profile id and per key. */
  record RawBatch(Collection<Object[]> profiles, Collection<Object[]> identities) {

    static RawBatch of(List<Rec> recs, Map<String, UUID> storeIds) {
      Map<UUID, Object[]> profiles = new LinkedHashMap<>();
      Map<IdentityKey, Object[]> identities = new LinkedHashMap<>();
      for (Rec r : recs) {
        OffsetDateTime at = r.observedAt().atOffset(ZoneOffset.UTC);
        UUID id = switch (r.kind()) {
          case SAME -> null;
          case NEW -> timeOrderedId(r.observedAt());
          case CHANGED, BRIDGE -> storeIds.get(SeededCustomers.customerId(r.customer()));
        };
        if (id == null) {
          continue;
        }
        profiles.put(id, new Object[] {id, at, at, attributes(r)});
        List<IdentityKey> keys = r.kind() == Kind.NEW ? r.keys() : r.kind() == Kind.BRIDGE ? r.moved() : List.of();
        for (IdentityKey k : keys) {
          identities.put(k, new Object[] {k.type(), k.value(), id, SeededCustomers.SYSTEM, at});
        }
      }
      return new RawBatch(profiles.values(), identities.values());
    }

    private static String attributes(Rec r) {
      ObjectNode root = JSON.createObjectNode();
      String sourceId = (String) r.fields().get("billing_customer_id");
      r.fields().forEach((name, value) -> root.putObject(name).put("value", value.toString())
          .put("system", SeededCustomers.SYSTEM).put("stream", SeededCustomers.STREAM).put("sourceId", sourceId)
          .put("observedAt", r.observedAt().toString()));
      return root.toString();
    }
  }

  private static final SecureRandom IDS = new SecureRandom();

  /** UUIDv7, as the writer's profile ids are, so the raw loop's new rows land where the writer's do in the index. */
  private static UUID timeOrderedId(Instant at) {
    long msb = (at.toEpochMilli() << 16) | 0x7000L | (IDS.nextInt() & 0x0FFFL);
    long lsb = (IDS.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  private static String describe(WriteResult r) {
    return r.profilesCreated() + " created, " + r.profilesUpdated() + " updated, " + r.unchanged() + " unchanged, "
        + r.merges() + " merges";
  }

  // ---- what was measured

  private static void printRounds(List<Round> writer, List<Round> raw) {
    System.out.println("| timed rounds | records/s median | min – max | batch of 500, median | p95 | max |");
    System.out.println("|---|---|---|---|---|---|");
    for (var e : List.of(Map.entry("writer", writer), Map.entry("raw JDBC", raw))) {
      List<Round> rounds = e.getValue();
      long[] batches = rounds.stream().flatMapToLong(r -> java.util.Arrays.stream(r.batchNanos())).sorted().toArray();
      System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f – %,.0f | %.1f ms | %.1f ms | %.1f ms |%n", e.getKey(),
          median(rounds, Round::rate), min(rounds, Round::rate), max(rounds, Round::rate),
          batches[batches.length / 2] / 1e6, batches[(int) (batches.length * 0.95)] / 1e6, batches[batches.length - 1] / 1e6);
    }
    double[] ratios = new double[writer.size()];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = writer.get(i).rate() / raw.get(i).rate();
    }
    java.util.Arrays.sort(ratios);
    System.out.printf(Locale.ROOT, "%nwriter / raw: %.1f %% (ratio of the medians; per round pair %.1f – %.1f %%)%n",
        100 * median(writer, Round::rate) / median(raw, Round::rate), 100 * ratios[0], 100 * ratios[ratios.length - 1]);
    System.out.printf(Locale.ROOT, "records per CPU second (JVM + PostgreSQL backend), all timed rounds: writer %,.0f,"
            + " raw %,.0f, writer / raw %.1f %%%n", cpuRate(writer), cpuRate(raw), 100 * cpuRate(writer) / cpuRate(raw));
    long records = writer.stream().mapToLong(Round::records).sum();
    double wall = writer.stream().mapToDouble(Round::seconds).sum();
    System.out.printf(Locale.ROOT, "writer: %d records in %.2f s; JVM CPU %.2f s (%.0f %% of wall), PostgreSQL"
            + " backend CPU %.2f s (%.0f %%); allocated %,d bytes per record; heap retained after GC per round"
            + " median %,d bytes (%s)%n", records, wall, sum(writer, Round::jvmCpu),
        100 * sum(writer, Round::jvmCpu) / wall, sum(writer, Round::pgCpu), 100 * sum(writer, Round::pgCpu) / wall,
        writer.stream().mapToLong(Round::allocatedBytes).sum() / records,
        (long) median(writer, r -> r.retainedBytes()), writer.stream().map(r -> String.valueOf(r.retainedBytes()))
            .reduce((a, b) -> a + ", " + b).orElse(""));
    double rawWall = raw.stream().mapToDouble(Round::seconds).sum();
    System.out.printf(Locale.ROOT, "raw: %d records in %.2f s (%d profile + %d identity rows); JVM CPU %.2f s (%.0f %%),"
            + " PostgreSQL backend CPU %.2f s (%.0f %%)%n", raw.stream().mapToLong(Round::records).sum(), rawWall,
        raw.stream().mapToLong(Round::profileRows).sum(), raw.stream().mapToLong(Round::identityRows).sum(),
        sum(raw, Round::jvmCpu), 100 * sum(raw, Round::jvmCpu) / rawWall, sum(raw, Round::pgCpu),
        100 * sum(raw, Round::pgCpu) / rawWall);
    WriteResult t = writer.stream().map(Round::totals).reduce((a, b) -> new WriteResult(
        a.profilesCreated() + b.profilesCreated(), a.profilesUpdated() + b.profilesUpdated(), 0,
        a.unchanged() + b.unchanged(), a.merges() + b.merges(), 0, 0, List.of(), Set.of(), Set.of())).orElseThrow();
    System.out.printf(Locale.ROOT, "writer totals: %s%n%n", describe(t));
  }

  /** Server time per statement during the timed rounds, by role (writer = postgres, raw loop = bench_raw). */
  private static void printStatements(Connection c) throws SQLException {
    System.out.println("| role | statement | calls | total ms | ms per call | rows |");
    System.out.println("|---|---|---|---|---|---|");
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "select r.rolname, regexp_replace(query, '\\s+', ' ', 'g'), calls, total_exec_time, rows"
            + " from pg_stat_statements p join pg_roles r on r.oid = p.userid"
            + " where dbid = (select oid from pg_database where datname = current_database())"
            + " and r.rolname in ('postgres', 'bench_raw') order by r.rolname desc, total_exec_time desc")) {
      Map<String, Double> totals = new LinkedHashMap<>();
      while (rs.next()) {
        totals.merge(rs.getString(1), rs.getDouble(4), Double::sum);
        if (rs.getDouble(4) >= 1) {
          String q = rs.getString(2);
          System.out.printf(Locale.ROOT, "| %s | `%s` | %d | %.0f | %.2f | %d |%n", rs.getString(1),
              q.length() > 110 ? q.substring(0, 107) + "..." : q, rs.getLong(3), rs.getDouble(4),
              rs.getDouble(4) / rs.getLong(3), rs.getLong(5));
        }
      }
      System.out.printf(Locale.ROOT, "%nserver execution time, timed rounds: %s%n%n", totals.entrySet().stream()
          .map(e -> e.getKey() + " " + Math.round(e.getValue()) + " ms").reduce((a, b) -> a + ", " + b).orElse(""));
    }
  }

  /** EXPLAIN ANALYZE of the writer's identity lookup and profile read for the keys of one (unwritten) batch. */
  private static void explainLookup(Connection c, Workload load) throws SQLException {
    Set<String> types = new LinkedHashSet<>();
    List<String> t = new ArrayList<>();
    List<String> v = new ArrayList<>();
    Set<IdentityKey> keys = new LinkedHashSet<>();
    load.batch(BATCH).forEach(r -> keys.addAll(r.keys()));
    keys.forEach(k -> {
      t.add(k.type());
      v.add(k.value());
      types.add(k.type());
    });
    System.out.printf("EXPLAIN (ANALYZE, BUFFERS) of IdentityGraph.find for one batch (%d keys of types %s):%n",
        keys.size(), types);
    List<String> profiles = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("select distinct profile_id::text from identity"
        + " where (key_type, key_value) in (select * from unnest(?::text[], ?::text[]))")) {
      ps.setArray(1, c.createArrayOf("text", t.toArray()));
      ps.setArray(2, c.createArrayOf("text", v.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          profiles.add(rs.getString(1));
        }
      }
    }
    explain(c, "select key_type, key_value, profile_id from identity"
        + " where (key_type, key_value) in (select * from unnest(?::text[], ?::text[]))", t, v);
    System.out.printf("EXPLAIN (ANALYZE, BUFFERS) of the profile read (ProfileRows.read) for the %d profiles found:%n",
        profiles.size());
    explain(c, "select id, created_at, attributes::text, xmin::text from profile where id = any(?::uuid[])", profiles);
  }

  @SafeVarargs
  private static void explain(Connection c, String sql, List<String>... arrays) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("explain (analyze, buffers) " + sql)) {
      for (int k = 0; k < arrays.length; k++) {
        ps.setArray(k + 1, c.createArrayOf("text", arrays[k].toArray()));
      }
      try (ResultSet rs = ps.executeQuery()) {
        System.out.println("```");
        while (rs.next()) {
          String line = rs.getString(1);
          System.out.println(line.length() > 160 ? line.substring(0, 150) + " … (cut)" : line);
        }
        System.out.println("```");
      }
    }
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void printDisk(Connection c, String when) throws SQLException {
    long profiles = count(c, "profile");
    System.out.printf(Locale.ROOT, "Disk %s (%,d profiles):%n%n", when, profiles);
    System.out.println("| relation | rows | size | bytes per profile |");
    System.out.println("|---|---|---|---|");
    long total = 0;
    for (String table : List.of("profile", "identity", "profile_source", "profile_event", "profile_merge")) {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select (select count(*) from " + table + "),"
          + " pg_relation_size('" + table + "'), pg_table_size('" + table + "') - pg_relation_size('" + table + "'),"
          + " pg_total_relation_size('" + table + "')")) {
        rs.next();
        long all = rs.getLong(4);
        total += all;
        System.out.printf(Locale.ROOT, "| **%s** (total) | %,d | %s | %,d |%n", table, rs.getLong(1), mb(all), all / profiles);
        System.out.printf(Locale.ROOT, "| %s heap | | %s | %,d |%n", table, mb(rs.getLong(2)), rs.getLong(2) / profiles);
        System.out.printf(Locale.ROOT, "| %s TOAST, free space and visibility maps | | %s | %,d |%n", table,
            mb(rs.getLong(3)), rs.getLong(3) / profiles);
      }
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select indexrelid::regclass::text,"
          + " pg_relation_size(indexrelid) from pg_index where indrelid = '" + table + "'::regclass order by 1")) {
        while (rs.next()) {
          System.out.printf(Locale.ROOT, "| %s index %s | | %s | %,d |%n", table, rs.getString(1), mb(rs.getLong(2)),
              rs.getLong(2) / profiles);
        }
      }
    }
    System.out.printf(Locale.ROOT, "| **all four** | | %s | %,d |%n%n", mb(total), total / profiles);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }

  private static void printSummary(List<StoreResult> results) {
    System.out.println("\n## Summary\n");
    System.out.println("| store | profiles during the timed rounds | seeded in | writer records/s (median, min – max)"
        + " | raw JDBC records/s | writer / raw | per CPU second: writer, raw, writer / raw |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (StoreResult r : results) {
      System.out.printf(Locale.ROOT, "| %,d customers | %,d – %,d | %.0f s | %,.0f (%,.0f – %,.0f) | %,.0f (%,.0f – %,.0f)"
              + " | %.1f %% | %,.0f, %,.0f, %.1f %% |%n", r.customers(), r.profilesAtStart(), r.profilesAtEnd(),
          r.seed().total(),
          median(r.writer(), Round::rate), min(r.writer(), Round::rate),
          max(r.writer(), Round::rate), median(r.raw(), Round::rate), min(r.raw(), Round::rate),
          max(r.raw(), Round::rate), 100 * median(r.writer(), Round::rate) / median(r.raw(), Round::rate),
          cpuRate(r.writer()), cpuRate(r.raw()), 100 * cpuRate(r.writer()) / cpuRate(r.raw()));
    }
  }

  // ---- the machine and the process

  private static void printMachine(Settings settings) throws IOException {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
        .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
    System.out.printf(Locale.ROOT, "Machine: %d cores (%s), %.1f GB RAM, load average %.2f at the start%n",
        Runtime.getRuntime().availableProcessors(), cpu, os.getTotalMemorySize() / 1e9, os.getSystemLoadAverage());
    System.out.printf(Locale.ROOT, "JVM: %s %s, flags %s, max heap %d MB, GC %s%n", System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"), ManagementFactory.getRuntimeMXBean().getInputArguments(),
        Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
    System.out.printf("Rounds: %d for the JIT on a scratch store, then %d warm-up + %d timed per store, up to %d"
        + " batches of %d records each%n", settings.jitWarmup(), settings.warmup(), settings.rounds(), settings.batches(),
        BATCH);
  }

  private static void printPostgres(EmbeddedPostgres pg) throws SQLException {
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select name, current_setting(name) from pg_settings where name in"
            + " ('server_version', 'shared_buffers', 'work_mem', 'maintenance_work_mem', 'effective_cache_size',"
            + " 'fsync', 'synchronous_commit', 'full_page_writes', 'wal_level', 'max_wal_size', 'checkpoint_timeout',"
            + " 'random_page_cost', 'jit', 'autovacuum', 'shared_preload_libraries') order by name")) {
      StringBuilder out = new StringBuilder("PostgreSQL:");
      while (rs.next()) {
        out.append(' ').append(rs.getString(1)).append('=').append(rs.getString(2));
      }
      System.out.println(out);
    }
  }

  /**
   * The instance state a ProfileWriter holds, walked by reflection through cxhub classes: any map,
   * collection or array here would be a place where identities could be cached across batches.
   */
  private static void printWriterState() {
    List<String> fields = new ArrayList<>();
    walk(ProfileWriter.class, "ProfileWriter", fields, new LinkedHashSet<>());
    System.out.println("State a ProfileWriter holds across batches (instance fields, through cxhub classes):");
    fields.forEach(f -> System.out.println("  " + f));
  }

  private static void walk(Class<?> type, String path, List<String> out, Set<Class<?>> seen) {
    if (!seen.add(type)) {
      return;
    }
    for (Field f : type.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      Class<?> t = f.getType();
      boolean container = Map.class.isAssignableFrom(t) || Collection.class.isAssignableFrom(t) || t.isArray();
      out.add(path + "." + f.getName() + ": " + t.getSimpleName() + (container ? "   <-- a container" : ""));
      if (t.getName().startsWith("io.cxhub.") && !DataSource.class.isAssignableFrom(t)) {
        walk(t, path + "." + f.getName(), out, seen);
      }
    }
  }

  /** The server processes behind every connection of a pool of {@code size}, borrowed all at once. */
  private static int[] backendPids(DataSource ds, int size) throws SQLException {
    List<Connection> held = new ArrayList<>();
    try {
      int[] pids = new int[size];
      for (int i = 0; i < size; i++) {
        held.add(ds.getConnection());
        pids[i] = backendPid(held.get(i));
      }
      return pids;
    } finally {
      for (Connection c : held) {
        c.close();
      }
    }
  }

  private static int backendPid(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** CPU seconds of server processes (user + system), from /proc; a process that cannot be read counts 0. */
  private static double processCpu(int[] pids) {
    double sum = 0;
    for (int pid : pids) {
      sum += processCpu(pid);
    }
    return sum;
  }

  private static double processCpu(int pid) {
    try {
      // the first field is the time spent on a CPU in nanoseconds (/proc/<pid>/stat counts 10 ms ticks)
      String schedstat = Files.readString(Path.of("/proc/" + pid + "/schedstat"));
      return Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))) / 1e9;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static double jvmCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Records per CPU second over all the rounds. */
  private static double cpuRate(List<Round> rounds) {
    return rounds.stream().mapToLong(Round::records).sum() / (sum(rounds, Round::jvmCpu) + sum(rounds, Round::pgCpu));
  }

  private static double median(List<Round> rounds, ToDoubleFunction<Round> f) {
    double[] v = rounds.stream().mapToDouble(f).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static double min(List<Round> rounds, ToDoubleFunction<Round> f) {
    return rounds.stream().mapToDouble(f).min().orElse(0);
  }

  private static double max(List<Round> rounds, ToDoubleFunction<Round> f) {
    return rounds.stream().mapToDouble(f).max().orElse(0);
  }

  private static double sum(List<Round> rounds, ToDoubleFunction<Round> f) {
    return rounds.stream().mapToDouble(f).sum();
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not remove " + dir + ": " + e.getMessage());
    }
  }
}
