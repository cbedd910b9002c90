package io.cxhub.drift;

import io.cxhub.drift.HashSketch.Overlap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recognises renames, splits and merges from values: a removed field's baseline value hashes are
 * compared with the hashes of a new field (rename), of concatenations of two new fields (split),
 * or two removed fields with the parts of a new field (merge). Fields it explains are added to the
 * consumed sets, so they are not also reported as added or removed. Stateless per call.
 */
final class ValueMatcher {

  private final DriftSettings settings;

  ValueMatcher(DriftSettings settings) {
    this.settings = settings;
  }

  /**
   * @param removed removed baseline fields that carry value hashes
   * @param added new window fields (any)
   */
  List<Drift> match(StreamProfile window, List<FieldExpectation> removed, Map<String, FieldProfile> added,
      Set<String> consumedOld, Set<String> consumedNew) {
    List<Drift> drifts = new ArrayList<>();
    renames(window, removed, added, consumedOld, consumedNew, drifts);
    splits(window, removed, added, consumedOld, consumedNew, drifts);
    merges(window, removed, added, consumedOld, consumedNew, drifts);
    return drifts;
  }

  private void renames(StreamProfile window, List<FieldExpectation> removed, Map<String, FieldProfile> added,
      Set<String> consumedOld, Set<String> consumedNew, List<Drift> drifts) {
    record Candidate(FieldExpectation old, FieldProfile now, Overlap overlap) {}
    List<Candidate> candidates = new ArrayList<>();
    for (FieldExpectation old : removed) {
      for (FieldProfile now : added.values()) {
        if (!now.matchable()) {
          continue;
        }
        Overlap overlap = overlap(old.valueHashes(), now.valueHashes());
        if (qualifies(overlap) && (old.enumValues() == null || sameDistinctValues(old, now))) {
          candidates.add(new Candidate(old, now, overlap));
        }
      }
    }
    candidates.sort(Comparator.comparingDouble((Candidate c) -> c.overlap().share()).reversed()
        .thenComparing(c -> -c.overlap().hits()));
    for (Candidate c : candidates) {
      if (consumedOld.contains(c.old().path()) || consumedNew.contains(c.now().path())) {
        continue;
      }
      consumedOld.add(c.old().path());
      consumedNew.add(c.now().path());
      drifts.add(Drift.of(window, DriftKind.RENAMED, List.of(c.old().path()), List.of(c.now().path()),
          evidence(window, c.now().present(), c.old(), c.now().summary(settings.dominantShare()), null, c.overlap(),
              c.now().examples())));
    }
  }

  private void splits(StreamProfile window, List<FieldExpectation> removed, Map<String, FieldProfile> added,
      Set<String> consumedOld, Set<String> consumedNew, List<Drift> drifts) {
    for (FieldExpectation old : removed) {
      if (consumedOld.contains(old.path())) {
        continue;
      }
      ConcatEvidence best = null;
      Overlap bestOverlap = null;
      for (ConcatEvidence concat : window.concatenations()) {
        if (!added.containsKey(concat.first()) || !added.containsKey(concat.second())
            || consumedNew.contains(concat.first()) || consumedNew.contains(concat.second())) {
          continue;
        }
        Overlap overlap = overlap(old.valueHashes(), concat.hashes());
        if (qualifies(overlap) && (bestOverlap == null || overlap.share() > bestOverlap.share())) {
          best = concat;
          bestOverlap = overlap;
        }
      }
      if (best != null) {
        consumedOld.add(old.path());
        consumedNew.add(best.first());
        consumedNew.add(best.second());
        FieldProfile first = added.get(best.first());
        FieldProfile second = added.get(best.second());
        List<String> examples = new ArrayList<>(first.examples());
        examples.addAll(second.examples());
        drifts.add(Drift.of(window, DriftKind.SPLIT, List.of(old.path()), List.of(best.first(), best.second()),
            evidence(window, Math.min(first.present(), second.present()), old,
                first.summary(settings.dominantShare()) + " + " + second.summary(settings.dominantShare()),
                best.separator(), bestOverlap, examples)));
      }
    }
  }

  private void merges(StreamProfile window, List<FieldExpectation> removed, Map<String, FieldProfile> added,
      Set<String> consumedOld, Set<String> consumedNew, List<Drift> drifts) {
    for (PartsEvidence parts : window.parts()) {
      FieldProfile now = added.get(parts.path());
      if (now == null || consumedNew.contains(parts.path())) {
        continue;
      }
      FieldExpectation bestFirst = null;
      FieldExpectation bestSecond = null;
      Overlap bestOverlap = null;
      for (FieldExpectation first : removed) {
        if (consumedOld.contains(first.path())) {
          continue;
        }
        Overlap head = overlap(first.valueHashes(), parts.prefixes());
        if (!qualifies(head)) {
          continue;
        }
        for (FieldExpectation second : removed) {
          if (second == first || consumedOld.contains(second.path())) {
            continue;
          }
          Overlap tail = overlap(second.valueHashes(), parts.suffixes());
          if (!qualifies(tail)) {
            continue;
          }
          Overlap weaker = head.share() <= tail.share() ? head : tail;
          if (bestOverlap == null || weaker.share() > bestOverlap.share()) {
            bestFirst = first;
            bestSecond = second;
            bestOverlap = weaker;
          }
        }
      }
      if (bestOverlap != null) {
        consumedOld.add(bestFirst.path());
        consumedOld.add(bestSecond.path());
        consumedNew.add(now.path());
        List<String> before = new ArrayList<>(bestFirst.examples());
        before.addAll(bestSecond.examples());
        drifts.add(Drift.of(window, DriftKind.MERGED, List.of(bestFirst.path(), bestSecond.path()),
            List.of(now.path()), new Evidence(now.present(), window.records(),
                bestFirst.summary() + " + " + bestSecond.summary(), now.summary(settings.dominantShare()), null,
                null, parts.separator(), bestOverlap.share(), bestOverlap.sample(), before, now.examples(),
                null, window.from(), window.to())));
      }
    }
  }

  private Evidence evidence(StreamProfile window, long occurrences, FieldExpectation old, String after,
      String separator, Overlap overlap, List<String> examplesAfter) {
    return new Evidence(occurrences, window.records(), old.summary(), after, null, null, separator,
        overlap.share(), overlap.sample(), old.examples(), examplesAfter, null, window.from(), window.to());
  }

  /** The better of both containment directions: either side may hold values the other never saw. */
  private Overlap overlap(long[] a, long[] b) {
    return Overlap.better(HashSketch.containment(a, b, settings.sketchSize()),
        HashSketch.containment(b, a, settings.sketchSize()));
  }

  private boolean qualifies(Overlap overlap) {
    return overlap.hits() >= settings.minMatches() && overlap.share() >= settings.matchShare();
  }

  /** A low-cardinality field is renamed only when both carry (nearly) the same set of values. */
  private boolean sameDistinctValues(FieldExpectation old, FieldProfile now) {
    Overlap forward = HashSketch.containment(old.valueHashes(), now.valueHashes(), settings.sketchSize());
    Overlap backward = HashSketch.containment(now.valueHashes(), old.valueHashes(), settings.sketchSize());
    return forward.share() >= 0.8 && backward.share() >= 0.8;
  }
}
