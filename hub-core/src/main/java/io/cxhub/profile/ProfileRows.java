package io.cxhub.profile;

import io.cxhub.store.ConcurrentChangeException;
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

  /** @param version the row's xmin: it changes with every update, so it tells whether someone wrote the row since */
  record Stored(UUID id, Instant createdAt, String attributes, String version) {

    /** The older profile survives a merge; equal creation times fall back to the id, as PostgreSQL orders it. */
    boolean olderThan(Stored other) {
      int byTime = createdAt.compareTo(other.createdAt);
      return byTime != 0 ? byTime < 0 : id.toString().compareTo(other.id.toString()) < 0;
    }
  }

  /** An attribute change, applied only if the row is still at the version it was read at. */
  record Update(UUID id, String version, String attributes) {}

  /**
   * Reads profiles without locking them: most batches change nothing, and a row lock is a write.
   * Changes are applied with {@link #update} against the version read here.
   */
  Map<UUID, Stored> read(Connection c, Collection<UUID> ids) throws SQLException {
    return select(c, ids, "");
  }

  /**
   * Locks and reads profiles about to be merged, in id order so that two writers never wait on
   * each other in a cycle. A profile missing from the answer was merged away meanwhile.
   */
  Map<UUID, Stored> lock(Connection c, Collection<UUID> ids) throws SQLException {
    return select(c, ids, " order by id for update");
  }

  private Map<UUID, Stored> select(Connection c, Collection<UUID> ids, String suffix) throws SQLException {
    Map<UUID, Stored> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    try (PreparedStatement ps = c.prepareStatement("select id, created_at, attributes::text, xmin::text from profile"
        + " where id = any(?::uuid[])" + suffix)) {
      ps.setArray(1, SqlArrays.text(c, ids.stream().map(UUID::toString).toList()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject(1, UUID.class);
          found.put(id, new Stored(id, rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)));
        }
      }
    }
    return found;
  }

  /** Inserts new profiles without attributes (they are derived once the source records are in). */
  Map<UUID, Stored> insert(Connection c, Collection<UUID> newIds, Instant now) throws SQLException {
    Map<UUID, Stored> inserted = new HashMap<>();
    if (newIds.isEmpty()) {
      return inserted;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "insert into profile (id, created_at, updated_at) select i::uuid, ?, ? from unnest(?::text[]) as n(i)"
            + " returning id, xmin::text")) {
      ps.setObject(1, java.sql.Timestamp.from(now));
      ps.setObject(2, java.sql.Timestamp.from(now));
      ps.setArray(3, SqlArrays.text(c, newIds.stream().map(UUID::toString).toList()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject(1, UUID.class);
          inserted.put(id, new Stored(id, now, "{}", rs.getString(2)));
        }
      }
    }
    return inserted;
  }

  /**
   * Applies attribute changes in one statement.
   *
   * @throws ConcurrentChangeException when another writer changed one of the rows since it was read
   */
  void update(Connection c, List<Update> updates) throws SQLException {
    if (updates.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    List<String> attributes = new ArrayList<>();
    for (Update u : updates) {
      ids.add(u.id().toString());
      versions.add(u.version());
      attributes.add(u.attributes());
    }
    try (PreparedStatement ps = c.prepareStatement(
        "update profile p set attributes = n.a::jsonb, updated_at = now()"
            + " from unnest(?::text[], ?::text[], ?::text[]) as n(i, v, a) where p.id = n.i::uuid and p.xmin::text = n.v")) {
      ps.setArray(1, SqlArrays.text(c, ids));
      ps.setArray(2, SqlArrays.text(c, versions));
      ps.setArray(3, SqlArrays.text(c, attributes));
      int changed = ps.executeUpdate();
      if (changed != updates.size()) {
        throw new ConcurrentChangeException((updates.size() - changed) + " of " + updates.size()
            + " profiles were changed by another writer while this batch computed their attributes");
      }
    }
  }
}
