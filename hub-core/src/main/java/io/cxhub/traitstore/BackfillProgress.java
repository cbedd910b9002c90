package io.cxhub.traitstore;

import java.time.Duration;
import java.time.Instant;

/**
 * How far a trait's backfill over the stored profiles has come.
 *
 * @param state PENDING (not started), RUNNING or DONE
 * @param total profiles stored when it started; once done, the profiles it went through
 * @param eta when it should be done at the rate so far; null unless running with some progress
 */
public record BackfillProgress(State state, long done, Long total, Instant startedAt, Instant finishedAt, Instant eta) {

  public enum State { PENDING, RUNNING, DONE }

  static BackfillProgress of(long done, Long total, Instant startedAt, Instant finishedAt, Instant now) {
    if (finishedAt != null) {
      return new BackfillProgress(State.DONE, done, total, startedAt, finishedAt, null);
    }
    if (startedAt == null) {
      return new BackfillProgress(State.PENDING, done, total, null, null, null);
    }
    Instant eta = null;
    if (done > 0 && total != null) {
      Duration elapsed = Duration.between(startedAt, now);
      eta = now.plus(elapsed.multipliedBy(Math.max(0, total - done)).dividedBy(done));
    }
    return new BackfillProgress(State.RUNNING, done, total, startedAt, null, eta);
  }
}
