package io.cxhub.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Where a field's raw value comes from: a path, a concatenation of paths, or a constant. */
interface ValueSource {

  /** The raw value (see {@link Values#fromJson}), or {@code null} when the payload has none. */
  Object read(JsonNode payload);

  /** Payload paths read, for lineage and messages; empty for a constant. */
  List<String> paths();

  /** How messages name the source, e.g. {@code payload path 'due_date'}. */
  String describe();

  static ValueSource path(PayloadPath path) {
    List<String> paths = List.of(path.toString());
    String description = "payload path '" + path + "'";
    return new ValueSource() {
      @Override
      public Object read(JsonNode payload) {
        return Values.fromJson(path.read(payload));
      }

      @Override
      public List<String> paths() {
        return paths;
      }

      @Override
      public String describe() {
        return description;
      }
    };
  }

  static ValueSource constant(Object value) {
    return new ValueSource() {
      @Override
      public Object read(JsonNode payload) {
        return value;
      }

      @Override
      public List<String> paths() {
        return List.of();
      }

      @Override
      public String describe() {
        return "constant value";
      }
    };
  }
}
