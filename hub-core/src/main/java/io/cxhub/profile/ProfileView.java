package io.cxhub.profile;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A profile as the API shows it.
 *
 * @param attributes attribute name to its surviving value and provenance
 * @param eventCounts timeline events per taxonomy entity
 * @param merges merges this profile absorbed or was split off from, oldest first
 */
public record ProfileView(String id, Instant createdAt, Instant updatedAt, Map<String, Attribute> attributes,
    List<IdentityView> identities, Map<String, Long> eventCounts, List<MergeView> merges) {

  /** @param key {@code type:value} */
  public record IdentityView(String key, String system, Instant firstSeen) {}

  /**
   * One recorded merge: which record's key joined the two, under which rule, and whether it was undone.
   *
   * @param causeKey {@code type:value} of the key that pointed at the merged profile
   */
  public record MergeView(long id, String survivor, String merged, Instant mergedAt, String causeSystem,
      String causeStream, String causeSourceId, String causeEntity, String causeKey, String rule, Instant unmergedAt,
      String unmergedBy, String unmergeComment) {}
}
