package io.cxhub.simulator.qualtrics;

import java.util.List;

/**
 * A survey the simulator hosts. Question ids are shared across the surveys, as when one brand
 * copies a survey template: {@code QID1} satisfaction (1-5), {@code QID2} likelihood to recommend
 * (0-10), {@code QID3} effort (1-7), {@code QID4_TEXT} a free-text comment.
 *
 * @param id Qualtrics survey id ({@code SV_} and 15 characters)
 * @param name survey name, also the name of the JSON file inside an export
 * @param touchpoint what the survey asks about
 * @param questions the questions it asks, of QID1, QID2, QID3
 * @param embedded embedded-data field carrying the contact the survey follows, or null
 */
public record QualtricsSurvey(String id, String name, String touchpoint, List<String> questions, String embedded) {

  public static final String CSAT = "QID1";
  public static final String NPS = "QID2";
  public static final String CES = "QID3";
  public static final String VERBATIM = "QID4_TEXT";

  /** The three surveys of the simulated brand. */
  public static final List<QualtricsSurvey> ALL = List.of(
      new QualtricsSurvey("SV_1Xp0stCallCsAt", "Post-call CSAT", "support_call", List.of(CSAT, NPS), "interactionId"),
      new QualtricsSurvey("SV_2RelationNpsQ3", "Relationship NPS", "relationship", List.of(NPS), null),
      new QualtricsSurvey("SV_3CesAfterSupp0", "CES after support", "support_case", List.of(CES, CSAT), "ticketId"));
}
