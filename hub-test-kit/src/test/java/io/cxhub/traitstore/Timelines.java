package io.cxhub.traitstore;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cxhub.mapping.EntityRecord;
import io.cxhub.mapping.IdentityKey;
import io.cxhub.mapping.MappedRecord;
import io.cxhub.spi.record.RawRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Timeline events of one customer (keyed by e-mail) as the mapping engine hands them over. */
final class Timelines {

  private Timelines() {}

  static MappedRecord interaction(String email, String id, Instant startedAt) {
    return event("genesys", "conversations", "interaction", email, id, Map.of("interaction_id", id, "channel", "VOICE",
        "started_at", startedAt), startedAt);
  }

  static MappedRecord survey(String email, String id, long csat, Instant respondedAt) {
    return event("qualtrics", "responses", "survey_response", email, id, Map.of("response_id", id, "csat_score", csat,
        "responded_at", respondedAt), respondedAt);
  }

  /** A CRM contact whose keys tie the e-mail and the phone to one person. */
  static MappedRecord contact(String id, String email, String phone, Instant observedAt) {
    RawRecord raw = new RawRecord("crm", "contacts", id, observedAt, JsonNodeFactory.instance.objectNode(), null, null);
    return new MappedRecord(raw, List.of(new EntityRecord("party", id, Map.of("email", email),
        List.of(new IdentityKey("email", email), new IdentityKey("phone", phone)))));
  }

  /** A contact-centre contact known only by the caller's number. */
  static MappedRecord call(String phone, String id, Instant startedAt) {
    RawRecord raw = new RawRecord("genesys", "conversations", id, startedAt, JsonNodeFactory.instance.objectNode(), null,
        null);
    return new MappedRecord(raw, List.of(new EntityRecord("interaction", id, Map.of("interaction_id", id,
        "started_at", startedAt), List.of(new IdentityKey("phone", phone)))));
  }

  private static MappedRecord event(String system, String stream, String entity, String email, String id,
      Map<String, Object> fields, Instant observedAt) {
    RawRecord raw = new RawRecord(system, stream, id, observedAt, JsonNodeFactory.instance.objectNode(), null, null);
    return new MappedRecord(raw, List.of(new EntityRecord(entity, id, fields, List.of(new IdentityKey("email", email)))));
  }
}
