package io.cxhub.profile;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What one batch changed.
 *
 * @param profilesUpdated existing profiles whose attributes or identities changed, or that absorbed a merge
 * @param eventsWritten timeline rows inserted or changed
 * @param unchanged entities whose write changed no row (a party whose profile stayed as it was, an event equal
 *     to the stored one)
 * @param merges profiles merged away into another one
 * @param mergesRefused merges the identity rules refused (a key-type limit, an earlier un-merge)
 * @param keysDropped new identity keys not attached because their profile reached its limit for that type
 * @param unlinkable entities not written because they cannot be tied to a profile
 * @param timelineChanged profiles whose timeline changed: events inserted, changed or moved away, or a merge absorbed (their
 *     computed traits may have changed)
 * @param mergeSurvivors the profiles of {@code timelineChanged} that absorbed a merge
 */
public record WriteResult(int profilesCreated, int profilesUpdated, int eventsWritten, int unchanged, int merges,
    int mergesRefused, int keysDropped, List<Unlinkable> unlinkable, Set<UUID> timelineChanged,
    Set<UUID> mergeSurvivors) {

  public WriteResult {
    unlinkable = List.copyOf(unlinkable);
    timelineChanged = Set.copyOf(timelineChanged);
    mergeSurvivors = Set.copyOf(mergeSurvivors);
  }

  static WriteResult nothing(List<Unlinkable> unlinkable) {
    return new WriteResult(0, 0, 0, 0, 0, 0, 0, unlinkable, Set.of(), Set.of());
  }

  WriteResult withUnlinkable(List<Unlinkable> more) {
    return new WriteResult(profilesCreated, profilesUpdated, eventsWritten, unchanged, merges, mergesRefused,
        keysDropped, more, timelineChanged, mergeSurvivors);
  }
}
