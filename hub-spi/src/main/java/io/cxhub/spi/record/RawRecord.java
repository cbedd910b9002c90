package io.cxhub.spi.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One record as a connector read it from a source system.
 *
 * <p>The payload is the source's JSON, parsed once by the connector and never re-serialized by the
 * hub; later stages read this tree. Instances are immutable by contract: no stage may mutate
 * {@code payload} after the record was emitted.
 *
 * @param system source system id, e.g. {@code stripe}
 * @param stream stream within the system, e.g. {@code customers}
 * @param sourceId the record's id in the source system (stable across re-reads)
 * @param observedAt when the connector read it (or the source's own modification time)
 * @param payload the source JSON object
 * @param cursor position after this record for incremental reads; {@code null} for pushed records
 * @param connectorInstance the route/instance id that produced it; {@code null} for pushed records
 */
public record RawRecord(
    String system,
    String stream,
    String sourceId,
    Instant observedAt,
    JsonNode payload,
    String cursor,
    String connectorInstance) {

  public RawRecord {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(payload, "payload");
    if (observedAt == null) {
      observedAt = Instant.now();
    }
  }

  /** A record pushed to the hub (ingest API, webhook) rather than pulled by a connector. */
  public static RawRecord pushed(String system, String stream, String sourceId, JsonNode payload) {
    return new RawRecord(system, stream, sourceId, Instant.now(), payload, null, null);
  }

  /** {@code system/stream}, the key under which the hub tracks a stream. */
  public String streamKey() {
    return system + "/" + stream;
  }
}
