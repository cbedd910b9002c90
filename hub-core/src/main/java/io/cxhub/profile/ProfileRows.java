package io.cxhub.profile;

import io.cxhub.store.SqlArrays;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Profile rows for the writer: lock and read, insert many, update many. Works on the caller's transaction. */
final class ProfileRows {

  record Stored(UUID id, Instant createdAt, String attributes) {

    /** The older profile survives a merge; equal creation times fall back to the id, as PostgreSQL orders it. */
    boolean olderThan(Stored other) {
      int byTime = createdAt.compareTo(other.createdAt);
      return byTime != 0 ? byTime < 0 : id.toString().compareTo(other.id.toString()) < 0;
    }
  }

  /**
   * Locks the profiles (in id order, so two writers never wait on each other in a cycle) and reads
   * them. A profile missing from the answer was merged away after its keys were read.
   */
  Map<UUID, Stored> lock(Connection c, Collection<UUID> ids) throws SQLException {
    Map<UUID, Stored> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "select id, created_at, attributes::text from profile where id = any(?::uuid[]) order by id for update")) {
      ps.setArray(1, SqlArrays.text(c, ids.stream().map(UUID::toString).toList()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject(1, UUID.class);
          found.put(id, new Stored(id, rs.getTimestamp(2).toInstant(), rs.getString(3)));
        }
      }
    }
    return found;
  }

  void insert(Connection c, Map<UUID, String> attributesById, Instant now) throws SQLException {
    if (attributesById.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>();
    List<String> attributes = new ArrayList<>();
    attributesById.forEach((id, a) -> {
      ids.add(id.toString());
      attributes.add(a);
    });
    try (PreparedStatement ps = c.prepareStatement(
        "insert into profile (id, created_at, updated_at, attributes)"
            + " select i::uuid, ?, ?, a::jsonb from unnest(?::text[], ?::text[]) as n(i, a)")) {
      ps.setObject(1, java.sql.Timestamp.from(now));
      ps.setObject(2, java.sql.Timestamp.from(now));
      ps.setArray(3, SqlArrays.text(c, ids));
      ps.setArray(4, SqlArrays.text(c, attributes));
      ps.executeUpdate();
    }
  }

  void update(Connection c, Map<UUID, String> attributesById) throws SQLException {
    if (attributesById.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>();
    List<String> attributes = new ArrayList<>();
    attributesById.forEach((id, a) -> {
      ids.add(id.toString());
      attributes.add(a);
    });
    try (PreparedStatement ps = c.prepareStatement(
        "update profile p set attributes = n.a::jsonb, updated_at = now()"
            + " from unnest(?::text[], ?::text[]) as n(i, a) where p.id = n.i::uuid")) {
      ps.setArray(1, SqlArrays.text(c, ids));
      ps.setArray(2, SqlArrays.text(c, attributes));
      ps.executeUpdate();
    }
  }
}
