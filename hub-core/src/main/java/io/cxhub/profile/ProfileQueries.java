package io.cxhub.profile;

import io.cxhub.mapping.IdentityKey;
import com.fasterxml.jackson.databind.node.NullNode;
import io.cxhub.profile.ProfileView.IdentityView;
import io.cxhub.profile.ProfileView.TraitView;
import io.cxhub.store.SqlArrays;
import io.cxhub.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/** The read side of profiles, for the REST API and the console. Thread-safe; every call reads committed data. */
public final class ProfileQueries {

  public static final int MAX_LIMIT = 500;

  private static final String COLUMNS = "select id, created_at, updated_at, attributes::text from profile";

  private final DataSource dataSource;

  public ProfileQueries(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Profiles in id order (which is creation order), {@code limit} at a time.
   *
   * @param afterId the {@code nextAfter} of the previous page, or null for the first page
   */
  public ProfilePage page(int limit, String afterId) {
    int n = checkLimit(limit);
    UUID after = afterId == null ? null : parseId("afterId", afterId)
        .orElseThrow(() -> new IllegalArgumentException("afterId '" + afterId + "': expected a profile id (UUID)"));
    String sql = COLUMNS + (after == null ? "" : " where id > ?") + " order by id limit ?";
    return query("list profiles", c -> {
      List<ProfileView> views;
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = 1;
        if (after != null) {
          ps.setObject(i++, after);
        }
        ps.setInt(i, n + 1);
        views = views(c, ps);
      }
      String next = null;
      if (views.size() > n) {
        views = views.subList(0, n);
        next = views.get(n - 1).id();
      }
      return new ProfilePage(List.copyOf(views), next);
    });
  }

  /** Empty when no profile has this id, including when it was merged into another one. */
  public Optional<ProfileView> byId(String id) {
    Optional<UUID> uuid = parseId("id", id);
    if (uuid.isEmpty()) {
      return Optional.empty();
    }
    return query("read profile " + id, c -> {
      try (PreparedStatement ps = c.prepareStatement(COLUMNS + " where id = ?")) {
        ps.setObject(1, uuid.get());
        return views(c, ps).stream().findFirst();
      }
    });
  }

  /** The profile that owns this identity key. */
  public Optional<ProfileView> byKey(IdentityKey key) {
    return query("read the profile of " + key, c -> {
      try (PreparedStatement ps = c.prepareStatement(COLUMNS
          + " where id = (select profile_id from identity where key_type = ? and key_value = ?)")) {
        ps.setString(1, key.type());
        ps.setString(2, key.value());
        return views(c, ps).stream().findFirst();
      }
    });
  }

