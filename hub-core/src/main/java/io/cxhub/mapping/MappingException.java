package io.cxhub.mapping;

/**
 * A record the mapping cannot turn into taxonomy entities: a required value is missing, or a value
 * has the wrong type or format. The record itself is fine to keep; the caller quarantines it with
 * this reason and replays it once the mapping or the source is fixed.
 *
 * <p>The message names the stream, the record, the taxonomy field, the payload path, the bad value
 * (masked when the field is PII) and what was expected.
 */
public class MappingException extends RuntimeException {

  private final String system;
  private final String stream;
  private final String sourceId;
  private final String field;
  private final String source;
  private final String shownValue;
  private final String expected;

  MappingException(String system, String stream, String sourceId, String field, String source, String shownValue,
      String expected) {
    super(system + "/" + stream + (sourceId != null ? " record " + sourceId : " record") + ": " + field + " from "
        + source + ": " + (shownValue == null ? "no value" : "invalid value " + shownValue) + ": " + expected);
    this.system = system;
    this.stream = stream;
    this.sourceId = sourceId;
    this.field = field;
    this.source = source;
    this.shownValue = shownValue;
    this.expected = expected;
  }

  public String system() {
    return system;
  }

  public String stream() {
    return stream;
  }

  /** The record's id as the connector reported it; may be {@code null} for pushed records. */
  public String sourceId() {
    return sourceId;
  }

  /** The taxonomy field as {@code entity.field}, or {@code entity.id} for the entity's id. */
  public String field() {
    return field;
  }

  /** Where the value came from, e.g. {@code payload path 'due_date'}. */
  public String source() {
    return source;
  }

  /** The offending value as it may be shown (PII masked); {@code null} when the value was missing. */
  public String shownValue() {
    return shownValue;
  }

  public String expected() {
    return expected;
  }
}
