package io.cxhub.bench;

import io.cxhub.mapping.IdentityKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Synthetic billing customers, numbered 0, 1, 2, …: the SQL that seeds the first N of them straight
 * into {@code profile}, {@code identity} and {@code profile_event}, and the Java mirror of every value
 * that SQL writes, so that a record built here for customer i equals what the store holds for i.
 *
 * <p>This is the one place that knows the columns of those tables (V1__profiles.sql). A migration
 * that adds a NOT NULL column without a default to one of them needs a matching change in
 * {@link #seed}.
 *
 * <p>Customer i: id {@code cus_%08d}; e-mail {@code first.last<i>@domain} (absent when i % 11 == 5);
 * phone {@code +1<area><i as 7 digits>} (absent when i % 7 == 3), so ≈ 2.77 identity keys per
 * customer; created one minute after customer i-1 from 2020-01-01, updated up to 90 days later;
 * two invoices on the timeline. Attributes carry the provenance the writer gives them (system
 * {@code billing}, stream {@code customers}, the customer id, observed at {@code updated_at}).
 */
final class SeededCustomers {

  static final String SYSTEM = "billing";
  static final String STREAM = "customers";
  static final String[] FIRST = {"Anna", "Ben", "Chloe", "David", "Emma", "Felix", "Grace", "Hugo", "Ines", "Jonas",
      "Kim", "Liam", "Maria", "Noah", "Olivia", "Paul"};
  static final String[] LAST = {"Smith", "Mueller", "Garcia", "O'Brien", "Nguyen", "Kowalski", "Rossi", "Dubois",
      "Jensen", "Tanaka", "Silva", "Cohen"};
  static final String[] DOMAINS = {"example.com", "mail.example.org", "corp.example.net", "example.io"};
  static final String[] AREAS = {"415", "212", "312", "617", "646"};
  static final String[] COUNTRIES = {"US", "DE", "FR", "GB", "US"};
  /** Phones are {@code +1<area><7 digits of i>}, unique while i stays below this. */
  static final int MAX_CUSTOMERS = 10_000_000;

  private static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");

  private SeededCustomers() {}

  // ---- the Java mirror

  static String customerId(int i) {
    return String.format(Locale.ROOT, "cus_%08d", i);
  }

  static String email(int i) {
    return i % 11 == 5 ? null
        : first(i).toLowerCase(Locale.ROOT) + "." + last(i).toLowerCase(Locale.ROOT).replace("'", "") + i + "@"
            + DOMAINS[(i / 192) % DOMAINS.length];
  }

  static String phone(int i) {
    if (i >= MAX_CUSTOMERS) {
      throw new IllegalArgumentException("customer " + i + ": phones are unique only below " + MAX_CUSTOMERS);
    }
    return i % 7 == 3 ? null : "+1" + AREAS[i % AREAS.length] + String.format(Locale.ROOT, "%07d", i);
  }

  static String first(int i) {
    return FIRST[i % FIRST.length];
  }

  static String last(int i) {
    return LAST[(i / FIRST.length) % LAST.length];
  }

  static Instant createdAt(int i) {
    return EPOCH.plusSeconds(60L * i);
  }

  static Instant updatedAt(int i) {
    return createdAt(i).plusSeconds(3600L * (i % 2160));
  }

  /** The party fields of customer i as the billing customers mapping yields them (absent ones left out). */
  static Map<String, Object> fields(int i) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("billing_customer_id", customerId(i));
    if (email(i) != null) {
      f.put("email", email(i));
    }
    if (phone(i) != null) {
      f.put("phone", phone(i));
    }
    f.put("first_name", first(i));
    f.put("last_name", last(i));
    f.put("display_name", first(i) + " " + last(i));
    f.put("country", COUNTRIES[i % COUNTRIES.length]);
    f.put("created_at", createdAt(i));
    f.put("updated_at", updatedAt(i));
    return f;
  }

  /** The identity keys the mapping declares (billing_customer_id, email, phone), from a party's fields. */
  static List<IdentityKey> keys(Map<String, Object> fields) {
    List<IdentityKey> keys = new ArrayList<>(3);
    for (String type : List.of("billing_customer_id", "email", "phone")) {
      Object v = fields.get(type);
      if (v != null) {
        keys.add(new IdentityKey(type, v.toString()));
      }
    }
    return keys;
  }

  // ---- the seed

  /** How long each step of {@link #seed} took, in seconds (profile and identity ran next to profile_event). */
  record SeedTimes(double customers, double profiles, double identities, double events, double indexes,
      double vacuum, double total) {}

  /** Instant.toString() of a whole second, in SQL. */
  private static final String UTC_TEXT = "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'";

  /**
   * Seeds customers 0 … n-1 into empty tables: drops their keys, unique constraints, foreign keys and
   * indexes (as the catalog defines them), inserts with {@code insert … select … generate_series} on two
   * connections at once (profile then identity on one, profile_event on the other), builds the keys and
   * indexes again, then {@code vacuum analyze} (the state autovacuum would leave a live store in).
   *
   * @param jdbcUrl the database, as a user allowed to drop and create constraints
   */
  static SeedTimes seed(String jdbcUrl, int n) throws SQLException, InterruptedException {
    if (n > MAX_CUSTOMERS) {
      throw new IllegalArgumentException(n + " customers: at most " + MAX_CUSTOMERS);
    }
    long start = System.nanoTime();
    try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
      s.execute("set maintenance_work_mem = '512MB'");
      long t = System.nanoTime();
      s.execute("drop table if exists bench_seed_customer");
      // every value the other inserts need, computed once per customer; mirrors the Java methods above
      s.execute("create unlogged table bench_seed_customer as"
          + " select i, (lpad(to_hex(1577836800000 + i::bigint * 60000), 12, '0') || '7' || substr(h, 1, 3)"
          + "     || substr('89ab', 1 + i % 4, 1) || substr(h, 4, 15))::uuid as id," // UUIDv7 of created_at, like ProfileIds
          + "   'cus_' || lpad(i::text, 8, '0') as cid,"
          + "   case when i % 11 = 5 then null else lower(" + pick("FIRST", "i % 16") + ") || '.' || replace(lower("
          + pick("LAST", "(i / 16) % 12") + "), '''', '') || i || '@' || " + pick("DOMAINS", "(i / 192) % 4") + " end as email,"
          + "   case when i % 7 = 3 then null else '+1' || " + pick("AREAS", "i % 5") + " || lpad(i::text, 7, '0') end as phone,"
          + "   " + pick("FIRST", "i % 16") + " as first_name, " + pick("LAST", "(i / 16) % 12") + " as last_name,"
          + "   " + pick("COUNTRIES", "i % 5") + " as country, created, updated,"
          + "   to_char(created at time zone 'UTC', " + UTC_TEXT + ") as created_text,"
          + "   to_char(updated at time zone 'UTC', " + UTC_TEXT + ") as updated_text"
          + " from (select i, md5(i::text) as h, created, created + (i % 2160) * interval '1 hour' as updated"
          + "       from (select i, timestamptz '2020-01-01 00:00:00+00' + i * interval '1 minute' as created"
          + "             from generate_series(0, " + (n - 1) + ") as i) as g) as h");
      double customers = seconds(t);
      List<String[]> dropped = dropKeysAndIndexes(s);

      double[] eventSeconds = new double[1];
      SQLException[] failed = new SQLException[1];
      Thread events = new Thread(() -> {
        try (Connection e = DriverManager.getConnection(jdbcUrl); Statement es = e.createStatement()) {
          long te = System.nanoTime();
          es.execute(EVENTS);
          eventSeconds[0] = seconds(te);
        } catch (SQLException ex) {
          failed[0] = ex;
        }
      }, "seed-profile_event");
      events.start();
      t = System.nanoTime();
      s.execute("insert into profile (id, created_at, updated_at, attributes)"
          + " select id, created, updated, " + attributes() + " from bench_seed_customer");
      double profiles = seconds(t);
      t = System.nanoTime();
      s.execute("insert into identity (key_type, key_value, profile_id, system, first_seen)"
          + " select k.t, k.v, id, '" + SYSTEM + "', created from bench_seed_customer,"
          + " lateral (values ('billing_customer_id', cid), ('email', email), ('phone', phone)) as k(t, v)"
          + " where k.v is not null");
      // the billing record each profile came from, as the writer keeps it (attributes derive from these)
      s.execute("insert into profile_source (system, entity, source_id, stream, profile_id, observed_at, keys, fields,"
          + " field_times) select '" + SYSTEM + "', 'party', c.cid, 'customers', c.id, c.updated,"
          + " array_remove(array['billing_customer_id:' || c.cid, 'email:' || c.email, 'phone:' || c.phone], null),"
          + " (select jsonb_object_agg(a.key, a.value -> 'value') from jsonb_each(p.attributes) a),"
          + " (select jsonb_object_agg(a.key, a.value -> 'observedAt') from jsonb_each(p.attributes) a)"
          + " from bench_seed_customer c join profile p on p.id = c.id");
      double identities = seconds(t);
      events.join();
      if (failed[0] != null) {
        throw failed[0];
      }

      t = System.nanoTime();
      restore(s, dropped);
      s.execute("drop table bench_seed_customer");
      double indexes = seconds(t);

      t = System.nanoTime();
      s.execute("vacuum (analyze) profile, identity, profile_event, profile_source");
      return new SeedTimes(customers, profiles, identities, eventSeconds[0], indexes, seconds(t), seconds(start));
    }
  }

  /**
   * Two invoices per customer, shaped like the billing invoices mapping's output. The content hash is a
   * SHA-256 of the invoice id rather than of the data: the same 64 hex characters on disk for less seeding
   * time, and no seeded event is ever compared with a new one.
   */
  private static final String EVENTS = "insert into profile_event (system, entity, source_id, stream, profile_id,"
      + " occurred_at, data, content_hash, recorded_at, updated_at)"
      + " select '" + SYSTEM + "', 'invoice', inv, 'invoices', id, occurred, jsonb_build_object("
      + "     'amount_due', due, 'amount_paid', case when status = 'PAID' then due else 0.00 end,"
      + "     'billing_customer_id', cid, 'currency', 'USD', 'due_on', (occurred + interval '30 days')::date::text,"
      + "     'invoice_id', inv, 'issued_on', occurred::date::text,"
      + "     'number', 'INV-' || (2024 + k) || '-' || lpad(i::text, 8, '0'), 'status', status, 'updated_at', occurred_text)"
      + "   || case when status = 'PAID' then jsonb_build_object('paid_at', occurred_text) else '{}'::jsonb end,"
      + "   encode(sha256(convert_to(inv, 'UTF8')), 'hex'), occurred, occurred"
      + " from (select c.*, k, 'in_' || lpad((2 * i + k)::text, 9, '0') as inv,"
      + "         updated + k * interval '30 days' as occurred,"
      + "         to_char((updated + k * interval '30 days') at time zone 'UTC', " + UTC_TEXT + ") as occurred_text,"
      + "         round(((i * 37 + k * 101) % 500000 + 500) / 100.0, 2) as due,"
      + "         (array['DRAFT', 'OPEN', 'PAID', 'PAID', 'VOID', 'UNCOLLECTIBLE'])[1 + (i + k) % 6] as status"
      + "       from bench_seed_customer as c, generate_series(0, 1) as k) as e";

  /** The attributes document of one seeded profile: name → {value, system, stream, sourceId, observedAt}. */
  private static String attributes() {
    String observed = "updated_text";
    StringBuilder sql = new StringBuilder("(jsonb_build_object(");
    String[][] always = {{"billing_customer_id", "cid"}, {"first_name", "first_name"}, {"last_name", "last_name"},
        {"display_name", "first_name || ' ' || last_name"}, {"country", "country"},
        {"created_at", "created_text"}, {"updated_at", observed}};
    for (int k = 0; k < always.length; k++) {
      sql.append(k == 0 ? "" : ", ").append('\'').append(always[k][0]).append("', ").append(attribute(always[k][1], observed));
    }
    sql.append(')');
    for (String optional : List.of("email", "phone")) {
      sql.append(" || case when ").append(optional).append(" is null then '{}'::jsonb else jsonb_build_object('")
          .append(optional).append("', ").append(attribute(optional, observed)).append(") end");
    }
    return sql.append(')').toString();
  }

  private static String attribute(String value, String observed) {
    return "jsonb_build_object('value', " + value + ", 'system', '" + SYSTEM + "', 'stream', '" + STREAM
        + "', 'sourceId', cid, 'observedAt', " + observed + ")";
  }

  /** {@code (array['a', 'b'])[1 + expr]} over one of the name arrays above. */
  private static String pick(String array, String zeroBasedIndex) {
    String[] values = switch (array) {
      case "FIRST" -> FIRST;
      case "LAST" -> LAST;
      case "DOMAINS" -> DOMAINS;
      case "AREAS" -> AREAS;
      case "COUNTRIES" -> COUNTRIES;
      default -> throw new IllegalArgumentException(array);
    };
    return "(array[" + Stream.of(values).map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(", "))
        + "])[1 + " + zeroBasedIndex + "]";
  }

  private static final String TABLES = "array['profile', 'identity', 'profile_event']::regclass[]";

  /**
   * Drops the primary keys, unique constraints and foreign keys on (or pointing at) the seeded tables and
   * their other indexes, returning the statements that rebuild them in a valid order.
   */
  private static List<String[]> dropKeysAndIndexes(Statement s) throws SQLException {
    List<String[]> foreign = new ArrayList<>();
    List<String[]> keys = new ArrayList<>();
    List<String[]> indexes = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("select conrelid::regclass::text, conname, pg_get_constraintdef(oid), contype"
        + " from pg_constraint where contype in ('p', 'u', 'f')"
        + " and (conrelid = any(" + TABLES + ") or confrelid = any(" + TABLES + "))")) {
      while (rs.next()) {
        String[] drop = {"alter table " + rs.getString(1) + " drop constraint " + rs.getString(2),
            "alter table " + rs.getString(1) + " add constraint " + rs.getString(2) + " " + rs.getString(3)};
        ("f".equals(rs.getString(4)) ? foreign : keys).add(drop);
      }
    }
    try (ResultSet rs = s.executeQuery("select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)"
        + " from pg_index i where i.indrelid = any(" + TABLES + ") and not exists (select 1 from pg_constraint c"
        + " where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'))")) {
      while (rs.next()) {
        indexes.add(new String[] {"drop index " + rs.getString(1), rs.getString(2)});
      }
    }
    List<String[]> inDropOrder = new ArrayList<>(foreign);
    inDropOrder.addAll(keys);
    inDropOrder.addAll(indexes);
    for (String[] d : inDropOrder) {
      s.execute(d[0]);
    }
    List<String[]> inBuildOrder = new ArrayList<>(indexes);
    inBuildOrder.addAll(keys);
    inBuildOrder.addAll(foreign);
    return inBuildOrder;
  }

  private static void restore(Statement s, List<String[]> dropped) throws SQLException {
    for (String[] d : dropped) {
      s.execute(d[1]);
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
