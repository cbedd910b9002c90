package io.cxhub.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One event on a profile's timeline. */
public record TimelineEvent(long id, String entity, String system, String stream, String sourceId, Instant occurredAt,
    JsonNode data) {}
