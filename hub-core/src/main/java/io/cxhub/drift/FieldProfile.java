package io.cxhub.drift;

import java.util.List;
import java.util.Map;

/**
 * What one window showed of one path. Immutable; a Jackson-friendly record.
 *
 * @param path e.g. {@code address.city}, {@code items[].price}
 * @param present records in which the path occurred (null included)
 * @param parentPresent records in which its parent held a non-null object or array (the window's records for a top-level field)
 * @param nulls null occurrences
 * @param values non-null occurrences
 * @param containers records in which the path held a non-null object or array (its children's parent count)
 * @param analysed non-null scalar values of analysed records (formats, hashes and examples come from these)
 * @param types occurrences per JSON type
 * @param formats analysed values per format
 * @param highCardinality more distinct string values than the enum cap
 * @param enumValues distinct string values while the field is under the enum cap, else null
 * @param valueHashes bottom-k sketch of the salted value hashes, sorted
 * @param examples a few masked values
 */
public record FieldProfile(
    String path,
    long present,
    long parentPresent,
    long nulls,
    long values,
    long containers,
    long analysed,
    Map<JsonType, Long> types,
    Map<ValueFormat, Long> formats,
    boolean highCardinality,
    List<EnumValue> enumValues,
    long[] valueHashes,
    List<String> examples) {

  public FieldProfile {
    types = Map.copyOf(types);
    formats = Map.copyOf(formats);
    enumValues = enumValues == null ? null : List.copyOf(enumValues);
    examples = List.copyOf(examples);
  }

  /** Share of the parent's records that carry the path. */
  double presence() {
    return parentPresent == 0 ? 0 : Math.min(1.0, (double) present / parentPresent);
  }

  /** Share of the parent's records in which the path is absent or null. */
  double nullishRate() {
    if (parentPresent == 0) {
      return 0;
    }
    long nullish = (parentPresent - Math.min(present, parentPresent)) + nulls;
    return Math.min(1.0, (double) nullish / parentPresent);
  }

  /** The type of at least {@code share} of the typed occurrences, or null when mixed or none. */
  JsonType dominantType(double share) {
    long total = 0;
    for (long count : types.values()) {
      total += count;
    }
    for (Map.Entry<JsonType, Long> entry : types.entrySet()) {
      if (total > 0 && entry.getValue() >= share * total) {
        return entry.getKey();
      }
    }
    // integers and decimals mixed are numbers
    long numbers = types.getOrDefault(JsonType.INTEGER, 0L) + types.getOrDefault(JsonType.NUMBER, 0L);
    return total > 0 && numbers >= share * total ? JsonType.NUMBER : null;
  }

  /** The format of at least {@code share} of the scalar values, or null when mixed or none. */
  ValueFormat dominantFormat(double share) {
    long total = 0;
    for (long count : formats.values()) {
      total += count;
    }
    for (Map.Entry<ValueFormat, Long> entry : formats.entrySet()) {
      if (total > 0 && entry.getValue() >= share * total) {
        return entry.getKey();
      }
    }
    return null;
  }

  /** Share of the analysed values in {@code format}. */
  double formatShare(ValueFormat format) {
    long total = 0;
    for (long count : formats.values()) {
      total += count;
    }
    return total == 0 ? 0 : (double) formats.getOrDefault(format, 0L) / total;
  }

  /** Whether every non-null value is a scalar that can take part in value matching. */
  boolean matchable() {
    return valueHashes.length > 0;
  }

  /** One line for evidence: {@code integer, epoch-seconds, null or absent 0%}. */
  String summary(double share) {
    StringBuilder out = new StringBuilder();
    JsonType type = dominantType(share);
    if (type != null) {
      out.append(type.label());
    } else if (types.isEmpty()) {
      out.append("always null");
    } else {
      out.append("mixed ").append(String.join("|", types.keySet().stream().map(JsonType::label).toList()));
    }
    ValueFormat format = dominantFormat(share);
    if (format != null && format != ValueFormat.NONE) {
      out.append(", ").append(format.spec());
    }
    out.append(", null or absent ").append(Math.round(nullishRate() * 100)).append('%');
    return out.toString();
  }

  long count(JsonType type) {
    return types.getOrDefault(type, 0L);
  }

  /** Values in {@code format}, scaled from the analysed values to all values. */
  long count(ValueFormat format) {
    long counted = formats.getOrDefault(format, 0L);
    return analysed == 0 ? counted : Math.round((double) counted * values / analysed);
  }
}
