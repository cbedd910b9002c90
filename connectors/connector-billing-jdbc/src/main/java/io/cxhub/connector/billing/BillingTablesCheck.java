package io.cxhub.connector.billing;

import io.cxhub.spi.connector.CheckResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Connects and verifies that every configured table exists with a timestamptz cursor column. */
final class BillingTablesCheck {

  private BillingTablesCheck() {}

  static CheckResult run(BillingSettings s) {
    DataSource ds = BillingDataSources.create(s);
    List<String> problems = new ArrayList<>();
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("select data_type from information_schema.columns "
            + "where table_schema = ? and table_name = ? and column_name = ?")) {
      for (String stream : s.streams()) {
        String pk = BillingStreams.named(stream).orElseThrow().primaryKey();
        String table = s.schema() + "." + stream;
        String cursorType = columnType(ps, s.schema(), stream, s.cursorColumn());
        if (cursorType == null && columnType(ps, s.schema(), stream, pk) == null) {
          problems.add("table " + table + " does not exist (or is not visible to this user)");
        } else if (cursorType == null) {
          problems.add("table " + table + " has no column " + s.cursorColumn());
        } else if (!cursorType.equals("timestamp with time zone")) {
          problems.add("column " + table + "." + s.cursorColumn() + " is " + cursorType
              + ", expected timestamp with time zone");
        } else if (columnType(ps, s.schema(), stream, pk) == null) {
          problems.add("table " + table + " has no column " + pk);
        }
      }
    } catch (SQLException e) {
      return CheckResult.failed("cannot connect to " + s.safeUrl() + ": " + BillingReader.rootMessage(e));
    }
    return problems.isEmpty() ? CheckResult.passed() : CheckResult.failed(String.join("; ", problems));
  }

  private static String columnType(PreparedStatement ps, String schema, String table, String column)
      throws SQLException {
    ps.setString(1, schema);
    ps.setString(2, table);
    ps.setString(3, column);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
