package io.cxhub.traitstore;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.store.SqlArrays;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The {@code profile_trait} table: stored values read and written many profiles at a time, on the caller's transaction. */
final class TraitRows {

  /** @param nextChange null when the value stays until the next event */
  record Stored(JsonNode value, Instant nextChange) {}

  record Row(UUID profileId, String trait, JsonNode value, Instant nextChange) {}

  /** @return stored values by profile and trait; what is not stored is absent */
  Map<UUID, Map<String, Stored>> read(Connection c, Collection<UUID> profiles, Collection<String> traits)
      throws SQLException {
    Map<UUID, Map<String, Stored>> stored = new HashMap<>();
    if (profiles.isEmpty() || traits.isEmpty()) {
      return stored;
    }
    try (PreparedStatement ps = c.prepareStatement("select profile_id, trait, value::text, next_change from profile_trait"
        + " where profile_id = any(?::uuid[]) and trait = any(?::text[])")) {
      ps.setArray(1, SqlArrays.text(c, profiles.stream().map(UUID::toString).toList()));
      ps.setArray(2, SqlArrays.text(c, List.copyOf(traits)));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp next = rs.getTimestamp(4);
          stored.computeIfAbsent(rs.getObject(1, UUID.class), p -> new HashMap<>())
              .put(rs.getString(2), new Stored(TraitJson.parse(rs.getString(3)), next == null ? null : next.toInstant()));
        }
      }
    }
    return stored;
  }

  /** Writes values in one statement, in key order so that two writers lock rows in the same order. */
  void upsert(Connection c, List<Row> rows, Instant computedAt) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing((Row r) -> r.profileId().toString()).thenComparing(Row::trait));
    List<String> profiles = new ArrayList<>();
    List<String> traits = new ArrayList<>();
    List<String> values = new ArrayList<>();
    List<String> nextChanges = new ArrayList<>();
    for (Row r : sorted) {
      profiles.add(r.profileId().toString());
      traits.add(r.trait());
      values.add(TraitJson.text(r.value()));
      nextChanges.add(r.nextChange() == null ? null : r.nextChange().toString());
    }
    try (PreparedStatement ps = c.prepareStatement(
        "insert into profile_trait as t (profile_id, trait, value, computed_at, next_change)"
            + " select p::uuid, n, v::jsonb, ?, x::timestamptz from unnest(?::text[], ?::text[], ?::text[], ?::text[])"
            + " as r(p, n, v, x)"
            + " on conflict (profile_id, trait) do update"
            + " set value = excluded.value, computed_at = excluded.computed_at, next_change = excluded.next_change")) {
      ps.setObject(1, OffsetDateTime.ofInstant(computedAt, ZoneOffset.UTC));
      ps.setArray(2, SqlArrays.text(c, profiles));
      ps.setArray(3, SqlArrays.text(c, traits));
      ps.setArray(4, SqlArrays.text(c, values));
      ps.setArray(5, SqlArrays.text(c, nextChanges));
      ps.executeUpdate();
    }
  }

  /** The traits of these profiles whose value changes by {@code now} without an event. */
  Map<UUID, Set<String>> due(Connection c, Collection<UUID> profiles, Instant now) throws SQLException {
    Map<UUID, Set<String>> due = new LinkedHashMap<>();
    if (profiles.isEmpty()) {
      return due;
    }
    try (PreparedStatement ps = c.prepareStatement("select profile_id, trait from profile_trait"
        + " where profile_id = any(?::uuid[]) and next_change <= ? order by profile_id, trait")) {
      ps.setArray(1, SqlArrays.text(c, profiles.stream().map(UUID::toString).toList()));
      ps.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          due.computeIfAbsent(rs.getObject(1, UUID.class), p -> new LinkedHashSet<>()).add(rs.getString(2));
        }
      }
    }
    return due;
  }

  /** Removes the values of traits no longer defined; returns how many went. */
  int delete(Connection c, Collection<String> traits) throws SQLException {
    if (traits.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps = c.prepareStatement("delete from profile_trait where trait = any(?::text[])")) {
      ps.setArray(1, SqlArrays.text(c, List.copyOf(traits)));
      return ps.executeUpdate();
    }
  }

  /** Removes the values of these profiles for traits no longer defined (left by a write that raced a reload). */
  void deleteUndefined(Connection c, Collection<UUID> profiles, Collection<String> defined) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("delete from profile_trait"
        + " where profile_id = any(?::uuid[]) and trait <> all(?::text[])")) {
      ps.setArray(1, SqlArrays.text(c, profiles.stream().map(UUID::toString).toList()));
      ps.setArray(2, SqlArrays.text(c, List.copyOf(defined)));
      ps.executeUpdate();
    }
  }
}
