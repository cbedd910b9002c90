package io.cxhub.taxonomy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A taxonomy entity with its fields in definition order. */
public record TaxonomyEntity(String name, String description, Map<String, TaxonomyField> fields) {

  public TaxonomyEntity {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public Optional<TaxonomyField> field(String fieldName) {
    return Optional.ofNullable(fields.get(fieldName));
  }
}
