package io.cxhub.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A profile as the API shows it.
 *
 * @param attributes attribute name to its surviving value and provenance
 * @param eventCounts timeline events per taxonomy entity
 * @param merges merges this profile absorbed or was split off from, oldest first
 * @param traits computed trait name to its value
 */
public record ProfileView(String id, Instant createdAt, Instant updatedAt, Map<String, Attribute> attributes,
    List<IdentityView> identities, Map<String, Long> eventCounts, List<MergeView> merges,
    Map<String, TraitView> traits) {

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

  /**
   * @param value the trait's value as JSON (null for none)
   * @param computedAt when the stored value was last computed; null when nothing is stored, because the profile
   *     never had other than the trait's value over no events (0, false, none)
   */
  public record TraitView(JsonNode value, Instant computedAt) {}

  /** The same profile with other trait values. */
  public ProfileView withTraits(Map<String, TraitView> otherTraits) {
    return new ProfileView(id, createdAt, updatedAt, attributes, identities, eventCounts, merges, otherTraits);
  }
}
