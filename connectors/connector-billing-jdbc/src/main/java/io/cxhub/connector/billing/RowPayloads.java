package io.cxhub.connector.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Map;
import java.util.UUID;
import org.postgresql.util.PGobject;

/**
 * Turns a result row into the record payload: one field per column under its own (snake_case)
 * name, timestamps as ISO-8601 with offset, dates as {@code yyyy-MM-dd}, numbers as numbers.
 * Stateless and thread-safe.
 */
final class RowPayloads {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  private RowPayloads() {}

  static ObjectNode toPayload(Map<String, Object> row) throws UnrepresentableRowException {
    ObjectNode payload = NODES.objectNode();
    for (Map.Entry<String, Object> column : row.entrySet()) {
      payload.set(column.getKey(), value(column.getKey(), column.getValue()));
    }
    return payload;
  }

  private static JsonNode value(String column, Object v) throws UnrepresentableRowException {
    if (v == null) {
      return NODES.nullNode();
    }
    if (v instanceof String s) {
      return NODES.textNode(s);
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return NODES.numberNode(((Number) v).intValue());
    }
    if (v instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (v instanceof BigDecimal d) {
      return NODES.numberNode(d);
    }
    if (v instanceof BigInteger i) {
      return NODES.numberNode(i);
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new UnrepresentableRowException("column " + column + " holds " + d + ", which JSON cannot represent");
      }
      return NODES.numberNode(d);
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    // Timestamp extends java.util.Date, and Date/Time too: test the subclasses first
    if (v instanceof Timestamp t) {
      return NODES.textNode(Cursor.iso(t.toInstant()));
    }
    if (v instanceof Date d) {
      return NODES.textNode(d.toLocalDate().toString());
    }
    if (v instanceof Time t) {
      return NODES.textNode(t.toLocalTime().toString());
    }
    if (v instanceof UUID u) {
      return NODES.textNode(u.toString());
    }
    if (v instanceof PGobject o) {
      return pgObject(column, o);
    }
    throw new UnrepresentableRowException("column " + column + " has SQL values of " + v.getClass().getName()
        + ", which this connector does not put into JSON");
  }

  private static JsonNode pgObject(String column, PGobject o) throws UnrepresentableRowException {
    if (o.getValue() == null) {
      return NODES.nullNode();
    }
    if ("json".equals(o.getType()) || "jsonb".equals(o.getType())) {
      try {
        return JSON.readTree(o.getValue());
      } catch (JsonProcessingException e) {
        throw new UnrepresentableRowException("column " + column + " holds invalid JSON: " + e.getOriginalMessage());
      }
    }
    // enums, intervals, inet, ...: their PostgreSQL text form is what a reader expects
    return NODES.textNode(o.getValue());
  }
}
