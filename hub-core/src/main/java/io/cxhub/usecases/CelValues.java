package io.cxhub.usecases;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.primitives.UnsignedLong;
import com.google.protobuf.Duration;
import com.google.protobuf.NullValue;
import com.google.protobuf.Timestamp;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between the hub's Java values and CEL's. Into CEL: whole numbers become int, decimals
 * double, {@link Instant}s and dates (at the start of their UTC day) timestamps, maps and lists
 * recursively, Jackson trees likewise; a map entry whose value is null is left out, so
 * {@code has(traits.x)} tells whether a trait has a value. Out of CEL: timestamps become
 * {@link Instant}s and durations {@link java.time.Duration}s.
 */
final class CelValues {

  private CelValues() {}

  static Map<String, Object> toCelMap(Map<String, ?> map) {
    Map<String, Object> converted = new LinkedHashMap<>();
    map.forEach((key, value) -> {
      Object cel = toCel(value);
      if (cel != null) {
        converted.put(key, cel);
      }
    });
    return converted;
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  static Object toCel(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
        || value instanceof Double) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof BigInteger b) {
      return b.bitLength() < 64 ? b.longValue() : b.doubleValue();
    }
    if (value instanceof BigDecimal d) {
      return d.doubleValue();
    }
    if (value instanceof Instant instant) {
      return timestamp(instant);
    }
    if (value instanceof OffsetDateTime time) {
      return timestamp(time.toInstant());
    }
    if (value instanceof ZonedDateTime time) {
      return timestamp(time.toInstant());
    }
    if (value instanceof LocalDate date) {
      return timestamp(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> converted = new LinkedHashMap<>();
      map.forEach((key, item) -> {
        Object cel = toCel(item);
        if (cel != null) {
          converted.put(String.valueOf(key), cel);
        }
      });
      return converted;
    }
    if (value instanceof Iterable<?> items) {
      List<Object> converted = new ArrayList<>();
      items.forEach(item -> converted.add(item == null ? NullValue.NULL_VALUE : toCel(item)));
      return converted;
    }
    if (value instanceof JsonNode node) {
      return fromJson(node);
    }
    return value.toString();
  }

  private static Object fromJson(JsonNode node) {
    if (node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? node.longValue() : node.doubleValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isArray()) {
      List<Object> items = new ArrayList<>();
      node.forEach(item -> items.add(item.isNull() ? NullValue.NULL_VALUE : fromJson(item)));
      return items;
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      Object value = fromJson(field.getValue());
      if (value != null) {
        fields.put(field.getKey(), value);
      }
    }
    return fields;
  }

  static Object fromCel(Object value) {
    if (value instanceof Timestamp t) {
      return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
    if (value instanceof Duration d) {
      return java.time.Duration.ofSeconds(d.getSeconds(), d.getNanos());
    }
    if (value instanceof UnsignedLong u) {
      return u.longValue();
    }
    if (value instanceof NullValue) {
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> converted = new LinkedHashMap<>();
      map.forEach((key, item) -> converted.put(String.valueOf(key), fromCel(item)));
      return converted;
    }
    if (value instanceof List<?> items) {
      List<Object> converted = new ArrayList<>();
      items.forEach(item -> converted.add(fromCel(item)));
      return converted;
    }
    return value;
  }
}
