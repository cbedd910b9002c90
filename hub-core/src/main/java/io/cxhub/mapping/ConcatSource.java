package io.cxhub.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * Joins the values of several paths with a separator. Absent parts are skipped (a person without
 * a middle name still gets a display name); all parts absent means no value. Objects and arrays
 * are not joined: they are returned as-is so the type check reports them.
 */
final class ConcatSource implements ValueSource {

  private final PayloadPath[] parts;
  private final String separator;
  private final List<String> paths;
  private final String description;

  ConcatSource(List<PayloadPath> parts, String separator) {
    this.parts = parts.toArray(PayloadPath[]::new);
    this.separator = separator;
    this.paths = parts.stream().map(PayloadPath::toString).toList();
    this.description = "concat of payload paths " + paths;
  }

  @Override
  public Object read(JsonNode payload) {
    StringBuilder joined = null;
    for (PayloadPath part : parts) {
      Object value = Values.fromJson(part.read(payload));
      if (value == null) {
        continue;
      }
      if (value instanceof JsonNode) {
        return value;
      }
      String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
      if (joined == null) {
        joined = new StringBuilder(text);
      } else {
        joined.append(separator).append(text);
      }
    }
    return joined == null ? null : joined.toString();
  }

  @Override
  public List<String> paths() {
    return paths;
  }

  @Override
  public String describe() {
    return description;
  }
}
