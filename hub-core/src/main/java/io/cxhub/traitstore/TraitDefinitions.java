package io.cxhub.traitstore;

import io.cxhub.store.SqlArrays;
import io.cxhub.traits.TraitCatalog;
import io.cxhub.traits.TraitDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code trait_definition} table: which definition each trait's stored values were computed
 * with, and how far the backfill of a new or changed trait has come. Works on the caller's
 * transaction.
 */
final class TraitDefinitions {

  /** What {@link #sync} found. */
  record Sync(List<String> added, List<String> changed, List<String> removed, int valuesRemoved) {

    boolean isEmpty() {
      return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }
  }

  /** A trait's backfill as stored. */
  record Backfill(String trait, UUID after, long done, Long total, Instant startedAt, Instant finishedAt) {}

  private final TraitRows rows = new TraitRows();

  /**
   * Records the catalog's definitions: a new trait and one whose fingerprint changed need a
   * backfill from the first profile on; the values of traits no longer defined are removed.
   */
  Sync sync(Connection c, TraitCatalog catalog) throws SQLException {
    Map<String, String> stored = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("select trait, fingerprint from trait_definition order by trait for update");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        stored.put(rs.getString(1), rs.getString(2));
      }
    }
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    try (PreparedStatement insert = c.prepareStatement(
            "insert into trait_definition (trait, fingerprint) values (?, ?) on conflict (trait) do nothing");
        PreparedStatement reset = c.prepareStatement("update trait_definition set fingerprint = ?, backfill_after = null,"
            + " backfill_done = 0, backfill_total = null, backfill_started_at = null, backfill_finished_at = null"
            + " where trait = ?")) {
      for (TraitDefinition trait : catalog.all()) {
        String fingerprint = stored.remove(trait.name());
        if (fingerprint == null) {
          insert.setString(1, trait.name());
          insert.setString(2, trait.fingerprint());
          insert.addBatch();
          added.add(trait.name());
        } else if (!fingerprint.equals(trait.fingerprint())) {
          reset.setString(1, trait.fingerprint());
          reset.setString(2, trait.name());
          reset.addBatch();
          changed.add(trait.name());
        }
      }
      insert.executeBatch();
      reset.executeBatch();
    }
    List<String> removed = List.copyOf(stored.keySet());
    int valuesRemoved = rows.delete(c, removed);
    if (!removed.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement("delete from trait_definition where trait = any(?::text[])")) {
        ps.setArray(1, SqlArrays.text(c, removed));
        ps.executeUpdate();
      }
    }
    return new Sync(added, changed, removed, valuesRemoved);
  }

  /**
   * Unfinished backfills of these traits, locked so that one node works on a trait's page at a
   * time; another node's pages in progress are skipped, not waited for.
   */
  List<Backfill> lockUnfinished(Connection c, Collection<String> traits) throws SQLException {
    if (traits.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement ps = c.prepareStatement(select() + " where backfill_finished_at is null and trait = any(?::text[])"
        + " order by backfill_after nulls first, trait for update skip locked")) {
      ps.setArray(1, SqlArrays.text(c, List.copyOf(traits)));
      return backfills(ps);
    }
  }

  /** Every trait's backfill, by trait. */
  Map<String, Backfill> all(Connection c) throws SQLException {
    Map<String, Backfill> all = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(select())) {
      backfills(ps).forEach(b -> all.put(b.trait(), b));
    }
    return all;
  }

  void start(Connection c, Collection<String> traits, long total, Instant at) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("update trait_definition set backfill_started_at = ?,"
        + " backfill_total = ? where trait = any(?::text[])")) {
      ps.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
      ps.setLong(2, total);
      ps.setArray(3, SqlArrays.text(c, List.copyOf(traits)));
      ps.executeUpdate();
    }
  }

  /**
   * Moves the backfill past {@code profiles} more profiles up to {@code after}; with {@code finishedAt},
   * marks it done, with the count of profiles it went through as the total.
   */
  void advance(Connection c, Collection<String> traits, UUID after, int profiles, Instant finishedAt)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("update trait_definition set"
        + " backfill_after = coalesce(?::uuid, backfill_after), backfill_done = backfill_done + ?,"
        + " backfill_finished_at = ?::timestamptz,"
        + " backfill_total = case when ?::timestamptz is null then backfill_total else backfill_done + ? end"
        + " where trait = any(?::text[])")) {
      OffsetDateTime finished = finishedAt == null ? null : OffsetDateTime.ofInstant(finishedAt, ZoneOffset.UTC);
      ps.setObject(1, after);
      ps.setInt(2, profiles);
      ps.setObject(3, finished);
      ps.setObject(4, finished);
      ps.setInt(5, profiles);
      ps.setArray(6, SqlArrays.text(c, List.copyOf(traits)));
      ps.executeUpdate();
    }
  }

  private static String select() {
    return "select trait, backfill_after, backfill_done, backfill_total, backfill_started_at, backfill_finished_at"
        + " from trait_definition";
  }

  private static List<Backfill> backfills(PreparedStatement ps) throws SQLException {
    List<Backfill> backfills = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Long total = rs.getObject(4, Long.class);
        backfills.add(new Backfill(rs.getString(1), rs.getObject(2, UUID.class), rs.getLong(3), total,
            instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))));
      }
    }
    return backfills;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