  /**
   * Events of a profile, newest first.
   *
   * @param before the {@code nextBefore} of the previous page, or null for the newest events
   */
  public TimelinePage timeline(String profileId, int limit, String before) {
    int n = checkLimit(limit);
    Optional<UUID> profile = parseId("profileId", profileId);
    if (profile.isEmpty()) {
      return new TimelinePage(List.of(), null);
    }
    Long beforeId;
    try {
      beforeId = before == null ? null : Long.valueOf(before);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("before '" + before + "': expected the nextBefore of a previous timeline page");
    }
    String sql = "select id, entity, system, stream, source_id, occurred_at, data::text from profile_event"
        + " where profile_id = ?"
        + (beforeId == null ? "" : " and (occurred_at, id) < (select occurred_at, id from profile_event where id = ?)")
        + " order by occurred_at desc, id desc limit ?";
    return query("read the timeline of " + profileId, c -> {
      List<TimelineEvent> events = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = 1;
        ps.setObject(i++, profile.get());
        if (beforeId != null) {
          ps.setLong(i++, beforeId);
        }
        ps.setInt(i, n + 1);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            events.add(new TimelineEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getTimestamp(6).toInstant(), ProfileJson.parse(rs.getString(7))));
          }
        }
      }
      String next = null;
      if (events.size() > n) {
        events = events.subList(0, n);
        next = Long.toString(events.get(n - 1).id());
      }
      return new TimelinePage(List.copyOf(events), next);
    });
  }

  /** Runs the profile query, then fetches identities, event counts and trait values of all its rows in one query each. */
  private List<ProfileView> views(Connection c, PreparedStatement profileQuery) throws SQLException {
    record Row(UUID id, java.time.Instant created, java.time.Instant updated, String attributes) {}
    List<Row> rows = new ArrayList<>();
    try (ResultSet rs = profileQuery.executeQuery()) {
      while (rs.next()) {
        rows.add(new Row(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(),
            rs.getString(4)));
      }
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    List<String> ids = rows.stream().map(r -> r.id().toString()).toList();
    Map<UUID, List<IdentityView>> identities = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("select profile_id, key_type, key_value, system, first_seen"
        + " from identity where profile_id = any(?::uuid[]) order by key_type, key_value")) {
      ps.setArray(1, SqlArrays.text(c, ids));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          identities.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
              .add(new IdentityView(rs.getString(2) + ":" + rs.getString(3), rs.getString(4),
                  rs.getTimestamp(5).toInstant()));
        }
      }
    }
    Map<UUID, Map<String, Long>> counts = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("select profile_id, entity, count(*) from profile_event"
        + " where profile_id = any(?::uuid[]) group by profile_id, entity")) {
      ps.setArray(1, SqlArrays.text(c, ids));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
        }
      }
    }
    Map<String, List<ProfileView.MergeView>> merges = merges(c, ids);
    Map<UUID, Map<String, TraitView>> traits = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("select profile_id, trait, value::text, computed_at from profile_trait"
        + " where profile_id = any(?::uuid[])")) {
      ps.setArray(1, SqlArrays.text(c, ids));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String value = rs.getString(3);
          traits.computeIfAbsent(rs.getObject(1, UUID.class), k -> new TreeMap<>()).put(rs.getString(2),
              new TraitView(value == null ? NullNode.getInstance() : ProfileJson.parse(value), rs.getTimestamp(4).toInstant()));
        }
      }
    }
    List<ProfileView> views = new ArrayList<>(rows.size());
    for (Row r : rows) {
      views.add(new ProfileView(r.id().toString(), r.created(), r.updated(), ProfileJson.readAttributes(r.attributes()),
          List.copyOf(identities.getOrDefault(r.id(), List.of())), counts.getOrDefault(r.id(), Map.of()),
          List.copyOf(merges.getOrDefault(r.id().toString(), List.of())), traits.getOrDefault(r.id(), Map.of())));
    }
    return views;
  }

  /** The merges each profile took part in, as survivor or as the profile merged away (and restored). */
  private static Map<String, List<ProfileView.MergeView>> merges(Connection c, List<String> ids) throws SQLException {
    Map<String, List<ProfileView.MergeView>> merges = new HashMap<>();
    java.util.Set<String> wanted = new java.util.HashSet<>(ids);
    try (PreparedStatement ps = c.prepareStatement("select id, survivor_id::text, merged_id::text, merged_at,"
        + " cause_system, cause_stream, cause_source_id, cause_entity, cause_key, rule, unmerged_at, unmerged_by,"
        + " unmerge_comment from profile_merge where survivor_id = any(?::uuid[]) or merged_id = any(?::uuid[])"
        + " order by id")) {
      ps.setArray(1, SqlArrays.text(c, ids));
      ps.setArray(2, SqlArrays.text(c, ids));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          java.sql.Timestamp unmerged = rs.getTimestamp(11);
          ProfileView.MergeView m = new ProfileView.MergeView(rs.getLong(1), rs.getString(2), rs.getString(3),
              rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
              rs.getString(9), rs.getString(10), unmerged == null ? null : unmerged.toInstant(), rs.getString(12),
              rs.getString(13));
          for (String id : List.of(m.survivor(), m.merged())) {
            if (wanted.contains(id)) {
              merges.computeIfAbsent(id, k -> new ArrayList<>()).add(m);
            }
          }
        }
      }
    }
    return merges;
  }

  @FunctionalInterface
  private interface Query<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T query(String what, Query<T> query) {
    try (Connection c = dataSource.getConnection()) {
      return query.run(c);
    } catch (SQLException e) {
      throw new StoreException("cannot " + what + ": " + e.getMessage() + " [SQLState " + e.getSQLState() + "]", e);
    }
  }

  private static int checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit " + limit + ": expected 1 to " + MAX_LIMIT);
    }
    return limit;
  }

  private static Optional<UUID> parseId(String what, String id) {
    if (id == null) {
      throw new IllegalArgumentException(what + " is required");
    }
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
