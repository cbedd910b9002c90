package io.cxhub.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.taxonomy.TaxonomyField;
import java.util.ArrayList;
import java.util.List;

/**
 * One compiled taxonomy field: source, transform chain, default, type check. Immutable and
 * thread-safe; per record it only walks pre-parsed paths and calls the compiled steps.
 */
final class FieldMapping {

  private final String system;
  private final String stream;
  private final TaxonomyField field;
  private final ValueSource source;
  private final Transform[] transforms;
  private final Object defaultValue;
  private final boolean required;
  private final Transform typeCheck;

  FieldMapping(String system, String stream, TaxonomyField field, ValueSource source, Transform[] transforms,
      Object defaultValue, boolean required) {
    this.system = system;
    this.stream = stream;
    this.field = field;
    this.source = source;
    this.transforms = transforms.clone();
    this.defaultValue = defaultValue;
    this.required = required;
    this.typeCheck = FieldTypeCheck.forField(field);
  }

  TaxonomyField field() {
    return field;
  }

  ValueSource source() {
    return source;
  }

  /** Every payload path this field reads: its source and what its transforms consult (e.g. a country). */
  List<String> paths() {
    List<String> paths = new ArrayList<>(source.paths());
    for (Transform t : transforms) {
      paths.addAll(t.paths());
    }
    return paths;
  }

  /** The typed value, or {@code null} when the record has none and the field is optional. */
  Object extract(JsonNode payload, String recordId) {
    Object value = source.read(payload);
    try {
      for (int i = 0; i < transforms.length && value != null; i++) {
        value = transforms[i].apply(value, payload);
      }
      if (value == null) {
        value = defaultValue;
      }
      if (value == null) {
        if (required) {
          throw new MappingException(system, stream, recordId, field.qualifiedName(), source.describe(), null,
              "expected a value: the field is required by the mapping");
        }
        return null;
      }
      return typeCheck.apply(value);
    } catch (InvalidValueException e) {
      throw new MappingException(system, stream, recordId, field.qualifiedName(), source.describe(),
          show(e.value()), e.expected());
    }
  }

  private String show(Object value) {
    if (field.pii()) {
      int length = value instanceof String text ? text.length() : Values.show(value).length();
      return "<pii masked, " + length + " chars>";
    }
    return Values.show(value);
  }
}
