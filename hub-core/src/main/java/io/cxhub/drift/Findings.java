package io.cxhub.drift;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Open findings, deduplicated by {@link FindingKey}: a drift that recurs in every window updates
 * one finding (count, first and last seen) instead of raising a storm of alerts. Thread-safe.
 * In memory; persistence stores {@link Finding} records and hands them back to the constructor.
 */
public final class Findings {

  private final ConcurrentMap<FindingKey, Finding> open = new ConcurrentHashMap<>();

  public Findings() {}

  /** Resumes with findings persisted earlier. */
  public Findings(Collection<Finding> persisted) {
    persisted.forEach(finding -> open.put(finding.key(), finding));
  }

  /** Adds one occurrence; returns the finding it created or updated. */
  public Finding record(Drift drift) {
    return open.compute(drift.key(), (key, finding) -> finding == null ? Finding.first(drift) : finding.add(drift));
  }

  public List<Finding> recordAll(Collection<Drift> drifts) {
    List<Finding> updated = new ArrayList<>(drifts.size());
    drifts.forEach(drift -> updated.add(record(drift)));
    return updated;
  }

  public Optional<Finding> find(FindingKey key) {
    return Optional.ofNullable(open.get(key));
  }

  public List<Finding> all() {
    return List.copyOf(open.values());
  }

  /** Closes a finding (resolved, or accepted into a new baseline); a later occurrence opens a new one. */
  public Optional<Finding> close(FindingKey key) {
    return Optional.ofNullable(open.remove(key));
  }
}
