package io.cxhub.quarantine;

/** Quarantined records of one stream by status. */
public record QuarantineCount(String system, String stream, long held, long replaying, long replayed, long discarded) {}
