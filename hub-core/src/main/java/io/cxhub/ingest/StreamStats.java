package io.cxhub.ingest;

import java.time.Instant;
import java.util.List;

/**
 * Health counters of one stream.
 *
 * @param records records accepted (stored) since the stream was first seen
 * @param cursors the committed cursors of the connector instances reading this stream
 */
public record StreamStats(String system, String stream, long records, long quarantined, Instant lastRecordAt,
    Instant lastQuarantinedAt, List<StreamCursor> cursors) {}
