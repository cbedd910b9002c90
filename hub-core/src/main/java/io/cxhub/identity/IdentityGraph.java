package io.cxhub.identity;

import io.cxhub.mapping.IdentityKey;
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
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The identity graph: which profile each identity key belongs to. Stateless; works on the caller's transaction. */
public final class IdentityGraph {

  /** A key seen for the first time, to be attached to a profile. */
  public record NewIdentity(IdentityKey key, UUID profileId, String system, Instant firstSeen) {}

  /** The profiles of every known key among {@code keys}, in one query however many keys there are. */
  public Map<IdentityKey, UUID> find(Connection c, Collection<IdentityKey> keys) throws SQLException {
    Map<IdentityKey, UUID> found = new HashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    List<String> types = new ArrayList<>(keys.size());
    List<String> values = new ArrayList<>(keys.size());
    for (IdentityKey k : keys) {
      types.add(k.type());
      values.add(k.value());
    }
    try (PreparedStatement ps = c.prepareStatement(
        "select key_type, key_value, profile_id from identity"
            + " where (key_type, key_value) in (select * from unnest(?::text[], ?::text[]))")) {
      ps.setArray(1, SqlArrays.text(c, types));
      ps.setArray(2, SqlArrays.text(c, values));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.put(new IdentityKey(rs.getString(1), rs.getString(2)), rs.getObject(3, UUID.class));
        }
      }
    }
    return found;
  }

  /**
   * Attaches new keys. A plain insert on purpose: when a concurrent writer attached one of these
   * keys first, the primary key fails this transaction with a unique violation, and the retry
   * finds that writer's profile instead of creating a second one.
   */
  public void add(Connection c, List<NewIdentity> identities) throws SQLException {
    if (identities.isEmpty()) {
      return;
    }
    List<String> types = new ArrayList<>();
    List<String> values = new ArrayList<>();
    List<String> profiles = new ArrayList<>();
    List<String> systems = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (NewIdentity i : identities) {
      types.add(i.key().type());
      values.add(i.key().value());
      profiles.add(i.profileId().toString());
      systems.add(i.system());
      seen.add(i.firstSeen().toString());
    }
    try (PreparedStatement ps = c.prepareStatement(
        "insert into identity (key_type, key_value, profile_id, system, first_seen)"
            + " select t, v, p::uuid, s, f::timestamptz"
            + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as n(t, v, p, s, f)")) {
      ps.setArray(1, SqlArrays.text(c, types));
      ps.setArray(2, SqlArrays.text(c, values));
      ps.setArray(3, SqlArrays.text(c, profiles));
      ps.setArray(4, SqlArrays.text(c, systems));
      ps.setArray(5, SqlArrays.text(c, seen));
      ps.executeUpdate();
    }
  }

  /** How many keys of each type each profile has, in one query. */
  public static Map<UUID, Map<String, Integer>> keyCounts(Connection c, Collection<UUID> profiles) throws SQLException {
    Map<UUID, Map<String, Integer>> counts = new HashMap<>();
    if (profiles.isEmpty()) {
      return counts;
    }
    try (PreparedStatement ps = c.prepareStatement("select profile_id, key_type, count(*) from identity"
        + " where profile_id = any(?::uuid[]) group by profile_id, key_type")) {
      ps.setArray(1, SqlArrays.text(c, profiles.stream().map(UUID::toString).toList()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.computeIfAbsent(rs.getObject(1, UUID.class), p -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
        }
      }
    }
    return counts;
  }

  /** The pairs among {@code profiles} that an un-merge split apart, each as [smaller id, larger id]. */
  public static Set<List<UUID>> separations(Connection c, Collection<UUID> profiles) throws SQLException {
    Set<List<UUID>> pairs = new HashSet<>();
    if (profiles.size() < 2) {
      return pairs;
    }
    try (PreparedStatement ps = c.prepareStatement("select profile_a, profile_b from profile_separation"
        + " where profile_a = any(?::uuid[]) and profile_b = any(?::uuid[])")) {
      java.sql.Array ids = SqlArrays.text(c, profiles.stream().map(UUID::toString).toList());
      ps.setArray(1, ids);
      ps.setArray(2, ids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          pairs.add(List.of(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
        }
      }
    }
    return pairs;
  }
}
