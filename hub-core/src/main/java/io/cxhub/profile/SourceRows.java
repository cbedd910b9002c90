package io.cxhub.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.store.SqlArrays;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Party source records ({@code profile_source}): one keyed read and one upsert per batch, read back
 * per profile. A record is patched, not replaced: a source that sends only the fields that changed
 * keeps the others, and an observation older than the stored value of a field does not overwrite
 * it. Works on the caller's transaction.
 */
final class SourceRows {

  record Key(String system, String entity, String sourceId) {}

  /**
   * @param keys {@code type:value} identity keys the record carried
   * @param fields name to value
   */
  record Row(Key key, String stream, UUID profileId, Instant observedAt, Set<String> keys, Map<String, JsonNode> fields) {

    /** This row with a later (or equally recent, later in the batch) observation of the same record laid over it. */
    Row patchedWith(Row later) {
      if (later.observedAt.isBefore(observedAt)) {
        return later.patchedWith(this);
      }
      Map<String, JsonNode> merged = new LinkedHashMap<>(fields);
      merged.putAll(later.fields);
      Set<String> allKeys = new TreeSet<>(keys);
      allKeys.addAll(later.keys);
      return new Row(key, later.stream, later.profileId, later.observedAt, allKeys, merged);
    }
  }

  /** A stored source record as the patch needs it. */
  private record Stored(UUID profileId, Instant observedAt, Set<String> keys, Map<String, JsonNode> fields,
      Map<String, Instant> times) {}

  /**
   * Patches the stored source records with the batch's rows: a field takes the incoming value when
   * it differs and is not older than the stored one; keys accumulate. The patch is computed here
   * from one keyed read, and only records that changed are written, in one upsert. A concurrent
   * writer patching the same record is caught by the profile's version check, because a changed
   * source record always rewrites its profile.
   *
   * @param rows at most one row per key
   * @return the keys of the source records inserted or changed
   */
  Set<Key> upsert(Connection c, List<Row> rows) throws SQLException {
    Map<Key, Stored> stored = readByKey(c, rows);
    List<Row> changed = new ArrayList<>();
    List<Map<String, Instant>> changedTimes = new ArrayList<>();
    for (Row r : rows) {
      Stored old = stored.get(r.key());
      Map<String, JsonNode> fields = new LinkedHashMap<>(old == null ? Map.of() : old.fields());
      Map<String, Instant> times = new LinkedHashMap<>(old == null ? Map.of() : old.times());
      boolean fieldChanged = false;
      for (Map.Entry<String, JsonNode> f : r.fields().entrySet()) {
        Instant at = times.get(f.getKey());
        if (!f.getValue().equals(fields.get(f.getKey())) && (at == null || !at.isAfter(r.observedAt()))) {
          fields.put(f.getKey(), f.getValue());
          times.put(f.getKey(), r.observedAt());
          fieldChanged = true;
        }
      }
      Set<String> keys = new TreeSet<>(r.keys());
      if (old != null) {
        keys.addAll(old.keys());
      }
      boolean same = old != null && !fieldChanged && old.profileId().equals(r.profileId()) && old.keys().equals(keys);
      if (!same) {
        Instant observed = old == null || r.observedAt().isAfter(old.observedAt()) ? r.observedAt() : old.observedAt();
        changed.add(new Row(r.key(), r.stream(), r.profileId(), observed, keys, fields));
        changedTimes.add(times);
      }
    }
    write(c, changed, changedTimes);
    Set<Key> keys = new HashSet<>();
    changed.forEach(r -> keys.add(r.key()));
    return keys;
  }

