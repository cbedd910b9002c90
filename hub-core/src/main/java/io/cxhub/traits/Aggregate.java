package io.cxhub.traits;

import io.cxhub.taxonomy.FieldType;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** How a trait reduces the matching events, and which field types each reduction accepts. */
public enum Aggregate {
  COUNT(null, "no field"),
  EXISTS(null, "no field"),
  SUM(EnumSet.of(FieldType.INTEGER, FieldType.DECIMAL), "an integer or decimal field"),
  AVG(EnumSet.of(FieldType.INTEGER, FieldType.DECIMAL), "an integer or decimal field"),
  MIN(EnumSet.of(FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE, FieldType.TIMESTAMP),
      "an integer, decimal, date or timestamp field"),
  MAX(EnumSet.of(FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE, FieldType.TIMESTAMP),
      "an integer, decimal, date or timestamp field"),
  FIRST(EnumSet.allOf(FieldType.class), "a field"),
  LAST(EnumSet.allOf(FieldType.class), "a field"),
  DISTINCT_COUNT(EnumSet.allOf(FieldType.class), "a field");

  private final Set<FieldType> fieldTypes;
  private final String expected;

  Aggregate(Set<FieldType> fieldTypes, String expected) {
    this.fieldTypes = fieldTypes;
    this.expected = expected;
  }

  /** False for count and exists, which look only at whether events match. */
  public boolean needsField() {
    return fieldTypes != null;
  }

  public boolean accepts(FieldType type) {
    return fieldTypes != null && fieldTypes.contains(type);
  }

  /** What kind of field the aggregate needs, for error messages. */
  public String expected() {
    return expected;
  }

  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Aggregate fromYaml(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
