package io.cxhub.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * A party as one source system describes it: the input of survivorship.
 *
 * @param fields taxonomy field name to its latest value as JSON
 * @param fieldTimes when each value was first observed (a field sent again unchanged keeps its time)
 */
public record SourceRecord(String system, String stream, String sourceId, Instant observedAt,
    Map<String, JsonNode> fields, Map<String, Instant> fieldTimes) {

  public Instant observedAt(String field) {
    return fieldTimes.getOrDefault(field, observedAt);
  }
}
