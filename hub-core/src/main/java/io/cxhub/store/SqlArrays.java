package io.cxhub.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Columns passed as {@code text[]} parameters, so that a batch of any size is one statement:
 * {@code insert ... select * from unnest(?::text[], ...)} instead of a statement per row.
 */
public final class SqlArrays {

  private SqlArrays() {}

  public static Array text(Connection c, List<String> values) throws SQLException {
    return c.createArrayOf("text", values.toArray(new String[0]));
  }

  public static Array bigint(Connection c, List<Long> values) throws SQLException {
    return c.createArrayOf("bigint", values.toArray(new Long[0]));
  }

  /**
   * A list of texts as one element of a {@code text[]} column, for a column that is itself an array
   * (PostgreSQL has no ragged arrays): split back with {@code string_to_array(x, chr(31))}. The unit
   * separator never occurs in identity keys, which mappings trim and normalize.
   */
  public static String joinUnitSeparated(List<String> values) {
    return String.join("\u001f", values);
  }
}
