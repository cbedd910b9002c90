package io.cxhub.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One step of a field's transform chain, compiled at load. Implementations are immutable and
 * thread-safe; they receive a present (non-null) value and may return {@code null} to mean "no
 * value" (e.g. a blank e-mail).
 */
@FunctionalInterface
interface Transform {

  Object apply(Object value) throws InvalidValueException;

  /** Applies the step to a value of {@code payload}; steps that read other fields of the record override this. */
  default Object apply(Object value, JsonNode payload) throws InvalidValueException {
    return apply(value);
  }
}
