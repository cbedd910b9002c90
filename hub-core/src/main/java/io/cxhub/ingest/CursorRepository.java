package io.cxhub.ingest;

import io.cxhub.spi.connector.CursorStore;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.store.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Incremental positions of connector instances, in PostgreSQL so that every hub node resumes where
 * any other left off. The hub commits a cursor only after the records up to it are stored or
 * quarantined. Thread-safe.
 */
public final class CursorRepository implements CursorStore {

  private final Transactions transactions;

  public CursorRepository(DataSource dataSource) {
    this.transactions = new Transactions(dataSource);
  }

  @Override
  public Optional<String> committed(String connectorInstance, String stream) {
    return transactions.inTransaction("read the cursor of " + connectorInstance + "/" + stream, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "select cursor from stream_cursor where connector_instance = ? and stream = ?")) {
        ps.setString(1, connectorInstance);
        ps.setString(2, stream);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
      }
    });
  }

  /** Stores the cursor of an instance's stream, replacing the previous one. */
  public void commit(String connectorInstance, String stream, String cursor) {
    upsert(connectorInstance, null, stream, cursor);
  }

  /**
   * Commits the cursor of the last record of a stored batch, with its system so that stream health
   * can show it. Does nothing for pushed records, which have no cursor.
   *
   * @return whether a cursor was committed
   */
  public boolean commit(RawRecord lastOfBatch) {
    if (lastOfBatch.connectorInstance() == null || lastOfBatch.cursor() == null) {
      return false;
    }
    upsert(lastOfBatch.connectorInstance(), lastOfBatch.system(), lastOfBatch.stream(), lastOfBatch.cursor());
    return true;
  }

  public List<StreamCursor> all() {
    return transactions.inTransaction("list cursors", c -> {
      List<StreamCursor> cursors = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select connector_instance, system, stream,"
          + " cursor, committed_at from stream_cursor order by system, stream, connector_instance")) {
        while (rs.next()) {
          cursors.add(new StreamCursor(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getTimestamp(5).toInstant()));
        }
      }
      return cursors;
    });
  }

  private void upsert(String connectorInstance, String system, String stream, String cursor) {
    if (connectorInstance == null || stream == null || cursor == null) {
      throw new IllegalArgumentException("cursor commit needs a connector instance, a stream and a cursor; got "
          + connectorInstance + ", " + stream + ", " + cursor);
    }
    transactions.inTransaction("commit the cursor of " + connectorInstance + "/" + stream, c -> {
      try (PreparedStatement ps = c.prepareStatement("insert into stream_cursor as s"
          + " (connector_instance, system, stream, cursor, committed_at) values (?, ?, ?, ?, now())"
          + " on conflict (connector_instance, stream) do update set cursor = excluded.cursor,"
          + " system = coalesce(excluded.system, s.system), committed_at = excluded.committed_at")) {
        ps.setString(1, connectorInstance);
        ps.setString(2, system);
        ps.setString(3, stream);
        ps.setString(4, cursor);
        return ps.executeUpdate();
      }
    });
  }
}
