package io.cxhub.drift;

import java.time.Instant;
import java.util.List;

/**
 * Why a drift was raised. Every sample is masked. Jackson-friendly record.
 *
 * @param occurrences records in the window that show the drift (estimated from the observed sample when
 *     the window was sampled)
 * @param windowRecords records in the window
 * @param before the baseline side, in words ({@code string, date, null or absent 0%})
 * @param after the window side, in words
 * @param formatBefore baseline format, when the drift is about formats
 * @param formatAfter window format, when the drift is about formats
 * @param separator for split and merge: what joins the parts
 * @param matchShare for rename, split and merge: share of sampled values that matched
 * @param matchSample for rename, split and merge: sampled values the share rests on
 * @param examplesBefore masked baseline values
 * @param examplesAfter masked window values
 * @param newValues for a new enum value: the values (codes as is, anything else masked)
 * @param firstSeen start of the window
 * @param lastSeen end of the window
 */
public record Evidence(
    long occurrences,
    long windowRecords,
    String before,
    String after,
    ValueFormat formatBefore,
    ValueFormat formatAfter,
    String separator,
    Double matchShare,
    Integer matchSample,
    List<String> examplesBefore,
    List<String> examplesAfter,
    List<String> newValues,
    Instant firstSeen,
    Instant lastSeen) {

  public Evidence {
    examplesBefore = examplesBefore == null ? List.of() : List.copyOf(examplesBefore);
    examplesAfter = examplesAfter == null ? List.of() : List.copyOf(examplesAfter);
    newValues = newValues == null ? List.of() : List.copyOf(newValues);
  }
}
