package io.cxhub.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cxhub.store.SqlArrays;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Folds one profile into another: its identities, source records and events move to the survivor, the merge is
 * recorded with what caused it and with what an un-merge needs, and the merged profile row goes.
 * Combining attributes is the caller's business (it owns survivorship). Works on the caller's
 * transaction, which must hold row locks on both profiles.
 */
public final class ProfileMerger {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What moved in one merge. */
  public record Merge(UUID survivor, UUID merged, int identitiesMoved, int eventsMoved) {}

  /** @param rule the identity rule that allowed the merge, in words */
  public Merge merge(Connection c, UUID survivor, UUID merged, Instant mergedCreatedAt, String mergedAttributesJson,
      MergeCause cause, String rule) throws SQLException {
    ArrayNode identities = JSON.createArrayNode();
    try (PreparedStatement ps = c.prepareStatement(
        "update identity set profile_id = ? where profile_id = ? returning key_type, key_value, system, first_seen")) {
      ps.setObject(1, survivor);
      ps.setObject(2, merged);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          identities.addObject()
              .put("key", rs.getString(1) + ":" + rs.getString(2))
              .put("system", rs.getString(3))
              .put("firstSeen", rs.getTimestamp(4).toInstant().toString());
        }
      }
    }
    List<Long> events = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "update profile_event set profile_id = ?, updated_at = now() where profile_id = ? returning id")) {
      ps.setObject(1, survivor);
      ps.setObject(2, merged);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          events.add(rs.getLong(1));
        }
      }
    }
    ArrayNode sources = JSON.createArrayNode();
    try (PreparedStatement ps = c.prepareStatement(
        "update profile_source set profile_id = ? where profile_id = ? returning system, entity, source_id")) {
      ps.setObject(1, survivor);
      ps.setObject(2, merged);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sources.addArray().add(rs.getString(1)).add(rs.getString(2)).add(rs.getString(3));
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement(
        "insert into profile_merge (survivor_id, merged_id, merged_created_at, merged_attributes, identities_moved,"
            + " events_moved, cause_system, cause_stream, cause_source_id, cause_entity, cause_key, rule, sources_moved)"
            + " values (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
      ps.setObject(1, survivor);
      ps.setObject(2, merged);
      ps.setTimestamp(3, Timestamp.from(mergedCreatedAt));
      ps.setString(4, mergedAttributesJson);
      ps.setString(5, identities.toString());
      ps.setArray(6, SqlArrays.bigint(c, events));
      ps.setString(7, cause.system());
      ps.setString(8, cause.stream());
      ps.setString(9, cause.sourceId());
      ps.setString(10, cause.entity());
      ps.setString(11, cause.key().toString());
      ps.setString(12, rule);
      ps.setString(13, sources.toString());
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("delete from profile where id = ?")) {
      ps.setObject(1, merged);
      ps.executeUpdate();
    }
    return new Merge(survivor, merged, identities.size(), events.size());
  }
}
