package io.cxhub.mapping;

/**
 * One step of a field's transform chain, compiled at load. Implementations are immutable and
 * thread-safe; they receive a present (non-null) value and may return {@code null} to mean "no
 * value" (e.g. a blank e-mail).
 */
@FunctionalInterface
interface Transform {

  Object apply(Object value) throws InvalidValueException;
}
