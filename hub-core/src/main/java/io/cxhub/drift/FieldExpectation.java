package io.cxhub.drift;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the baseline expects of one path. Immutable; a Jackson-friendly record. Unknown facts are
 * {@code null} (a declared field has no observed presence or values until the baseline is refined).
 *
 * @param path e.g. {@code address.city}, {@code items[].price}
 * @param types accepted JSON types
 * @param format the format of (nearly) every value, {@link ValueFormat#NONE} when values have no
 *     known format, null when unknown or mixed
 * @param nullable whether the field may be null or absent
 * @param presence share of the parent's records carrying the path, null when unknown
 * @param nullRate share of the parent's records where it is absent or null, null when unknown
 * @param enumValues the values of a low-cardinality string field, null when it is not one
 * @param valueHashes bottom-k sketch of the salted value hashes, sorted (empty when unknown)
 * @param examples a few masked values
 * @param declared whether the connector declared the field
 */
public record FieldExpectation(
    String path,
    Set<JsonType> types,
    ValueFormat format,
    boolean nullable,
    Double presence,
    Double nullRate,
    List<EnumValue> enumValues,
    long[] valueHashes,
    List<String> examples,
    boolean declared) {

  public FieldExpectation {
    types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
    enumValues = enumValues == null ? null : List.copyOf(enumValues);
    valueHashes = valueHashes == null ? new long[0] : valueHashes;
    examples = List.copyOf(examples);
  }

  /** Learned from what a window showed. */
  static FieldExpectation observed(FieldProfile field, DriftSettings settings, boolean declared) {
    long typed = 0;
    for (long count : field.types().values()) {
      typed += count;
    }
    Set<JsonType> types = EnumSet.noneOf(JsonType.class);
    for (Map.Entry<JsonType, Long> entry : field.types().entrySet()) {
      if (entry.getValue() >= Math.max(1, 0.05 * typed)) {
        types.add(entry.getKey());
      }
    }
    List<EnumValue> enumValues = null;
    long tracked = field.enumValues() == null ? 0 : field.enumValues().stream().mapToLong(EnumValue::count).sum();
    ValueFormat format = field.dominantFormat(settings.dominantShare());
    // dates, numbers, e-mails and phones of a small sample repeat too, but they are not codes
    boolean codes = format == null || format == ValueFormat.NONE;
    if (codes && field.enumValues() != null && !field.highCardinality() && tracked >= settings.minEnumValues()
        && 3L * field.enumValues().size() <= tracked) {
      enumValues = new ArrayList<>(field.enumValues());
    }
    double nullRate = field.nullishRate();
    return new FieldExpectation(field.path(), types, format,
        nullRate > settings.lowNullRate(), field.presence(), nullRate, enumValues, field.valueHashes(),
        field.examples(), declared);
  }

  /** Whether {@code type} fits one of the accepted types. */
  boolean accepts(JsonType type) {
    for (JsonType accepted : types) {
      if (accepted.accepts(type)) {
        return true;
      }
    }
    return false;
  }

  boolean hasEnumValue(long hash) {
    for (EnumValue value : enumValues) {
      if (value.hash() == hash) {
        return true;
      }
    }
    return false;
  }

  /** One line for evidence: {@code string, date, null 0%, present 100%}. */
  String summary() {
    StringBuilder out = new StringBuilder();
    out.append(types.isEmpty() ? "any type" : String.join("|", types.stream().map(JsonType::label).toList()));
    if (format != null && format != ValueFormat.NONE) {
      out.append(", ").append(format.spec());
    }
    if (nullRate != null) {
      out.append(", null or absent ").append(Math.round(nullRate * 100)).append('%');
    } else {
      out.append(nullable ? ", nullable" : ", not null");
    }
    return out.toString();
  }
}
