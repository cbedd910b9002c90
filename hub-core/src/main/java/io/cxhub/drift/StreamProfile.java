package io.cxhub.drift;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The observed schema of one window of one stream's records. Immutable; a Jackson-friendly record.
 *
 * @param system source system
 * @param stream stream
 * @param salt the salt of every hash in it (the baseline's)
 * @param from when the window opened
 * @param to when it was taken
 * @param seen records offered to the observer
 * @param records records observed (all of the first ones of a window, then a sample; see {@link DriftSettings})
 * @param untrackedPaths occurrences of paths beyond {@link DriftSettings#maxPaths()}
 * @param fields per path, in order of first appearance
 * @param concatenations split evidence (only for fields the baseline does not know)
 * @param parts merge evidence (only for fields the baseline does not know)
 */
public record StreamProfile(
    String system,
    String stream,
    long salt,
    Instant from,
    Instant to,
    long seen,
    long records,
    long untrackedPaths,
    Map<String, FieldProfile> fields,
    List<ConcatEvidence> concatenations,
    List<PartsEvidence> parts) {

  public StreamProfile {
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    concatenations = List.copyOf(concatenations);
    parts = List.copyOf(parts);
  }

  /** {@code observed} occurrences scaled to all records of the window. */
  long estimate(long observed) {
    return records == 0 || seen <= records ? observed : Math.round((double) observed * seen / records);
  }

  public Optional<FieldProfile> field(String path) {
    return Optional.ofNullable(fields.get(path));
  }
}
