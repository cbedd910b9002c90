package io.cxhub.drift;

/**
 * Tuning of observation and detection. {@link #defaults()} fits streams of customer records;
 * every threshold is a rate plus a minimum count, so one odd record never raises a drift.
 *
 * @param learnRecords records observed before a learned baseline is taken (200)
 * @param enumCap distinct string values tracked per field; beyond, the field is high-cardinality and not an enum (32)
 * @param minEnumValues non-null values a field needs in the baseline before its values count as an enum (50)
 * @param sketchSize value hashes kept per field for value matching (128)
 * @param examples masked examples kept per field (3)
 * @param maxPaths distinct paths tracked per window; more (maps keyed by ids) are counted, not tracked (1000)
 * @param minRecords records a window needs (for the field's parent) before removal, type, format or null-rate drift is judged (30)
 * @param requiredPresence baseline presence from which a field counts as always there (0.95)
 * @param absentPresence window presence under which such a field counts as removed (0.02)
 * @param lowNullRate baseline null rate under which a field counts as never null (0.01)
 * @param highNullRate window null rate from which such a field's nullability changed (0.2)
 * @param dominantShare share of values a type or format needs to be the field's (0.8)
 * @param matchShare share of sampled values that must match for rename, split or merge (0.5)
 * @param minMatches matching sampled values rename, split or merge need at least (5)
 * @param valueMatchRecords records per window that collect split and merge evidence once new fields appear (2000)
 * @param analyseRecords records at the start of each window that are all observed and analysed (256)
 * @param observeEvery after those, one record in this many is observed (8, a power of two): the structural
 *     walk alone costs more than the per-record budget (BENCHMARKS.md), so rates are estimated from a
 *     sample and counts scaled; 1 observes every record
 * @param analyseEvery after those, one record in this many is analysed: formats, value hashes, examples
 *     (32, a power of two, at least {@code observeEvery})
 * @param revealEnumCodes show enum values that look like codes ({@code paid}, {@code EUR}) as they are; off by
 *     default, when every value the engine keeps is masked, since it cannot know which source fields are PII
 */
public record DriftSettings(
    int learnRecords,
    int enumCap,
    int minEnumValues,
    int sketchSize,
    int examples,
    int maxPaths,
    int minRecords,
    double requiredPresence,
    double absentPresence,
    double lowNullRate,
    double highNullRate,
    double dominantShare,
    double matchShare,
    int minMatches,
    int valueMatchRecords,
    int analyseRecords,
    int observeEvery,
    int analyseEvery,
    boolean revealEnumCodes) {

  public DriftSettings {
    if (observeEvery < 1 || Integer.bitCount(observeEvery) != 1 || observeEvery > 65_536) {
      throw new IllegalArgumentException("observeEvery is " + observeEvery + ": expected a power of two (1, 2, 4, ...)");
    }
    if (analyseEvery < observeEvery || Integer.bitCount(analyseEvery) != 1 || analyseEvery > 65_536) {
      throw new IllegalArgumentException("analyseEvery is " + analyseEvery
          + ": expected a power of two, at least observeEvery (" + observeEvery + ")");
    }
  }

  public static DriftSettings defaults() {
    return new DriftSettings(200, 32, 50, 128, 3, 1000, 30, 0.95, 0.02, 0.01, 0.2, 0.8, 0.5, 5, 2000, 256, 8, 32, false);
  }

  public DriftSettings withLearnRecords(int records) {
    return new DriftSettings(records, enumCap, minEnumValues, sketchSize, examples, maxPaths, minRecords,
        requiredPresence, absentPresence, lowNullRate, highNullRate, dominantShare, matchShare, minMatches,
        valueMatchRecords, analyseRecords, observeEvery, analyseEvery, revealEnumCodes);
  }

  /** Observe {@code every}-th record after the first {@link #analyseRecords()} of a window (1: all). */
  public DriftSettings withObserveEvery(int every) {
    return new DriftSettings(learnRecords, enumCap, minEnumValues, sketchSize, examples, maxPaths, minRecords,
        requiredPresence, absentPresence, lowNullRate, highNullRate, dominantShare, matchShare, minMatches,
        valueMatchRecords, analyseRecords, every, Math.max(every, analyseEvery), revealEnumCodes);
  }

  public DriftSettings withRevealEnumCodes(boolean reveal) {
    return new DriftSettings(learnRecords, enumCap, minEnumValues, sketchSize, examples, maxPaths, minRecords,
        requiredPresence, absentPresence, lowNullRate, highNullRate, dominantShare, matchShare, minMatches,
        valueMatchRecords, analyseRecords, observeEvery, analyseEvery, reveal);
  }
}
