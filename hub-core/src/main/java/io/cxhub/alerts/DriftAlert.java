package io.cxhub.alerts;

import io.cxhub.drift.AffectedMapping;
import io.cxhub.drift.DriftKind;
import io.cxhub.drift.Evidence;
import io.cxhub.drift.Severity;
import java.time.Instant;
import java.util.List;

/**
 * A drift alert as the API shows it. Repeated occurrences of the same drift (same stream, kind and
 * fields) update one live alert: {@code occurrences} and {@code windows} grow, {@code lastSeen} moves.
 *
 * @param id stable id
 * @param fields the paths involved, as in the baseline ({@code old}) and as now ({@code new})
 * @param severity BREAKING when a mapping reads an affected field
 * @param affected the mappings reading an affected field (lineage)
 * @param evidence the latest window's evidence (counts, masked examples before and after)
 * @param occurrences records that showed the drift, over every window
 * @param windows observation windows that showed it
 * @param firstSeen when it was first seen
 * @param lastSeen when it was last seen
 * @param proposal the mapping change that would absorb it, as a YAML patch, or null
 * @param baselineVersion the baseline version it was detected against
 * @param history the audit trail, oldest first (empty in lists)
 */
public record DriftAlert(
    long id,
    String system,
    String stream,
    DriftKind kind,
    Fields fields,
    Severity severity,
    AlertStatus status,
    List<AffectedMapping> affected,
    Evidence evidence,
    long occurrences,
    int windows,
    Instant firstSeen,
    Instant lastSeen,
    String proposal,
    int baselineVersion,
    List<AlertAction> history) {

  /** Paths involved: {@code old} in the baseline, {@code new} in the records now. */
  public record Fields(List<String> old, List<String> now) {

    public Fields {
      old = List.copyOf(old);
      now = List.copyOf(now);
    }

    /** Serialized as {@code new}, a Java keyword. */
    @com.fasterxml.jackson.annotation.JsonProperty("new")
    public List<String> now() {
      return now;
    }
  }

  public DriftAlert {
    affected = affected == null ? List.of() : List.copyOf(affected);
    history = history == null ? List.of() : List.copyOf(history);
  }

  public String streamKey() {
    return system + "/" + stream;
  }

  DriftAlert withHistory(List<AlertAction> actions) {
    return new DriftAlert(id, system, stream, kind, fields, severity, status, affected, evidence, occurrences, windows,
        firstSeen, lastSeen, proposal, baselineVersion, actions);
  }
}
