package io.cxhub.quarantine;

import io.cxhub.quarantine.QuarantineEntry.Status;
import io.cxhub.quarantine.QuarantinedRecord.Stage;
import io.cxhub.store.SqlArrays;
import io.cxhub.store.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Durable store of records that could not be processed, and their replay.
 *
 * <p>Replay protocol: {@link #takeForReplay} moves HELD entries to REPLAYING in one statement that
 * skips rows another replayer holds, so no entry is handed out twice. The caller then either
 * {@link #markReplayed marks them replayed}, puts a failing one back with {@link #replayFailed}
 * (new HELD entry and old one REPLAYED in one transaction, so nothing is lost), or {@link #release
 * releases} them when it stopped before trying. Entries left REPLAYING by a crash come back with
 * {@link #releaseStale}; replaying one of those again is harmless because profile writes are
 * idempotent. Thread-safe.
 */
public final class QuarantineStore {

  public static final int MAX_LIMIT = 1000;

  private static final String COLUMNS = "select id, system, stream, connector_instance, stage, reason, raw_text, cursor,"
      + " received_at, status, status_at, replaced_by from quarantine";
  private static final String INSERT = "insert into quarantine (system, stream, connector_instance, stage, reason,"
      + " raw_text, cursor, received_at) values (?, ?, ?, ?, ?, ?, ?, ?)";

  private final Transactions transactions;

  public QuarantineStore(DataSource dataSource) {
    this.transactions = new Transactions(dataSource);
  }

  /** Stores one record (HELD) and returns its id. */
  public long put(QuarantinedRecord r) {
    return putAll(List.of(r)).get(0);
  }

  /** Stores records (HELD) in one transaction; ids in the order given. */
  public List<Long> putAll(List<QuarantinedRecord> records) {
    if (records.isEmpty()) {
      return List.of();
    }
    return transactions.inTransaction("quarantine " + records.size() + " records", c -> insert(c, records));
  }

  public Optional<QuarantineEntry> byId(long id) {
    return transactions.inTransaction("read quarantine entry " + id, c -> {
      try (PreparedStatement ps = c.prepareStatement(COLUMNS + " where id = ?")) {
        ps.setLong(1, id);
        return read(ps).stream().findFirst();
      }
    });
  }

  /**
   * Entries in id order; any filter may be null.
   *
   * @param status HELD, REPLAYING, REPLAYED or DISCARDED
   * @param afterId the last id of the previous page, or null
   */
  public List<QuarantineEntry> list(String system, String stream, String status, int limit, Long afterId) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit " + limit + ": expected 1 to " + MAX_LIMIT);
    }
    Status wanted = status == null ? null : parseStatus(status);
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder(" where true");
    if (system != null) {
      where.append(" and system = ?");
      args.add(system);
    }
    if (stream != null) {
      where.append(" and stream = ?");
      args.add(stream);
    }
    if (wanted != null) {
      where.append(" and status = ?");
      args.add(wanted.name());
    }
    if (afterId != null) {
      where.append(" and id > ?");
      args.add(afterId);
    }
    args.add(limit);
    return transactions.inTransaction("list quarantined records", c -> {
      try (PreparedStatement ps = c.prepareStatement(COLUMNS + where + " order by id limit ?")) {
        for (int i = 0; i < args.size(); i++) {
          ps.setObject(i + 1, args.get(i));
        }
        return read(ps);
      }
    });
  }

  public List<QuarantineCount> countsByStream() {
    return transactions.inTransaction("count quarantined records", c -> {
      List<QuarantineCount> counts = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select system, stream,"
          + " count(*) filter (where status = 'HELD'), count(*) filter (where status = 'REPLAYING'),"
          + " count(*) filter (where status = 'REPLAYED'), count(*) filter (where status = 'DISCARDED')"
          + " from quarantine group by system, stream order by system, stream")) {
        while (rs.next()) {
          counts.add(new QuarantineCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
              rs.getLong(6)));
        }
      }
      return counts;
    });
  }

  /** Hands out up to {@code limit} HELD entries of a stream, oldest first, now REPLAYING. */
  public List<QuarantineEntry> takeForReplay(String system, String stream, int limit) {
    return takeForReplay(system, stream, limit, Long.MAX_VALUE);
  }

  /**
   * Hands out up to {@code limit} HELD entries of a stream with ids up to {@code throughId}, oldest
   * first, now REPLAYING. A replay bounds itself by {@link #newestId()} taken when it starts, so the
   * records it puts back (they fail again) are not handed to it again.
   */
  public List<QuarantineEntry> takeForReplay(String system, String stream, int limit, long throughId) {
    return transactions.inTransaction("take quarantined records of " + system + "/" + stream + " for replay", c -> {
      try (PreparedStatement ps = c.prepareStatement("with taken as (update quarantine set status = 'REPLAYING',"
          + " status_at = now() where id in (select id from quarantine where system = ? and stream = ? and status = 'HELD'"
          + " and id <= ? order by id limit ? for update skip locked) returning *)"
          + COLUMNS.replace("from quarantine", "from taken") + " order by id")) {
        ps.setString(1, system);
        ps.setString(2, stream);
        ps.setLong(3, throughId);
        ps.setInt(4, limit);
        return read(ps);
      }
    });
  }

  /** The id of the newest entry of any stream, 0 when there is none. */
  public long newestId() {
    return transactions.inTransaction("read the newest quarantine id", c -> {
      try (PreparedStatement ps = c.prepareStatement("select coalesce(max(id), 0) from quarantine");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /** REPLAYING → REPLAYED; returns how many changed (entries not REPLAYING are left alone). */
  public int markReplayed(Collection<Long> ids) {
    return move(ids, Status.REPLAYING, Status.REPLAYED);
  }

  /** REPLAYING → HELD, for a replay that stopped before it tried these entries. */
  public int release(Collection<Long> ids) {
    return move(ids, Status.REPLAYING, Status.HELD);
  }

  /** HELD → DISCARDED, an operator's decision. */
  public int discard(Collection<Long> ids) {
    return move(ids, Status.HELD, Status.DISCARDED);
  }

  /** Puts back entries left REPLAYING for longer than {@code olderThan}, e.g. by a node that died mid-replay. */
  public int releaseStale(Duration olderThan) {
    return transactions.inTransaction("release stale replays", c -> {
      try (PreparedStatement ps = c.prepareStatement("update quarantine set status = 'HELD', status_at = now()"
          + " where status = 'REPLAYING' and status_at < now() - ?::interval")) {
        ps.setString(1, olderThan.toMillis() + " milliseconds");
        return ps.executeUpdate();
      }
    });
  }

  /**
   * A replayed entry failed again: stores {@code again} as a new HELD entry and marks the old one
   * REPLAYED pointing at it, in one transaction.
   *
   * @return the id of the new entry
   * @throws IllegalStateException when entry {@code id} is not REPLAYING (nothing is stored then)
   */
  public long replayFailed(long id, QuarantinedRecord again) {
    return transactions.inTransaction("put quarantine entry " + id + " back after a failed replay", c -> {
      long newId = insert(c, List.of(again)).get(0);
      try (PreparedStatement ps = c.prepareStatement("update quarantine set status = 'REPLAYED', status_at = now(),"
          + " replaced_by = ? where id = ? and status = 'REPLAYING'")) {
        ps.setLong(1, newId);
        ps.setLong(2, id);
        if (ps.executeUpdate() != 1) {
          throw new IllegalStateException("quarantine entry " + id + " is not being replayed (take it with takeForReplay first)");
        }
      }
      return newId;
    });
  }

  private int move(Collection<Long> ids, Status from, Status to) {
    if (ids.isEmpty()) {
      return 0;
    }
    return transactions.inTransaction("mark " + ids.size() + " quarantine entries " + to, c -> {
      try (PreparedStatement ps = c.prepareStatement("update quarantine set status = ?, status_at = now()"
          + " where id = any(?) and status = ?")) {
        ps.setString(1, to.name());
        ps.setArray(2, SqlArrays.bigint(c, List.copyOf(ids)));
        ps.setString(3, from.name());
        return ps.executeUpdate();
      }
    });
  }

  private static List<Long> insert(Connection c, List<QuarantinedRecord> records) throws SQLException {
    List<Long> ids = new ArrayList<>(records.size());
    try (PreparedStatement ps = c.prepareStatement(INSERT, new String[] {"id"})) {
      for (QuarantinedRecord r : records) {
        ps.setString(1, r.system());
        ps.setString(2, r.stream());
        ps.setString(3, r.connectorInstance());
        ps.setString(4, r.stage().name());
        ps.setString(5, r.reason());
        ps.setString(6, r.rawText());
        ps.setString(7, r.cursor());
        ps.setTimestamp(8, Timestamp.from(r.receivedAt()));
        ps.addBatch();
      }
      ps.executeBatch();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        while (keys.next()) {
          ids.add(keys.getLong(1));
        }
      }
    }
    return ids;
  }

  private static List<QuarantineEntry> read(PreparedStatement ps) throws SQLException {
    List<QuarantineEntry> entries = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        QuarantinedRecord r = new QuarantinedRecord(rs.getString(2), rs.getString(3), rs.getString(4),
            Stage.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getTimestamp(9).toInstant());
        entries.add(new QuarantineEntry(rs.getLong(1), r, Status.valueOf(rs.getString(10)),
            rs.getTimestamp(11).toInstant(), rs.getObject(12, Long.class)));
      }
    }
    return entries;
  }

  private static Status parseStatus(String status) {
    try {
      return Status.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("status '" + status + "': expected one of " + Arrays.toString(Status.values()));
    }
  }
}
