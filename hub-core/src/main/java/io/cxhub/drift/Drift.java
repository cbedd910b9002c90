package io.cxhub.drift;

import io.cxhub.mapping.MappingEdit;
import java.util.List;

/**
 * One detected change of one stream. Immutable; Jackson-friendly.
 *
 * @param system source system
 * @param stream stream
 * @param kind what changed
 * @param oldFields baseline paths involved (the removed, renamed, split or changed field)
 * @param newFields window paths involved (the added field, the new name, the parts)
 * @param severity from lineage; {@link Severity#INFO} until {@link Lineage#assess} ran
 * @param evidence counts, masked examples and when
 * @param affected mappings reading an old field
 * @param proposal a YAML patch for the affected mappings, or null
 * @param edits the proposal as values to replace, each complete and loadable; empty where the proposal only
 *     explains why no mapping change absorbs the drift (absent in JSON stored before edits existed)
 */
public record Drift(
    String system,
    String stream,
    DriftKind kind,
    List<String> oldFields,
    List<String> newFields,
    Severity severity,
    Evidence evidence,
    List<AffectedMapping> affected,
    String proposal,
    List<MappingEdit> edits) {

  public Drift {
    oldFields = List.copyOf(oldFields);
    newFields = List.copyOf(newFields);
    affected = affected == null ? List.of() : List.copyOf(affected);
    edits = edits == null ? List.of() : List.copyOf(edits);
  }

  static Drift of(StreamProfile window, DriftKind kind, List<String> oldFields, List<String> newFields,
      Evidence evidence) {
    return new Drift(window.system(), window.stream(), kind, oldFields, newFields, Severity.INFO, evidence,
        List.of(), null, List.of());
  }

  /** The identity of the finding this drift adds to: repeated occurrences update one finding. */
  public FindingKey key() {
    return new FindingKey(system, stream, kind, oldFields, newFields);
  }

  /** The drift with its counts scaled from the observed records to all records of {@code window}. */
  Drift scaledTo(StreamProfile window) {
    Evidence e = evidence;
    Evidence scaled = new Evidence(window.estimate(e.occurrences()), window.seen(), e.before(), e.after(),
        e.formatBefore(), e.formatAfter(), e.separator(), e.matchShare(), e.matchSample(), e.examplesBefore(),
        e.examplesAfter(), e.newValues(), e.firstSeen(), e.lastSeen());
    return new Drift(system, stream, kind, oldFields, newFields, severity, scaled, affected, proposal, edits);
  }

  Drift assessed(Severity severity, List<AffectedMapping> affected, String proposal, List<MappingEdit> edits) {
    return new Drift(system, stream, kind, oldFields, newFields, severity, evidence, affected, proposal, edits);
  }
}
