package io.cxhub.mapping;

/**
 * Thrown by a transform or type check for a value it cannot accept; the field mapping turns it
 * into a {@link MappingException} with system, stream, field and path. Stackless: it is an
 * expected outcome for bad records, not a bug.
 */
final class InvalidValueException extends Exception {

  private final transient Object value;

  InvalidValueException(Object value, String expected) {
    super(expected, null, false, false);
    this.value = value;
  }

  Object value() {
    return value;
  }

  String expected() {
    return getMessage();
  }
}
