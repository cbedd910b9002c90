package io.cxhub.drift;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counters of one path in one window. Mutable, owned by one {@link SchemaObserver} and only touched
 * under its lock; {@link #snapshot} copies it into an immutable {@link FieldProfile}.
 */
final class FieldStats {

  private static final JsonType[] TYPES = JsonType.values();
  private static final ValueFormat[] FORMATS = ValueFormat.values();

  private final DriftSettings settings;
  long present;
  long nulls;
  long values;
  long containers;
  private long lastRecord;
  private long lastContainerRecord;
  private final long[] types = new long[TYPES.length];
  private final long[] formats = new long[FORMATS.length];
  private final HashSketch sketch;
  /** Enum tracking: hashes, labels and counts of the distinct string values, until {@code enumCap}. */
  private long[] distinctHashes;
  private String[] distinctLabels;
  private long[] distinctCounts;
  private int distinct;
  private boolean highCardinality;
  private final List<String> examples = new ArrayList<>(2);
  private long[] exampleHashes;

  FieldStats(DriftSettings settings) {
    this.settings = settings;
    this.sketch = new HashSketch(settings.sketchSize());
  }

  /** Counts the path as present in record number {@code record}, once per record. */
  void present(long record) {
    if (lastRecord != record) {
      lastRecord = record;
      present++;
    }
  }

  void nullValue() {
    nulls++;
  }

  void typed(JsonType type) {
    types[type.ordinal()]++;
  }

  /** A non-null string or number with its format and value hash. */
  void scalar(ValueFormat format, long hash, JsonNode node) {
    String text = node.textValue();
    values++;
    formats[format.ordinal()]++;
    sketch.add(hash);
    if (text != null && !highCardinality) {
      trackDistinct(hash, text);
    }
    if (examples.size() < settings.examples()) {
      example(hash, text != null ? text : node.asText());
    }
  }

  /** A non-null scalar that is neither string nor number (a boolean). */
  void other(String text) {
    values++;
    formats[ValueFormat.NONE.ordinal()]++;
    if (examples.size() < settings.examples() && !examples.contains(text)) {
      examples.add(text);
    }
  }

  /** A non-null container (object or array) in record number {@code record}. */
  void container(long record) {
    values++;
    if (lastContainerRecord != record) {
      lastContainerRecord = record;
      containers++;
    }
  }

  private void trackDistinct(long hash, String text) {
    if (distinctHashes == null) {
      distinctHashes = new long[settings.enumCap()];
      distinctLabels = new String[settings.enumCap()];
      distinctCounts = new long[settings.enumCap()];
    }
    for (int i = 0; i < distinct; i++) {
      if (distinctHashes[i] == hash) {
        distinctCounts[i]++;
        return;
      }
    }
    if (distinct == distinctHashes.length) {
      highCardinality = true;
      distinctHashes = null;
      distinctLabels = null;
      distinctCounts = null;
      return;
    }
    distinctHashes[distinct] = hash;
    distinctLabels[distinct] = settings.revealEnumCodes() ? Masker.enumLabel(text) : Masker.mask(text);
    distinctCounts[distinct] = 1;
    distinct++;
  }

  private void example(long hash, String text) {
    if (exampleHashes == null) {
      exampleHashes = new long[settings.examples()];
    }
    for (int i = 0; i < examples.size(); i++) {
      if (exampleHashes[i] == hash) {
        return;
      }
    }
    exampleHashes[examples.size()] = hash;
    examples.add(Masker.mask(text));
  }

  FieldProfile snapshot(String path, long parentPresent) {
    Map<JsonType, Long> typeCounts = new EnumMap<>(JsonType.class);
    for (JsonType type : TYPES) {
      if (types[type.ordinal()] > 0) {
        typeCounts.put(type, types[type.ordinal()]);
      }
    }
    Map<ValueFormat, Long> formatCounts = new EnumMap<>(ValueFormat.class);
    for (ValueFormat format : FORMATS) {
      if (formats[format.ordinal()] > 0) {
        formatCounts.put(format, formats[format.ordinal()]);
      }
    }
    List<EnumValue> enumValues = null;
    if (!highCardinality && distinct > 0) {
      enumValues = new ArrayList<>(distinct);
      for (int i = 0; i < distinct; i++) {
        enumValues.add(new EnumValue(distinctLabels[i], distinctHashes[i], distinctCounts[i]));
      }
    }
    return new FieldProfile(path, present, parentPresent, nulls, values, containers, typeCounts, formatCounts,
        highCardinality, enumValues, sketch.toArray(), List.copyOf(examples));
  }
}
