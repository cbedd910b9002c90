package io.cxhub.connector.qualtrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxhub.mapping.EntityRecord;
import io.cxhub.mapping.Mapping;
import io.cxhub.mapping.MappingLoader;
import io.cxhub.simulator.qualtrics.QualtricsSimulator;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.taxonomy.Taxonomy;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped mapping (repo root, and the same file in the jar) maps simulator payloads into survey_response. */
class QualtricsMappingTest {

  private static final Path SHIPPED = Path.of("..", "..", "mappings", "qualtrics", "responses.yaml");

  @Test
  void theJarCarriesTheShippedMapping() throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(new QualtricsConnector().defaultMappings().get(0))) {
      assertEquals(Files.readString(SHIPPED), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Test
  void simulatorResponsesMapToSurveyResponses() {
    Mapping mapping = new MappingLoader(Taxonomy.loadDefault()).load(SHIPPED);
    Scores.Questions questions = new Scores.Questions(List.of("QID1"), List.of("QID2"), List.of("QID3"), List.of("QID4_TEXT"));
    try (QualtricsSimulator sim = new QualtricsSimulator(0, 30)) {
      int withEmail = 0;
      int withCsat = 0;
      for (String id : sim.responseIds()) {
        ObjectNode payload = (ObjectNode) sim.response(id).deepCopy();
        String survey = surveyOf(sim, id);
        payload.put("surveyId", survey);
        Scores.add(payload, survey, questions);
        EntityRecord e = mapping.map(RawRecord.pushed("qualtrics", "responses", id, payload)).entities().get(0);
        assertEquals("survey_response", e.entity());
        assertEquals(id, e.fields().get("response_id"));
        assertTrue(e.fields().containsKey("responded_at"));
        if (e.fields().get("email") != null) {
          withEmail++;
          assertEquals(e.fields().get("email").toString().toLowerCase().trim(), e.fields().get("email"));
        }
        if (e.fields().get("csat_score") != null) {
          withCsat++;
          long csat = ((Number) e.fields().get("csat_score")).longValue();
          assertTrue(csat >= 1 && csat <= 5);
        }
      }
      assertTrue(withEmail > 70, "most respondents have an e-mail: " + withEmail);
      assertTrue(withCsat > 40, "two surveys ask CSAT: " + withCsat);
    }
  }

  private static String surveyOf(QualtricsSimulator sim, String responseId) {
    int index = sim.responseIds().indexOf(responseId);
    return sim.surveyIds().get(index / 30);
  }
}
