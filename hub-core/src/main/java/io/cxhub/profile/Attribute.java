package io.cxhub.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The surviving value of one profile attribute and where it came from (chosen by {@link Survivors}).
 *
 * @param value the value as JSON (string, number, boolean; dates and instants as ISO-8601 text)
 */
public record Attribute(JsonNode value, String system, String stream, String sourceId, Instant observedAt) {}
