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
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Party source records ({@code profile_source}): one upsert per batch, read back per profile. A
 * record is patched, not replaced: a source that sends only the fields that changed keeps the
 * others, and an observation older than the stored value of a field does not overwrite it. Works
 * on the caller's transaction.
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

  /**
   * Inserts new source records and patches the stored ones where a field value, a key or the profile changed.
   *
   * @param rows at most one row per key
   * @return the keys of the source records inserted or changed
   */
  Set<Key> upsert(Connection c, List<Row> rows) throws SQLException {
    Set<Key> changed = new HashSet<>();
    if (rows.isEmpty()) {
      return changed;
    }
    List<List<String>> columns = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      columns.add(new ArrayList<>(rows.size()));
    }
    for (Row r : rows) {
      columns.get(0).add(r.key().system());
      columns.get(1).add(r.key().entity());
      columns.get(2).add(r.key().sourceId());
      columns.get(3).add(r.stream());
      columns.get(4).add(r.profileId().toString());
      columns.get(5).add(r.observedAt().toString());
      columns.get(6).add(ProfileJson.MAPPER.valueToTree(r.fields()).toString());
      columns.get(7).add(SqlArrays.joinUnitSeparated(List.copyOf(r.keys())));
    }
    // a field takes the incoming value when it differs and is not older than the stored one
    String newer = " from jsonb_each(excluded.fields) f where s.fields -> f.key is distinct from f.value"
        + " and coalesce((s.field_times ->> f.key)::timestamptz, '-infinity') <= excluded.observed_at";
    try (PreparedStatement ps = c.prepareStatement(
        "insert into profile_source as s (system, entity, source_id, stream, profile_id, observed_at, fields,"
            + " field_times, keys)"
            + " select sy, en, sid, st, p::uuid, o::timestamptz, f::jsonb,"
            + " (select coalesce(jsonb_object_agg(k, to_jsonb(o::timestamptz)), '{}') from jsonb_object_keys(f::jsonb) k),"
            + " string_to_array(ks, chr(31))"
            + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " as n(sy, en, sid, st, p, o, f, ks)"
            + " on conflict (system, entity, source_id) do update"
            + " set stream = excluded.stream, profile_id = excluded.profile_id,"
            + " observed_at = greatest(s.observed_at, excluded.observed_at),"
            + " keys = array(select distinct k from unnest(s.keys || excluded.keys) k order by k),"
            + " fields = s.fields || (select coalesce(jsonb_object_agg(f.key, f.value), '{}')" + newer + "),"
            + " field_times = s.field_times || (select coalesce(jsonb_object_agg(f.key, excluded.observed_at), '{}')"
            + newer + ")"
            + " where s.profile_id <> excluded.profile_id or not s.keys @> excluded.keys"
            + " or exists (select 1" + newer + ")"
            + " returning system, entity, source_id")) {
      for (int i = 0; i < 8; i++) {
        ps.setArray(i + 1, SqlArrays.text(c, columns.get(i)));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          changed.add(new Key(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
      }
    }
    return changed;
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
          Map<String, Instant> times = new LinkedHashMap<>();
          fields(rs.getString(7)).forEach((name, at) -> times.put(name, Instant.parse(at.asText())));
          found.computeIfAbsent(rs.getObject(1, UUID.class), p -> new ArrayList<>()).add(new SourceRecord(
              rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), fields(rs.getString(6)),
              times));
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
