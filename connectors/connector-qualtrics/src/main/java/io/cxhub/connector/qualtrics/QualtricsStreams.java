package io.cxhub.connector.qualtrics;

import io.cxhub.spi.connector.FieldSpec;
import io.cxhub.spi.connector.StreamSpec;
import java.util.List;

/** The one stream: completed survey responses. */
final class QualtricsStreams {

  static final String NAME = "responses";

  static final StreamSpec RESPONSES = new StreamSpec(NAME,
      "a completed survey response: the Qualtrics response object, its surveyId and the normalized scores",
      "responseId", "values.recordedDate", List.of(
          FieldSpec.of("responseId", "string").notNull(),
          FieldSpec.of("surveyId", "string").notNull(),
          FieldSpec.of("values.startDate", "string", "date-time"),
          FieldSpec.of("values.endDate", "string", "date-time"),
          FieldSpec.of("values.recordedDate", "string", "date-time").notNull(),
          FieldSpec.of("values.finished", "integer"),
          FieldSpec.of("values.progress", "integer"),
          FieldSpec.of("values.duration", "integer"),
          FieldSpec.of("values.userLanguage", "string"),
          FieldSpec.of("values.externalDataReference", "string"),
          FieldSpec.of("values.recipientEmail", "string", "email"),
          FieldSpec.of("values.email", "string", "email"),
          FieldSpec.of("values.QID1", "integer"),
          FieldSpec.of("values.QID2", "integer"),
          FieldSpec.of("values.QID3", "integer"),
          FieldSpec.of("values.QID4_TEXT", "string"),
          FieldSpec.of("values.interactionId", "string"),
          FieldSpec.of("values.ticketId", "string"),
          FieldSpec.of("labels", "object"),
          FieldSpec.of("displayedFields", "array"),
          FieldSpec.of("scores.csat", "integer"),
          FieldSpec.of("scores.nps", "integer"),
          FieldSpec.of("scores.ces", "integer"),
          FieldSpec.of("scores.verbatim", "string")));

  private QualtricsStreams() {}
}
