package io.cxhub.runtime;

/** What became of the records of one hand-over: passed on to the store, or held in quarantine. */
public record IngestCounts(int accepted, int quarantined) {

  public IngestCounts plus(IngestCounts other) {
    return new IngestCounts(accepted + other.accepted, quarantined + other.quarantined);
  }
}
