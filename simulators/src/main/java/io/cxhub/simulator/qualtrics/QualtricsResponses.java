package io.cxhub.simulator.qualtrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxhub.simulator.people.People;
import io.cxhub.simulator.people.Person;
import io.cxhub.simulator.people.Rendering;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/**
 * Makes one completed response: respondent from the shared population, scores with a realistic
 * spread (bad ones included), a comment in the respondent's language now and then. Deterministic:
 * the same seed and sequence number give the same response.
 */
final class QualtricsResponses {

  /** Persons the surveys sample respondents from. */
  static final int POPULATION = 4000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private static final List<String> LANGUAGES = List.of("EN", "DE", "FR", "ES");
  private static final List<List<String>> GOOD = List.of(
      List.of("Quick and friendly, thanks!", "The agent solved it in one call.", "Great service as always."),
      List.of("Sehr freundlich und schnell.", "Alles bestens, danke!"),
      List.of("Très bon accueil, problème résolu.", "Rapide et efficace."),
      List.of("Muy amable y rápido.", "Todo perfecto, gracias."));
  private static final List<List<String>> BAD = List.of(
      List.of("Waited 40 minutes and got disconnected.", "Nobody could tell me why my bill doubled.",
          "I had to explain my problem three times."),
      List.of("Viel zu lange Wartezeit.", "Mein Problem ist immer noch nicht gelöst."),
      List.of("Attente beaucoup trop longue.", "Personne n'a pu m'aider."),
      List.of("Esperé demasiado tiempo.", "Nadie resolvió mi problema."));

  private final People people;
  private final long seed;

  QualtricsResponses(People people, long seed) {
    this.people = people;
    this.seed = seed;
  }

  /** Response number {@code n} of {@code survey}, recorded at {@code recorded}. */
  StoredResponse make(QualtricsSurvey survey, int surveyIndex, int n, Instant recorded) {
    Random r = new Random(seed * 31 + surveyIndex * 1_000_003L + n);
    String id = "R_" + alnum(r, 15);
    Person person = people.person(r.nextInt(POPULATION));
    Rendering contact = people.rendering(person, "qualtrics");
    int language = pickLanguage(person.country(), r);
    boolean unhappy = r.nextInt(100) < 25;

    ObjectNode values = JSON.createObjectNode();
    int seconds = 30 + r.nextInt(400);
    Instant end = recorded.minusMillis(r.nextInt(900));
    values.put("startDate", end.minusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS).toString());
    values.put("endDate", end.truncatedTo(ChronoUnit.SECONDS).toString());
    values.put("status", 0);
    values.put("ipAddress", "198.51.100." + r.nextInt(255));
    values.put("progress", 100);
    values.put("duration", seconds);
    values.put("finished", 1);
    values.put("recordedDate", recorded.toString());
    values.put("_recordId", id);
    values.put("distributionChannel", "email");
    values.put("userLanguage", LANGUAGES.get(language));
    values.put("externalDataReference", String.format("P%05d", person.index()));
    values.put("recipientFirstName", person.firstName());
    values.put("recipientLastName", person.lastName());
    if (contact.email() != null) {
      values.put("recipientEmail", contact.email());
      values.put("email", contact.email()); // embedded data set by the distribution
    }
    ObjectNode labels = JSON.createObjectNode();
    labels.put("status", "IP Address");
    labels.put("finished", "True");
    ArrayNode displayed = JSON.createArrayNode();
    ObjectNode displayedValues = JSON.createObjectNode();
    for (String q : survey.questions()) {
      int score = switch (q) {
        case QualtricsSurvey.CSAT -> unhappy ? 1 + r.nextInt(3) : 3 + r.nextInt(3);
        case QualtricsSurvey.NPS -> unhappy ? r.nextInt(7) : 6 + r.nextInt(5);
        default -> unhappy ? 4 + r.nextInt(4) : 1 + r.nextInt(3); // CES: high is hard
      };
      if (r.nextInt(100) < 4) {
        continue; // question skipped
      }
      values.put(q, score);
      labels.put(q, label(q, score));
      displayed.add(q);
      ArrayNode choices = displayedValues.putArray(q);
      int min = q.equals(QualtricsSurvey.NPS) ? 0 : 1;
      int max = switch (q) { case QualtricsSurvey.CSAT -> 5; case QualtricsSurvey.NPS -> 10; default -> 7; };
      for (int c = min; c <= max; c++) {
        choices.add(c);
      }
    }
    if (r.nextInt(100) < 55) {
      List<List<String>> texts = unhappy ? BAD : GOOD;
      List<String> pool = texts.get(language);
      values.put(QualtricsSurvey.VERBATIM, pool.get(r.nextInt(pool.size())));
    }
    displayed.add(QualtricsSurvey.VERBATIM);
    if (survey.embedded() != null) {
      String contactId = survey.embedded().equals("ticketId")
          ? "CASE-" + (100_000 + r.nextInt(900_000)) : "CALL-" + (1_000_000 + r.nextInt(9_000_000));
      values.put(survey.embedded(), contactId);
    }
    ObjectNode response = JSON.createObjectNode();
    response.put("responseId", id);
    response.set("values", values);
    response.set("labels", labels);
    response.set("displayedFields", displayed);
    response.set("displayedValues", displayedValues);
    return new StoredResponse(survey.id(), id, recorded, response);
  }

  /** Index into {@link #LANGUAGES}: Germans mostly answer in German, others mostly in English. */
  private static int pickLanguage(String country, Random r) {
    int roll = r.nextInt(100);
    if (country.equals("DE")) {
      return roll < 75 ? 1 : 0;
    }
    return roll < 85 ? 0 : roll < 93 ? 2 : 3;
  }

  private static String label(String question, int score) {
    return switch (question) {
      case QualtricsSurvey.CSAT -> List.of("Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied")
          .get(score - 1);
      case QualtricsSurvey.CES -> score <= 2 ? "Easy" : score <= 5 ? "Neither easy nor difficult" : "Difficult";
      default -> String.valueOf(score);
    };
  }

  static String alnum(Random r, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(ALNUM.charAt(r.nextInt(ALNUM.length())));
    }
    return s.toString();
  }

  /** A response as stored: the canonical JSON, before any format change is applied. */
  record StoredResponse(String surveyId, String responseId, Instant recorded, ObjectNode json) {}
}
