package io.cxhub.ingest;

import io.cxhub.store.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Per-stream counters for stream health and freshness. Each call adds to the stored totals in one
 * upsert, so several nodes can count the same stream. Thread-safe.
 */
public final class StreamStatsRepository {

  private final Transactions transactions;
  private final CursorRepository cursors;

  public StreamStatsRepository(DataSource dataSource, CursorRepository cursors) {
    this.transactions = new Transactions(dataSource);
    this.cursors = cursors;
  }

  /** Adds {@code n} stored records; the last-record time only moves forward. */
  public void recordAccepted(String system, String stream, long n, Instant lastRecordAt) {
    add(system, stream, "records", "last_record_at", n, lastRecordAt);
  }

  /** Adds {@code n} quarantined records; the last-quarantined time only moves forward. */
  public void recordQuarantined(String system, String stream, long n, Instant at) {
    add(system, stream, "quarantined", "last_quarantined_at", n, at);
  }

  /** Every stream with counters or a committed cursor, by system and stream. */
  public List<StreamStats> list() {
    Map<StreamKey, StreamStats> stats = new TreeMap<>(BY_NAME);
    transactions.inTransaction("list stream stats", c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "select system, stream, records, quarantined, last_record_at, last_quarantined_at from stream_stats")) {
        while (rs.next()) {
          stats.put(new StreamKey(rs.getString(1), rs.getString(2)), new StreamStats(rs.getString(1), rs.getString(2),
              rs.getLong(3), rs.getLong(4), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), List.of()));
        }
      }
      return null;
    });
    Map<StreamKey, List<StreamCursor>> cursorsByStream = new TreeMap<>(BY_NAME);
    for (StreamCursor cursor : cursors.all()) {
      if (cursor.system() != null) {
        cursorsByStream.computeIfAbsent(new StreamKey(cursor.system(), cursor.stream()), k -> new ArrayList<>())
            .add(cursor);
      }
    }
    cursorsByStream.forEach((key, list) -> stats.merge(key,
        new StreamStats(key.system(), key.stream(), 0, 0, null, null, List.copyOf(list)),
        (counted, withCursors) -> new StreamStats(counted.system(), counted.stream(), counted.records(),
            counted.quarantined(), counted.lastRecordAt(), counted.lastQuarantinedAt(), withCursors.cursors())));
    return List.copyOf(stats.values());
  }

  private record StreamKey(String system, String stream) {}

  private static final Comparator<StreamKey> BY_NAME =
      Comparator.comparing(StreamKey::system).thenComparing(StreamKey::stream);

  private void add(String system, String stream, String counter, String lastAt, long n, Instant at) {
    if (n < 0) {
      throw new IllegalArgumentException("record count " + n + " for " + system + "/" + stream + ": expected 0 or more");
    }
    // counter and lastAt are column names from this class, never input
    String sql = "insert into stream_stats as s (system, stream, " + counter + ", " + lastAt + ") values (?, ?, ?, ?)"
        + " on conflict (system, stream) do update set " + counter + " = s." + counter + " + excluded." + counter
        + ", " + lastAt + " = greatest(s." + lastAt + ", excluded." + lastAt + ")";
    transactions.inTransaction("count " + n + " records of " + system + "/" + stream, c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, system);
        ps.setString(2, stream);
        ps.setLong(3, n);
        ps.setTimestamp(4, at == null ? null : Timestamp.from(at));
        return ps.executeUpdate();
      }
    });
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
