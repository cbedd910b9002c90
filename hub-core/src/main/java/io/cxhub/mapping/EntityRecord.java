package io.cxhub.mapping;

import java.util.List;
import java.util.Map;

/**
 * One taxonomy entity produced by a mapping from a source record.
 *
 * @param entity taxonomy entity type, e.g. {@code party}, {@code invoice}
 * @param sourceId id of the entity in its source system (unique per system and entity)
 * @param fields taxonomy field name to typed value (String, BigDecimal, Long, Boolean, Instant,
 *     LocalDate); only fields the source supplied
 * @param keys identity keys that tie the entity to a customer profile
 */
public record EntityRecord(String entity, String sourceId, Map<String, Object> fields, List<IdentityKey> keys) {

  public EntityRecord {
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    keys = List.copyOf(keys);
  }

  /** A {@code party} becomes profile attributes; every other entity is an event on the timeline. */
  public boolean isParty() {
    return "party".equals(entity);
  }
}
