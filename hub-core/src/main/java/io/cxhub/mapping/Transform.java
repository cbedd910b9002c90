package io.cxhub.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One step of a field's transform chain, compiled at load. Implementations are immutable and
 * thread-safe; they receive a present (non-null) value and may return {@code null} to mean "no
 * value" (e.g. a blank e-mail).
 */
@FunctionalInterface
interface Transform {

  Object apply(Object value) throws InvalidValueException;

  /** Payload paths the step reads besides its input value (lineage); none for most steps. */
  default List<String> paths() {
    return List.of();
  }

  /** Applies the step to a value of {@code payload}; steps that read other fields of the record override this. */
  default Object apply(Object value, JsonNode payload) throws InvalidValueException {
    return apply(value);
  }
}
