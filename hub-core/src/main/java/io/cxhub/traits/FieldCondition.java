package io.cxhub.traits;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.taxonomy.TaxonomyField;
import java.time.Instant;
import java.util.Optional;

/** One operator of a {@code where} entry bound to the field it reads. */
record FieldCondition(TaxonomyField field, Condition condition) {

  Object valueIn(JsonNode data) {
    return FieldValues.read(field.type(), data == null ? null : data.get(field.name()));
  }

  boolean test(JsonNode data, Instant now) {
    return condition.test(valueIn(data), now);
  }

  Optional<Instant> flipsAfter(JsonNode data, Instant now) {
    return condition.flipsAfter(valueIn(data), now);
  }
}
