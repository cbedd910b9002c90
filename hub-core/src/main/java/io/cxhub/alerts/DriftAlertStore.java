package io.cxhub.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.drift.Drift;
import io.cxhub.drift.DriftKind;
import io.cxhub.drift.Severity;
import io.cxhub.store.SqlArrays;
import io.cxhub.store.Transactions;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Durable alerts with their audit trail. A drift is recorded against the one live (OPEN or
 * ACKNOWLEDGED) alert with its key; a partial unique index keeps it one even with several hub nodes
 * recording at once (the loser of the race retries and updates the winner's row). Thread-safe.
 */
public final class DriftAlertStore {

  /** Actor of what the hub itself does. */
  public static final String DETECTOR = "drift-detector";

  private static final String COLUMNS = "select id, system, stream, kind, old_fields, new_fields, severity, status,"
      + " occurrences, windows, first_seen, last_seen, baseline_version, latest from drift_alert";

  /** What recording a drift did: the alert, and whether it is new (then notified at once) or an update. */
  public record Recorded(DriftAlert alert, boolean created) {}

  private final Transactions transactions;
  private final ObjectMapper json;

  public DriftAlertStore(DataSource dataSource, ObjectMapper json) {
    this.transactions = new Transactions(dataSource);
    this.json = json;
  }

  /** Adds one occurrence of {@code drift}: updates its live alert, or opens one. */
  public Recorded record(Drift drift, int baselineVersion, Instant now) {
    String key = key(drift);
    String latest = write(drift);
    return transactions.inTransaction("record drift alert " + key, c -> {
      try (PreparedStatement ps = c.prepareStatement("update drift_alert set occurrences = occurrences + ?,"
          + " windows = windows + 1, severity = ?, last_seen = greatest(last_seen, ?), latest = ?::jsonb,"
          + " baseline_version = ?, updated_at = ? where dedup_key = ? and status in ('OPEN', 'ACKNOWLEDGED')"
          + " returning id")) {
        ps.setLong(1, drift.evidence().occurrences());
        ps.setString(2, drift.severity().name());
        ps.setTimestamp(3, ts(drift.evidence().lastSeen()));
        ps.setString(4, latest);
        ps.setInt(5, baselineVersion);
        ps.setTimestamp(6, ts(now));
        ps.setString(7, key);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return new Recorded(read(c, rs.getLong(1)).orElseThrow(), false);
          }
        }
      }
      long id;
      try (PreparedStatement ps = c.prepareStatement("insert into drift_alert (system, stream, kind, old_fields,"
          + " new_fields, dedup_key, severity, status, occurrences, windows, first_seen, last_seen, baseline_version,"
          + " latest, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, 1, ?, ?, ?, ?::jsonb, ?, ?)"
          + " returning id")) {
        ps.setString(1, drift.system());
        ps.setString(2, drift.stream());
        ps.setString(3, drift.kind().name());
        ps.setArray(4, SqlArrays.text(c, drift.oldFields()));
        ps.setArray(5, SqlArrays.text(c, drift.newFields()));
        ps.setString(6, key);
        ps.setString(7, drift.severity().name());
        ps.setLong(8, drift.evidence().occurrences());
        ps.setTimestamp(9, ts(drift.evidence().firstSeen()));
        ps.setTimestamp(10, ts(drift.evidence().lastSeen()));
        ps.setInt(11, baselineVersion);
        ps.setString(12, latest);
        ps.setTimestamp(13, ts(now));
        ps.setTimestamp(14, ts(now));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      audit(c, id, "OPENED", DETECTOR, now, null, drift.severity() + " " + drift.kind() + " against baseline v"
          + baselineVersion);
      return new Recorded(read(c, id).orElseThrow(), true);
    });
  }

  /**
   * Moves a live alert to {@code to}, audited. {@code detail} says what the action changed.
   *
   * @throws IllegalStateException when the alert is no longer live (accepted or resolved before)
   * @throws java.util.NoSuchElementException when there is no such alert
   */
  public DriftAlert transition(long id, AlertStatus to, String actor, String comment, String detail, Instant now) {
    return transactions.inTransaction("move drift alert " + id + " to " + to, c -> {
      DriftAlert alert = read(c, id).orElseThrow(() -> new java.util.NoSuchElementException("no drift alert " + id));
      if (!alert.status().live()) {
        throw new IllegalStateException("drift alert " + id + " is " + alert.status() + " already: only OPEN or "
            + "ACKNOWLEDGED alerts can be acted on");
      }
      try (PreparedStatement ps = c.prepareStatement("update drift_alert set status = ?, updated_at = ? where id = ?")) {
        ps.setString(1, to.name());
        ps.setTimestamp(2, ts(now));
        ps.setLong(3, id);
        ps.executeUpdate();
      }
      audit(c, id, to.name(), actor, now, comment, detail);
      return withHistory(c, read(c, id).orElseThrow());
    });
  }

  /** Adds an audit entry without changing the status (e.g. a proposal applied to a mapping file). */
  public void audit(long id, String action, String actor, String comment, String detail, Instant now) {
    transactions.inTransaction("audit drift alert " + id, c -> {
      audit(c, id, action, actor, now, comment, detail);
      return null;
    });
  }

  /** One alert with its history. */
  public Optional<DriftAlert> byId(long id) {
    return transactions.inTransaction("read drift alert " + id, c -> {
      Optional<DriftAlert> alert = read(c, id);
      return alert.isEmpty() ? alert : Optional.of(withHistory(c, alert.get()));
    });
  }

  /**
   * Alerts, newest first; any filter may be null.
   *
   * @param beforeId the last id of the previous page, or null
   */
  public List<DriftAlert> list(String system, String stream, AlertStatus status, DriftKind kind, Severity severity,
      int limit, Long beforeId) {
    StringBuilder sql = new StringBuilder(COLUMNS).append(" where true");
    List<Object> args = new ArrayList<>();
    filter(sql, args, "system", system);
    filter(sql, args, "stream", stream);
    filter(sql, args, "status", status == null ? null : status.name());
    filter(sql, args, "kind", kind == null ? null : kind.name());
    filter(sql, args, "severity", severity == null ? null : severity.name());
    if (beforeId != null) {
      sql.append(" and id < ?");
      args.add(beforeId);
    }
    sql.append(" order by id desc limit ").append(limit);
    return transactions.inTransaction("list drift alerts", c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < args.size(); i++) {
          ps.setObject(i + 1, args.get(i));
        }
        return readAll(ps);
      }
    });
  }

  /** The latest occurrence of an alert as detected: evidence, affected mappings, proposal and its edits. */
  public Optional<Drift> latestDrift(long id) {
    return transactions.inTransaction("read drift of alert " + id, c -> {
      try (PreparedStatement ps = c.prepareStatement("select latest from drift_alert where id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(readDrift(rs.getString(1))) : Optional.<Drift>empty();
        }
      }
    });
  }

  /** The live alerts of one stream (for policies and a restart). */
  public List<DriftAlert> live(String system, String stream) {
    return transactions.inTransaction("read live drift alerts of " + system + "/" + stream, c -> {
      try (PreparedStatement ps = c.prepareStatement(COLUMNS
          + " where system = ? and stream = ? and status in ('OPEN', 'ACKNOWLEDGED') order by id")) {
        ps.setString(1, system);
        ps.setString(2, stream);
        return readAll(ps);
      }
    });
  }

  private static void filter(StringBuilder sql, List<Object> args, String column, String value) {
    if (value != null) {
      sql.append(" and ").append(column).append(" = ?");
      args.add(value);
    }
  }

  private static void audit(Connection c, long id, String action, String actor, Instant at, String comment,
      String detail) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into drift_alert_action (alert_id, action, actor, at,"
        + " comment, detail) values (?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, action);
      ps.setString(3, actor);
      ps.setTimestamp(4, ts(at));
      ps.setString(5, comment);
      ps.setString(6, detail);
      ps.executeUpdate();
    }
  }

  private DriftAlert withHistory(Connection c, DriftAlert alert) throws SQLException {
    List<AlertAction> actions = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("select action, actor, at, comment, detail from drift_alert_action"
        + " where alert_id = ? order by id")) {
      ps.setLong(1, alert.id());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          actions.add(new AlertAction(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
              rs.getString(4), rs.getString(5)));
        }
      }
    }
    return alert.withHistory(actions);
  }

  private Optional<DriftAlert> read(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(COLUMNS + " where id = ?")) {
      ps.setLong(1, id);
      return readAll(ps).stream().findFirst();
    }
  }

  private List<DriftAlert> readAll(PreparedStatement ps) throws SQLException {
    List<DriftAlert> alerts = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Drift latest = readDrift(rs.getString("latest"));
        alerts.add(new DriftAlert(rs.getLong("id"), rs.getString("system"), rs.getString("stream"),
            DriftKind.valueOf(rs.getString("kind")),
            new DriftAlert.Fields(strings(rs.getArray("old_fields")), strings(rs.getArray("new_fields"))),
            Severity.valueOf(rs.getString("severity")), AlertStatus.valueOf(rs.getString("status")),
            latest.affected(), latest.evidence(), rs.getLong("occurrences"), rs.getInt("windows"),
            instant(rs.getTimestamp("first_seen")), instant(rs.getTimestamp("last_seen")), latest.proposal(),
            rs.getInt("baseline_version"), List.of()));
      }
    }
    return alerts;
  }

  /** The dedup key ({@link Drift#key()}: stream, kind and fields) as one indexable text. */
  static String key(Drift drift) {
    var key = drift.key();
    return key.system() + "/" + key.stream() + "/" + key.kind() + "/" + String.join(",", key.oldFields()) + "->"
        + String.join(",", key.newFields());
  }

  private String write(Drift drift) {
    try {
      return json.writeValueAsString(drift);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("drift of " + drift.system() + "/" + drift.stream() + " is not serializable", e);
    }
  }

  private Drift readDrift(String text) {
    try {
      return json.readValue(text, Drift.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored drift is not readable: " + e.getOriginalMessage(), e);
    }
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}
