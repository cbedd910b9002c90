package io.cxhub.profile;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A profile as the API shows it.
 *
 * @param attributes attribute name to its surviving value and provenance
 * @param eventCounts timeline events per taxonomy entity
 */
public record ProfileView(String id, Instant createdAt, Instant updatedAt, Map<String, Attribute> attributes,
    List<IdentityView> identities, Map<String, Long> eventCounts) {

  /** @param key {@code type:value} */
  public record IdentityView(String key, String system, Instant firstSeen) {}
}
