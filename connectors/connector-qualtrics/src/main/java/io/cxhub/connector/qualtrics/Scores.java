package io.cxhub.connector.qualtrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Adds {@code scores} ({@code csat}, {@code nps}, {@code ces}, {@code verbatim}) to a response
 * payload, read from the questions the instance names for its survey, so one mapping serves
 * surveys whose question ids differ. Answers given as numeric strings become numbers; an answer
 * that is not a number is left out of {@code scores} (the raw {@code values} keep it).
 */
final class Scores {

  /** Question ids per score: plain ids apply to every survey, {@code SV_x=QID7} to one survey. */
  record Questions(List<String> csat, List<String> nps, List<String> ces, List<String> verbatim) {

    static String forSurvey(List<String> entries, String surveyId) {
      String general = null;
      for (String e : entries) {
        int eq = e.indexOf('=');
        if (eq < 0) {
          general = general == null ? e : general;
        } else if (e.substring(0, eq).equals(surveyId)) {
          return e.substring(eq + 1);
        }
      }
      return general;
    }
  }

  private Scores() {}

  static void add(ObjectNode response, String surveyId, Questions q) {
    JsonNode values = response.path("values");
    ObjectNode scores = response.putObject("scores");
    number(values, Questions.forSurvey(q.csat(), surveyId), scores, "csat");
    number(values, Questions.forSurvey(q.nps(), surveyId), scores, "nps");
    number(values, Questions.forSurvey(q.ces(), surveyId), scores, "ces");
    String verbatim = Questions.forSurvey(q.verbatim(), surveyId);
    if (verbatim != null && values.path(verbatim).isTextual() && !values.path(verbatim).asText().isBlank()) {
      scores.put("verbatim", values.path(verbatim).asText());
    }
  }

  private static void number(JsonNode values, String question, ObjectNode scores, String name) {
    if (question == null) {
      return;
    }
    JsonNode v = values.path(question);
    if (v.isIntegralNumber()) {
      scores.put(name, v.asInt());
    } else if (v.isTextual() && v.asText().trim().matches("-?\\d{1,3}")) {
      scores.put(name, Integer.parseInt(v.asText().trim()));
    }
  }
}
