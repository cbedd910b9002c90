package io.cxhub.profile;

import io.cxhub.identity.IdentityRules;
import io.cxhub.store.SqlArrays;
import io.cxhub.store.Transactions;
import io.cxhub.taxonomy.Taxonomy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Undoes a recorded merge: the merged profile comes back under its own id and creation time with
 * the keys, source records and events it brought, plus the records written since the merge whose
 * keys all belong to it; both profiles' attributes are derived again from their source records,
 * and the pair is marked apart so the identity rules never merge them again. The record that
 * bridged them stays with the survivor. One transaction, holding the survivor's row lock.
 * Thread-safe.
 */
public final class ProfileUnmerger {

  /** What an un-merge did. */
  public record Unmerged(long mergeId, UUID survivor, UUID restored, int identities, int sourceRecords, int events) {}

  private final Transactions transactions;
  private final SourceRows sources = new SourceRows();
  private final ProfileRows profiles = new ProfileRows();
  private final Survivors survivors;
  private final java.util.function.Consumer<Unmerged> afterCommit;

  /** @param afterCommit told of each un-merge once committed (the hub recomputes both profiles' traits) */
  public ProfileUnmerger(DataSource dataSource, IdentityRules rules, Taxonomy taxonomy,
      java.util.function.Consumer<Unmerged> afterCommit) {
    this.transactions = new Transactions(dataSource);
    this.survivors = taxonomy == null ? Survivors.mostRecent() : new Survivors(taxonomy, rules);
    this.afterCommit = afterCommit;
  }

  /**
   * @param merged the profile to split off, or null for the one merged into {@code survivor} last
   * @throws NoSuchElementException when {@code survivor} is no profile
   * @throws IllegalStateException when there is no such merge left to undo
   */
  public Unmerged unmerge(UUID survivor, UUID merged, String actor, String comment) {
    Unmerged done = transactions.inTransaction("un-merge profile " + (merged == null ? "" : merged + " ") + "from "
        + survivor, c -> unmerge(c, survivor, merged, actor, comment));
    afterCommit.accept(done);
    return done;
  }

  private Unmerged unmerge(Connection c, UUID survivor, UUID mergedId, String actor, String comment)
      throws SQLException {
    if (!profiles.lock(c, List.of(survivor)).containsKey(survivor)) {
      throw new NoSuchElementException("no profile " + survivor + " (merged into another one, or never existed)");
    }
    long mergeId;
    UUID restored;
    Instant restoredCreated;
    try (PreparedStatement ps = c.prepareStatement("select id, merged_id, merged_created_at from profile_merge"
        + " where survivor_id = ? and unmerged_at is null" + (mergedId == null ? "" : " and merged_id = ?")
        + " order by id desc limit 1 for update")) {
      ps.setObject(1, survivor);
      if (mergedId != null) {
        ps.setObject(2, mergedId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException(mergedId == null
              ? "profile " + survivor + " has no merge left to undo"
              : "profile " + mergedId + " was not merged into " + survivor + ", or that merge was undone already");
        }
        mergeId = rs.getLong(1);
        restored = rs.getObject(2, UUID.class);
        restoredCreated = rs.getTimestamp(3).toInstant();
      }
    }
    try (PreparedStatement ps = c.prepareStatement(
        "insert into profile (id, created_at, updated_at) values (?, ?, now())")) {
      ps.setObject(1, restored);
      ps.setTimestamp(2, Timestamp.from(restoredCreated));
      ps.executeUpdate();
    }
    // the restored side's keys: those it brought to the merge
    List<String> keys = new java.util.ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("select k ->> 'key' from profile_merge m,"
        + " jsonb_array_elements(m.identities_moved) k where m.id = ?")) {
      ps.setLong(1, mergeId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.add(rs.getString(1));
        }
      }
    }
    java.sql.Array restoredKeys = SqlArrays.text(c, keys);
    int identities = move(c, "update identity set profile_id = ? where profile_id = ?"
        + " and key_type || ':' || key_value = any(?::text[])", restored, survivor, restoredKeys, null);
    int sourceRecords = move(c, "update profile_source s set profile_id = ? where profile_id = ?"
        + " and ((s.keys <> '{}' and s.keys <@ ?::text[]) or jsonb_build_array(s.system, s.entity, s.source_id)"
        + " in (select jsonb_array_elements(sources_moved) from profile_merge where id = ?))",
        restored, survivor, restoredKeys, mergeId);
    int events = move(c, "update profile_event e set profile_id = ?, updated_at = now() where profile_id = ?"
        + " and ((e.keys <> '{}' and e.keys <@ ?::text[])"
        + " or e.id in (select unnest(events_moved) from profile_merge where id = ?))", restored, survivor, restoredKeys,
        mergeId);

    Map<UUID, List<SourceRecord>> records = sources.read(c, List.of(survivor, restored));
    try (PreparedStatement ps = c.prepareStatement("update profile set attributes = ?::jsonb, updated_at = now() where id = ?")) {
      for (UUID id : List.of(survivor, restored)) {
        ps.setString(1, ProfileJson.writeAttributes(survivors.attributes(records.getOrDefault(id, List.of()))));
        ps.setObject(2, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("update profile_merge set unmerged_at = now(), unmerged_by = ?,"
        + " unmerge_comment = ? where id = ?")) {
      ps.setString(1, actor);
      ps.setString(2, comment);
      ps.setLong(3, mergeId);
      ps.executeUpdate();
    }
    UUID a = survivor.toString().compareTo(restored.toString()) < 0 ? survivor : restored;
    try (PreparedStatement ps = c.prepareStatement("insert into profile_separation (profile_a, profile_b, merge_id)"
        + " values (?, ?, ?) on conflict do nothing")) {
      ps.setObject(1, a);
      ps.setObject(2, a == survivor ? restored : survivor);
      ps.setLong(3, mergeId);
      ps.executeUpdate();
    }
    return new Unmerged(mergeId, survivor, restored, identities, sourceRecords, events);
  }

  /** Runs one of the moving updates: (to, from, the restored side's keys[, the merge id]). */
  private static int move(Connection c, String sql, UUID to, UUID from, java.sql.Array keys, Long mergeId)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, to);
      ps.setObject(2, from);
      ps.setArray(3, keys);
      if (mergeId != null) {
        ps.setLong(4, mergeId);
      }
      return ps.executeUpdate();
    }
  }
}
