package com.example.cxhub.zendesk;

import io.cxhub.spi.connector.FieldSpec;
import io.cxhub.spi.connector.StreamSpec;
import java.util.List;

/** The one stream of this connector and the shape a Zendesk ticket is expected to have. */
final class ZendeskStreams {

  static final String TICKETS = "tickets";

  static final StreamSpec TICKETS_SPEC = new StreamSpec(TICKETS,
      "A Zendesk Support ticket as the Incremental Ticket Export returns it, one record per change, with its "
          + "requester (id, name, e-mail) from the side-loaded users",
      "id", "generated_timestamp",
      List.of(
          FieldSpec.of("id", "integer").notNull(),
          FieldSpec.of("url", "string"),
          FieldSpec.of("external_id", "string"),
          FieldSpec.of("type", "string"),
          FieldSpec.of("subject", "string"),
          FieldSpec.of("raw_subject", "string"),
          FieldSpec.of("description", "string"),
          FieldSpec.of("priority", "string"),
          FieldSpec.of("status", "string").notNull(),
          FieldSpec.of("recipient", "string", "email"),
          FieldSpec.of("requester_id", "integer"),
          FieldSpec.of("submitter_id", "integer"),
          FieldSpec.of("assignee_id", "integer"),
          FieldSpec.of("organization_id", "integer"),
          FieldSpec.of("group_id", "integer"),
          FieldSpec.of("brand_id", "integer"),
          FieldSpec.of("ticket_form_id", "integer"),
          FieldSpec.of("collaborator_ids", "array"),
          FieldSpec.of("follower_ids", "array"),
          FieldSpec.of("email_cc_ids", "array"),
          FieldSpec.of("problem_id", "integer"),
          FieldSpec.of("has_incidents", "boolean"),
          FieldSpec.of("is_public", "boolean"),
          FieldSpec.of("due_at", "string", "date-time"),
          FieldSpec.of("tags", "array"),
          FieldSpec.of("via.channel", "string").notNull(),
          FieldSpec.of("via.source", "object"),
          FieldSpec.of("custom_fields", "array"),
          FieldSpec.of("satisfaction_rating", "object"),
          FieldSpec.of("created_at", "string", "date-time").notNull(),
          FieldSpec.of("updated_at", "string", "date-time").notNull(),
          FieldSpec.of("generated_timestamp", "integer", "epoch-seconds").notNull(),
          FieldSpec.of("requester.id", "integer"),
          FieldSpec.of("requester.name", "string"),
          FieldSpec.of("requester.email", "string", "email")));

  static final List<StreamSpec> ALL = List.of(TICKETS_SPEC);

  private ZendeskStreams() {}
}
