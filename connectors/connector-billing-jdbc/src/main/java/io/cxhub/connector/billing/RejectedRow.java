package io.cxhub.connector.billing;

/** A row that goes to the hub's quarantine instead of the ingest path. */
record RejectedRow(String stream, String reason, String row) {}
