package io.cxhub.drift;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counters of one path in one window. Mutable, owned by one {@link SchemaObserver} and only touched
 * under its lock; {@link #snapshot} copies it into an immutable {@link FieldProfile}.
 *
 * <p>Every record counts presence, nulls and types, and the values of fields that are still
 * low-cardinality (so a rare new enum value is not missed). Formats, value hashes and examples are
 * taken from <em>analysed</em> records only (see {@link SchemaObserver}). Enum values and examples
 * are held raw while the window is open and masked when it is snapshot: nothing raw leaves.
 */
final class FieldStats {

  private static final JsonType[] TYPES = JsonType.values();
  private static final ValueFormat[] FORMATS = ValueFormat.values();

  private final DriftSettings settings;
  long present;
  long nulls;
  long values;
  long containers;
  /** Non-null scalar values of analysed records. */
  long analysed;
  private long lastRecord;
  private long lastContainerRecord;
  private final long[] types = new long[TYPES.length];
  private final long[] formats = new long[FORMATS.length];
  private final HashSketch sketch;
  /** Enum tracking: text hashes, raw values and counts of the distinct strings, until {@code enumCap}. */
  private int[] distinctHashes;
  private int[] distinctLengths;
  private String[] distinctValues;
  private long[] distinctCounts;
  private int distinct;
  private boolean highCardinality;
  private final String[] examples;
  private final int[] exampleHashes;
  private int exampleCount;

  FieldStats(DriftSettings settings) {
    this.settings = settings;
    this.sketch = new HashSketch(settings.sketchSize());
    this.examples = new String[settings.examples()];
    this.exampleHashes = new int[settings.examples()];
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

  /**
   * A non-null string; {@code analyse} when the record is analysed, {@code enumCheck} when its value
   * must be checked against the distinct values even if not (the baseline holds the field as an enum).
   */
  void string(String text, boolean analyse, boolean enumCheck, long salt) {
    values++;
    if ((analyse || enumCheck) && !highCardinality) {
      trackDistinct(text);
    }
    if (analyse) {
      analysed(Formats.ofText(text), text.hashCode(), text, salt);
    }
  }

  /** A non-null number of an analysed record, hashed as its text. */
  void number(ValueFormat format, int hash, JsonNode node, long salt) {
    values++;
    analysed(format, hash, node, salt);
  }

  /** A non-null number of a record that is not analysed. */
  void number() {
    values++;
  }

  /** {@code value} is the String, or the JsonNode of a number (turned into text only for an example). */
  private void analysed(ValueFormat format, int hash, Object value, long salt) {
    analysed++;
    formats[format.ordinal()]++;
    sketch.add(ValueHash.salted(salt, hash));
    if (exampleCount < examples.length) {
      example(hash, value);
    }
  }

  /** A non-null boolean. */
  void other() {
    values++;
  }

  /** A non-null container (object or array) in record number {@code record}. */
  void container(long record) {
    values++;
    if (lastContainerRecord != record) {
      lastContainerRecord = record;
      containers++;
    }
  }

  /** Compares by length, then content (an intrinsic), so a known value costs no hashing. */
  private void trackDistinct(String text) {
    if (distinctValues == null) {
      distinctHashes = new int[settings.enumCap()];
      distinctLengths = new int[settings.enumCap()];
      distinctValues = new String[settings.enumCap()];
      distinctCounts = new long[settings.enumCap()];
    }
    int length = text.length();
    for (int i = 0; i < distinct; i++) {
      if (distinctLengths[i] == length && distinctValues[i].equals(text)) {
        distinctCounts[i]++;
        return;
      }
    }
    if (distinct == distinctValues.length) {
      highCardinality = true;
      distinctHashes = null;
      distinctLengths = null;
      distinctValues = null;
      distinctCounts = null;
      return;
    }
    distinctHashes[distinct] = text.hashCode();
    distinctLengths[distinct] = length;
    distinctValues[distinct] = text;
    distinctCounts[distinct] = 1;
    distinct++;
  }

  private void example(int hash, Object value) {
    for (int i = 0; i < exampleCount; i++) {
      if (exampleHashes[i] == hash) {
        return;
      }
    }
    exampleHashes[exampleCount] = hash;
    examples[exampleCount++] = value instanceof JsonNode node ? node.asText() : (String) value;
  }

  FieldProfile snapshot(String path, long parentPresent, long salt) {
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
        String value = distinctValues[i];
        enumValues.add(new EnumValue(settings.revealEnumCodes() ? Masker.enumLabel(value) : Masker.mask(value),
            ValueHash.salted(salt, distinctHashes[i]), distinctCounts[i]));
      }
    }
    List<String> masked = new ArrayList<>(exampleCount);
    for (int i = 0; i < exampleCount; i++) {
      masked.add(Masker.mask(examples[i]));
    }
    return new FieldProfile(path, present, parentPresent, nulls, values, containers, analysed, typeCounts,
        formatCounts, highCardinality, enumValues, sketch.toArray(), masked);
  }
}
