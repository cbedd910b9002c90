package io.cxhub.quarantine;

import java.time.Instant;

/**
 * A stored quarantined record.
 *
 * @param replacedBy when a replay failed again: the entry that holds the record now
 */
public record QuarantineEntry(long id, QuarantinedRecord record, Status status, Instant statusAt, Long replacedBy) {

  /**
   * HELD until someone acts; REPLAYING while a replay owns it; REPLAYED once the replay stored it
   * (or put it back as a new entry); DISCARDED by an operator.
   */
  public enum Status { HELD, REPLAYING, REPLAYED, DISCARDED }
}
