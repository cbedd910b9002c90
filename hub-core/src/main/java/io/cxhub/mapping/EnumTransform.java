package io.cxhub.mapping;

import java.util.Map;

/** Maps source codes to taxonomy enum values; an unlisted code fails the record unless a default is set. */
final class EnumTransform implements Transform {

  private final Map<String, String> targets;
  private final String fallback;

  EnumTransform(Map<String, String> targets, String fallback) {
    this.targets = Map.copyOf(targets);
    this.fallback = fallback;
  }

  @Override
  public Object apply(Object value) throws InvalidValueException {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      String target = targets.get(value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString());
      if (target != null) {
        return target;
      }
      if (fallback != null) {
        return fallback;
      }
      throw new InvalidValueException(value, "expected one of " + new java.util.TreeSet<>(targets.keySet()));
    }
    throw new InvalidValueException(value, "expected a code to look up, found " + Values.kind(value));
  }

  Iterable<String> targetValues() {
    return targets.values();
  }

  String fallback() {
    return fallback;
  }
}
