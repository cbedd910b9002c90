package io.cxhub.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.drift.Baseline;
import io.cxhub.drift.StreamProfile;
import io.cxhub.store.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Versioned stream baselines and each stream's latest observed window (what an accept turns into
 * the next version). A baseline version, once written, is only ever completed in place while it is
 * being refined from its first records; an accepted change is a new row. Thread-safe.
 */
public final class BaselineStore {

  /** One stored version, without its field expectations (for listings). */
  public record Version(int version, Baseline.Origin origin, java.time.Instant createdAt, String createdBy,
      long records, int fields) {}

  private final Transactions transactions;
  private final ObjectMapper json;

  public BaselineStore(DataSource dataSource, ObjectMapper json) {
    this.transactions = new Transactions(dataSource);
    this.json = json;
  }

  /** Stores a version (or completes the same version while it is refined). */
  public void save(Baseline baseline, String actor) {
    String body = write(baseline);
    transactions.inTransaction("save baseline " + baseline.system() + "/" + baseline.stream() + " v"
        + baseline.version(), c -> {
      try (PreparedStatement ps = c.prepareStatement("insert into drift_baseline (system, stream, version, origin,"
          + " created_at, created_by, body) values (?, ?, ?, ?, ?, ?, ?::jsonb) on conflict (system, stream, version)"
          + " do update set body = excluded.body")) {
        ps.setString(1, baseline.system());
        ps.setString(2, baseline.stream());
        ps.setInt(3, baseline.version());
        ps.setString(4, baseline.origin().name());
        ps.setTimestamp(5, Timestamp.from(baseline.createdAt()));
        ps.setString(6, actor);
        ps.setString(7, body);
        return ps.executeUpdate();
      }
    });
  }

  /** The newest version of a stream's baseline. */
  public Optional<Baseline> latest(String system, String stream) {
    return transactions.inTransaction("read baseline of " + system + "/" + stream, c -> {
      try (PreparedStatement ps = c.prepareStatement("select body from drift_baseline where system = ? and stream = ?"
          + " order by version desc limit 1")) {
        ps.setString(1, system);
        ps.setString(2, stream);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(read(rs.getString(1), Baseline.class)) : Optional.<Baseline>empty();
        }
      }
    });
  }

  /** Every version of a stream's baseline, oldest first. */
  public List<Version> versions(String system, String stream) {
    return transactions.inTransaction("list baselines of " + system + "/" + stream, c -> {
      try (PreparedStatement ps = c.prepareStatement("select version, origin, created_at, created_by,"
          + " (body->>'records')::bigint, (select count(*) from jsonb_object_keys(body->'fields'))"
          + " from drift_baseline where system = ? and stream = ? order by version")) {
        ps.setString(1, system);
        ps.setString(2, stream);
        List<Version> versions = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            versions.add(new Version(rs.getInt(1), Baseline.Origin.valueOf(rs.getString(2)),
                rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getLong(5), rs.getInt(6)));
          }
        }
        return versions;
      }
    });
  }

  /** Keeps {@code window} as the stream's latest. */
  public void saveWindow(StreamProfile window) {
    String body = write(window);
    transactions.inTransaction("save window of " + window.system() + "/" + window.stream(), c -> {
      try (PreparedStatement ps = c.prepareStatement("insert into drift_window (system, stream, taken_at, body)"
          + " values (?, ?, ?, ?::jsonb) on conflict (system, stream) do update set taken_at = excluded.taken_at,"
          + " body = excluded.body")) {
        ps.setString(1, window.system());
        ps.setString(2, window.stream());
        ps.setTimestamp(3, Timestamp.from(window.to()));
        ps.setString(4, body);
        return ps.executeUpdate();
      }
    });
  }

  public Optional<StreamProfile> latestWindow(String system, String stream) {
    return transactions.inTransaction("read window of " + system + "/" + stream, c -> {
      try (PreparedStatement ps = c.prepareStatement("select body from drift_window where system = ? and stream = ?")) {
        ps.setString(1, system);
        ps.setString(2, stream);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(read(rs.getString(1), StreamProfile.class)) : Optional.<StreamProfile>empty();
        }
      }
    });
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored " + type.getSimpleName() + " is not readable: " + e.getOriginalMessage(), e);
    }
  }
}
