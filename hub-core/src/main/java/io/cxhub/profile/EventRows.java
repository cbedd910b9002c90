package io.cxhub.profile;

import io.cxhub.store.SqlArrays;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Timeline rows: one multi-row upsert per batch that leaves rows with equal content untouched. */
final class EventRows {

  record Key(String system, String entity, String sourceId) {}

  /** @param keys {@code type:value} identity keys the event carried */
  record Row(Key key, String stream, UUID profileId, Instant occurredAt, String data, List<String> keys, String hash) {}

  /**
   * What an upsert wrote.
   *
   * @param keys the rows inserted or changed
   * @param left profiles an event moved away from (its keys now lead elsewhere): their timelines changed too
   */
  record Written(Set<Key> keys, Set<UUID> left) {}

  /**
   * Inserts new events and rewrites the ones whose content or profile changed.
   *
   * @param rows at most one row per key
   */
  Written upsert(Connection c, List<Row> rows) throws SQLException {
    Written written = new Written(new HashSet<>(), new HashSet<>());
    if (rows.isEmpty()) {
      return written;
    }
    int n = rows.size();
    List<String> systems = new ArrayList<>(n);
    List<String> entities = new ArrayList<>(n);
    List<String> sourceIds = new ArrayList<>(n);
    List<String> streams = new ArrayList<>(n);
    List<String> profiles = new ArrayList<>(n);
    List<String> occurred = new ArrayList<>(n);
    List<String> data = new ArrayList<>(n);
    List<String> hashes = new ArrayList<>(n);
    List<String> keys = new ArrayList<>(n);
    for (Row r : rows) {
      systems.add(r.key().system());
      entities.add(r.key().entity());
      sourceIds.add(r.key().sourceId());
      streams.add(r.stream());
      profiles.add(r.profileId().toString());
      occurred.add(r.occurredAt().toString());
      data.add(r.data());
      hashes.add(r.hash());
      keys.add(SqlArrays.joinUnitSeparated(r.keys()));
    }
    try (PreparedStatement ps = c.prepareStatement(
        "insert into profile_event as e (system, entity, source_id, stream, profile_id, occurred_at, data, content_hash,"
            + " keys)"
            + " select s, en, sid, st, p::uuid, o::timestamptz, d::jsonb, h, string_to_array(ks, chr(31))"
            + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[]) as n(s, en, sid, st, p, o, d, h, ks)"
            + " on conflict (system, entity, source_id) do update"
            + " set stream = excluded.stream, profile_id = excluded.profile_id, data = excluded.data,"
            + " content_hash = excluded.content_hash, keys = excluded.keys, updated_at = now()"
            + " where e.content_hash <> excluded.content_hash or e.profile_id <> excluded.profile_id"
            // a subquery sees the table as the statement found it: the profile the event had before
            + " returning system, entity, source_id, profile_id,"
            + " (select before.profile_id from profile_event before where before.id = e.id)")) {
      ps.setArray(1, SqlArrays.text(c, systems));
      ps.setArray(2, SqlArrays.text(c, entities));
      ps.setArray(3, SqlArrays.text(c, sourceIds));
      ps.setArray(4, SqlArrays.text(c, streams));
      ps.setArray(5, SqlArrays.text(c, profiles));
      ps.setArray(6, SqlArrays.text(c, occurred));
      ps.setArray(7, SqlArrays.text(c, data));
      ps.setArray(8, SqlArrays.text(c, hashes));
      ps.setArray(9, SqlArrays.text(c, keys));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          written.keys().add(new Key(rs.getString(1), rs.getString(2), rs.getString(3)));
          UUID before = rs.getObject(5, UUID.class);
          if (before != null && !before.equals(rs.getObject(4, UUID.class))) {
            written.left().add(before);
          }
        }
      }
    }
    return written;
  }
}