  private static Map<Key, Stored> readByKey(Connection c, List<Row> rows) throws SQLException {
    Map<Key, Stored> stored = new HashMap<>();
    if (rows.isEmpty()) {
      return stored;
    }
    try (PreparedStatement ps = c.prepareStatement("select system, entity, source_id, profile_id, observed_at,"
        + " array_to_string(keys, chr(31)), fields::text, field_times::text from profile_source"
        + " where (system, entity, source_id) in (select * from unnest(?::text[], ?::text[], ?::text[]))")) {
      ps.setArray(1, SqlArrays.text(c, rows.stream().map(r -> r.key().system()).toList()));
      ps.setArray(2, SqlArrays.text(c, rows.stream().map(r -> r.key().entity()).toList()));
      ps.setArray(3, SqlArrays.text(c, rows.stream().map(r -> r.key().sourceId()).toList()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String keys = rs.getString(6);
          stored.put(new Key(rs.getString(1), rs.getString(2), rs.getString(3)), new Stored(rs.getObject(4, UUID.class),
              rs.getTimestamp(5).toInstant(), keys.isEmpty() ? Set.of() : new TreeSet<>(List.of(keys.split("\u001f"))),
              fields(rs.getString(7)), times(rs.getString(8))));
        }
      }
    }
    return stored;
  }

  private static void write(Connection c, List<Row> rows, List<Map<String, Instant>> times) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    List<List<String>> columns = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      columns.add(new ArrayList<>(rows.size()));
    }
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      columns.get(0).add(r.key().system());
      columns.get(1).add(r.key().entity());
      columns.get(2).add(r.key().sourceId());
      columns.get(3).add(r.stream());
      columns.get(4).add(r.profileId().toString());
      columns.get(5).add(r.observedAt().toString());
      columns.get(6).add(ProfileJson.MAPPER.valueToTree(r.fields()).toString());
      columns.get(7).add(ProfileJson.MAPPER.valueToTree(
          times.get(i).entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
              e -> e.getValue().toString(), (a, b) -> b, LinkedHashMap::new))).toString());
      columns.get(8).add(SqlArrays.joinUnitSeparated(List.copyOf(r.keys())));
    }
    try (PreparedStatement ps = c.prepareStatement(
        "insert into profile_source as s (system, entity, source_id, stream, profile_id, observed_at, fields,"
            + " field_times, keys)"
            + " select sy, en, sid, st, p::uuid, o::timestamptz, f::jsonb, t::jsonb, string_to_array(ks, chr(31))"
            + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[]) as n(sy, en, sid, st, p, o, f, t, ks)"
            + " on conflict (system, entity, source_id) do update"
            + " set stream = excluded.stream, profile_id = excluded.profile_id, observed_at = excluded.observed_at,"
            + " fields = excluded.fields, field_times = excluded.field_times, keys = excluded.keys")) {
      for (int i = 0; i < 9; i++) {
        ps.setArray(i + 1, SqlArrays.text(c, columns.get(i)));
      }
      ps.executeUpdate();
    }
  }

  private static Map<String, Instant> times(String json) {
    Map<String, Instant> times = new LinkedHashMap<>();
    fields(json).forEach((name, at) -> times.put(name, Instant.parse(at.asText())));
    return times;
  }

  /** The source records of each profile, in (system, entity, source id) order. */
  Map<UUID, List<SourceRecord>> read(Connection c, Collection<UUID> profiles) throws SQLException {
    Map<UUID, List<SourceRecord>> found = new LinkedHashMap<>();
    if (profiles.isEmpty()) {
      return found;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "select profile_id, system, stream, source_id, observed_at, fields::text, field_times::text from profile_source"
            + " where profile_id = any(?::uuid[]) order by profile_id, system, entity, source_id")) {
      ps.setArray(1, SqlArrays.text(c, profiles.stream().map(UUID::toString).toList()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.computeIfAbsent(rs.getObject(1, UUID.class), p -> new ArrayList<>()).add(new SourceRecord(
              rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), fields(rs.getString(6)),
              times(rs.getString(7))));
        }
      }
    }
    return found;
  }

  private static Map<String, JsonNode> fields(String json) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = ProfileJson.parse(json).fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      fields.put(e.getKey(), e.getValue());
    }
    return fields;
  }
}
