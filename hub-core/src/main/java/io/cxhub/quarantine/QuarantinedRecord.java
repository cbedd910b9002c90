package io.cxhub.quarantine;

import java.time.Instant;
import java.util.Objects;

/**
 * A record the hub could not process, as it arrived.
 *
 * @param connectorInstance null for pushed records
 * @param rawText the body as received, or the payload JSON text once it had been parsed
 * @param cursor the position after this record, or null
 */
public record QuarantinedRecord(String system, String stream, String connectorInstance, Stage stage, String reason,
    String rawText, String cursor, Instant receivedAt) {

  public QuarantinedRecord {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(rawText, "rawText");
    if (receivedAt == null) {
      receivedAt = Instant.now();
    }
  }

  /** Where in the data path the record failed. */
  public enum Stage { PARSE, DRIFT, MAPPING, IDENTITY, STORE }
}
