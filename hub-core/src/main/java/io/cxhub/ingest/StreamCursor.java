package io.cxhub.ingest;

import java.time.Instant;

/** @param system null when the cursor was committed without it */
public record StreamCursor(String connectorInstance, String system, String stream, String cursor, Instant committedAt) {}
