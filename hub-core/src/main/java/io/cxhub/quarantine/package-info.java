/** Records that could not be processed, held durably with their reason, and replayed or discarded later. */
package io.cxhub.quarantine;
