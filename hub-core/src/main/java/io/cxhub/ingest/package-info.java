/** Bookkeeping of the ingest path: committed cursors of connector instances and per-stream counters. */
package io.cxhub.ingest;
