package io.cxhub.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The surviving value of one profile attribute and where it came from.
 *
 * @param value the value as JSON (string, number, boolean; dates and instants as ISO-8601 text)
 */
public record Attribute(JsonNode value, String system, String stream, String sourceId, Instant observedAt) {

  /**
   * Survivorship: the most recently observed value wins; at the same instant the system whose name
   * sorts first wins, so every node picks the same value; from the same system at the same instant
   * the later write wins. The same value seen again keeps its first provenance, so a replayed or re-pushed
   * record changes nothing.
   */
  public boolean beats(Attribute current) {
    if (current == null) {
      return true;
    }
    if (value.equals(current.value) && system.equals(current.system)) {
      return false;
    }
    int byTime = observedAt.compareTo(current.observedAt);
    if (byTime != 0) {
      return byTime > 0;
    }
    return system.compareTo(current.system) <= 0;
  }
}
