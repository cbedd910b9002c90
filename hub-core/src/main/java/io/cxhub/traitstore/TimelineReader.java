package io.cxhub.traitstore;

import io.cxhub.profile.TimelineEvent;
import io.cxhub.store.SqlArrays;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the timelines of many profiles in one query, limited to the events an {@link EventSelection} needs. */
final class TimelineReader {

  /** @return the selected events by profile; profiles without any are absent */
  Map<UUID, List<TimelineEvent>> read(Connection c, Collection<UUID> profiles, EventSelection selection)
      throws SQLException {
    Map<UUID, List<TimelineEvent>> timelines = new HashMap<>();
    if (profiles.isEmpty() || selection.isEmpty()) {
      return timelines;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "select e.profile_id, e.id, e.entity, e.system, e.stream, e.source_id, e.occurred_at, e.data::text"
            + " from profile_event e where e.profile_id = any(?::uuid[]) and " + selection.sql())) {
      ps.setArray(1, SqlArrays.text(c, profiles.stream().map(UUID::toString).toList()));
      selection.bind(ps, 2);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          timelines.computeIfAbsent(rs.getObject(1, UUID.class), p -> new ArrayList<>())
              .add(new TimelineEvent(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                  rs.getTimestamp(7).toInstant(), TraitJson.parse(rs.getString(8))));
        }
      }
    }
    return timelines;
  }
}
