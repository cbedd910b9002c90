package io.cxhub.traitstore;

import io.cxhub.store.SqlArrays;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Row locks on the profiles whose traits are recomputed. Every recomputation holds them until it
 * commits, so two of them on one profile run one after the other: the later one reads the stored
 * values the earlier one wrote (the old value of a change is exact) and, since each statement of
 * a transaction sees what committed before it, the timeline with every event committed before its
 * lock was granted. {@code for no key update} does not block writers that only insert events or
 * identities referring to the profile. Profiles are locked in id order, so lockers never wait on
 * each other in a cycle.
 */
final class ProfileLocks {

  /** Waits for the profiles; returns those that still exist (a merged-away profile is gone). */
  List<UUID> lock(Connection c, Collection<UUID> profiles) throws SQLException {
    if (profiles.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "select id from profile where id = any(?::uuid[]) order by id for no key update")) {
      ps.setArray(1, SqlArrays.text(c, profiles.stream().map(UUID::toString).toList()));
      return ids(ps);
    }
  }

  /**
   * Up to {@code limit} trait rows due by {@code now}, most overdue first, and locks their profiles,
   * skipping those another node or writer holds (they are picked up next time, if still due).
   */
  List<UUID> lockDue(Connection c, Instant now, int limit) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select id from profile where id in (select profile_id"
        + " from profile_trait where next_change <= ? order by next_change limit ?) order by id for no key update skip locked")) {
      ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      ps.setInt(2, limit);
      return ids(ps);
    }
  }

  /** The next {@code limit} profiles after {@code after} in id order (from the first when null), waiting for them. */
  List<UUID> lockPage(Connection c, UUID after, int limit) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select id from profile"
        + (after == null ? "" : " where id > ?") + " order by id limit ? for no key update")) {
      int i = 1;
      if (after != null) {
        ps.setObject(i++, after);
      }
      ps.setInt(i, limit);
      return ids(ps);
    }
  }

  private static List<UUID> ids(PreparedStatement ps) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getObject(1, UUID.class));
      }
    }
    return ids;
  }
}
