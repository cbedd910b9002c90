package io.cxhub.connector.genesys;

import io.cxhub.spi.connector.FieldSpec;
import io.cxhub.spi.connector.StreamSpec;
import java.util.List;

/** The stream this connector offers and the schema it expects (the drift baseline). */
final class GenesysStreams {

  static final StreamSpec CONVERSATIONS = new StreamSpec(GenesysReader.STREAM,
      "One Genesys Cloud conversation as the analytics details query shows it (participants, sessions, segments, "
          + "metrics), plus a derived block the mappings read; re-emitted when it ends",
      "conversationId", "conversationStart", List.of(
          FieldSpec.of("conversationId", "string").notNull(),
          FieldSpec.of("conversationStart", "string", "date-time").notNull(),
          FieldSpec.of("conversationEnd", "string", "date-time"),
          FieldSpec.of("originatingDirection", "string"),
          FieldSpec.of("divisionIds", "array"),
          FieldSpec.of("mediaStatsMinConversationMos", "number"),
          FieldSpec.of("mediaStatsMinConversationRFactor", "number"),
          FieldSpec.of("participants", "array").notNull(),
          FieldSpec.of("participants[].participantId", "string"),
          FieldSpec.of("participants[].participantName", "string"),
          FieldSpec.of("participants[].purpose", "string"),
          FieldSpec.of("participants[].userId", "string"),
          FieldSpec.of("participants[].externalContactId", "string"),
          FieldSpec.of("participants[].sessions[].mediaType", "string"),
          FieldSpec.of("participants[].sessions[].sessionId", "string"),
          FieldSpec.of("participants[].sessions[].direction", "string"),
          // tel: URIs (tel:+14155550100, tel:anonymous), not bare phone numbers: no declared format
          FieldSpec.of("participants[].sessions[].ani", "string"),
          FieldSpec.of("participants[].sessions[].dnis", "string"),
          FieldSpec.of("participants[].sessions[].addressFrom", "string"),
          FieldSpec.of("participants[].sessions[].addressTo", "string"),
          FieldSpec.of("participants[].sessions[].segments[].segmentStart", "string", "date-time"),
          FieldSpec.of("participants[].sessions[].segments[].segmentEnd", "string", "date-time"),
          FieldSpec.of("participants[].sessions[].segments[].segmentType", "string"),
          FieldSpec.of("participants[].sessions[].segments[].queueId", "string"),
          FieldSpec.of("participants[].sessions[].segments[].wrapUpCode", "string"),
          FieldSpec.of("participants[].sessions[].segments[].wrapUpNote", "string"),
          FieldSpec.of("participants[].sessions[].segments[].disconnectType", "string"),
          FieldSpec.of("participants[].sessions[].metrics[].name", "string"),
          FieldSpec.of("participants[].sessions[].metrics[].value", "number"),
          FieldSpec.of("participants[].sessions[].metrics[].emitDate", "string", "date-time"),
          FieldSpec.of("derived.mediaType", "string"),
          FieldSpec.of("derived.direction", "string"),
          FieldSpec.of("derived.queueId", "string"),
          FieldSpec.of("derived.wrapUpCode", "string"),
          FieldSpec.of("derived.agentUserId", "string"),
          FieldSpec.of("derived.waitSeconds", "integer"),
          FieldSpec.of("derived.handleSeconds", "integer"),
          FieldSpec.of("derived.transferCount", "integer").notNull(),
          FieldSpec.of("derived.ongoing", "boolean").notNull(),
          FieldSpec.of("derived.customer.ani", "string"),
          FieldSpec.of("derived.customer.phone", "string", "phone"),
          FieldSpec.of("derived.customer.email", "string", "email"),
          FieldSpec.of("derived.customer.name", "string")));

  static final List<StreamSpec> ALL = List.of(CONVERSATIONS);

  private GenesysStreams() {}
}
