package io.cxhub.drift;

import java.time.Instant;

/**
 * One drift as the monitoring team sees it: every occurrence of the same {@link FindingKey} adds
 * to its count instead of raising a new alert. Immutable; Jackson-friendly.
 *
 * @param key what the finding is about
 * @param severity the latest assessment
 * @param count records that showed the drift, over all windows
 * @param firstSeen start of the first window that showed it
 * @param lastSeen end of the latest window that showed it
 * @param latest the latest occurrence, with its evidence and proposal
 */
public record Finding(FindingKey key, Severity severity, long count, Instant firstSeen, Instant lastSeen,
    Drift latest) {

  static Finding first(Drift drift) {
    return new Finding(drift.key(), drift.severity(), drift.evidence().occurrences(), drift.evidence().firstSeen(),
        drift.evidence().lastSeen(), drift);
  }

  Finding add(Drift drift) {
    Instant first = firstSeen == null || (drift.evidence().firstSeen() != null
        && drift.evidence().firstSeen().isBefore(firstSeen)) ? drift.evidence().firstSeen() : firstSeen;
    Instant last = lastSeen == null || (drift.evidence().lastSeen() != null
        && drift.evidence().lastSeen().isAfter(lastSeen)) ? drift.evidence().lastSeen() : lastSeen;
    return new Finding(key, drift.severity(), count + drift.evidence().occurrences(), first, last, drift);
  }
}
