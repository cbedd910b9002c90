package io.cxhub.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.config.ConfigProblemsException;
import io.cxhub.config.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyTest {

  @Test
  void shippedTaxonomyLoadsWithAllV1Entities() {
    Taxonomy taxonomy = Taxonomy.loadDefault();
    assertEquals(1, taxonomy.version());
    assertEquals(Set.of("party", "interaction", "case", "survey_response", "billing_account", "invoice", "payment",
        "subscription", "decision", "outcome"), taxonomy.entities().keySet());
    assertTrue(taxonomy.identityTypes().containsAll(Set.of("email", "phone", "crm_contact_id", "crm_account_id",
        "billing_customer_id", "ccaas_customer_id", "survey_respondent_id")));
  }

  @Test
  void fieldsCarryTypePiiSurvivorshipAndIdentity() {
    Taxonomy taxonomy = Taxonomy.loadDefault();
    TaxonomyField email = taxonomy.field("party", "email").orElseThrow();
    assertEquals(FieldType.STRING, email.type());
    assertTrue(email.pii());
    assertEquals("email", email.identityType().orElseThrow());
    assertEquals(SurvivorshipRule.MOST_RECENT, email.survivorship().rule());

    TaxonomyField name = taxonomy.field("party", "display_name").orElseThrow();
    assertEquals(SurvivorshipRule.SOURCE_PRIORITY, name.survivorship().rule());
    assertEquals("crm", name.survivorship().sourcePriority().get(0));

    assertEquals("phone", taxonomy.field("interaction", "ani").orElseThrow().identityType().orElseThrow());
    assertEquals(List.of("DRAFT", "OPEN", "PAID", "VOID", "UNCOLLECTIBLE"),
        taxonomy.field("invoice", "status").orElseThrow().enumValues());
    assertEquals(FieldType.CURRENCY, taxonomy.field("invoice", "currency").orElseThrow().type());
    assertTrue(taxonomy.field("invoice", "nope").isEmpty());
    assertTrue(taxonomy.entity("nope").isEmpty());
  }

  @Test
  void adminFilesAddEntitiesAndFields(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("loyalty.yaml"), """
        version: 1
        entities:
          party:
            fields:
              loyalty_tier: { type: enum, values: [BRONZE, GOLD], survivorship: most_recent }
          contract:
            fields:
              renews_on: { type: date, survivorship: most_recent }
        """);
    Taxonomy taxonomy = Taxonomy.load(List.of(dir));
    assertEquals(FieldType.ENUM, taxonomy.field("party", "loyalty_tier").orElseThrow().type());
    assertTrue(taxonomy.field("party", "email").isPresent(), "shipped fields stay");
    assertEquals(FieldType.DATE, taxonomy.field("contract", "renews_on").orElseThrow().type());
  }

  @Test
  void redefinedFieldNamesBothFiles(@TempDir Path dir) throws Exception {
    Path first = Files.writeString(dir.resolve("a.yaml"), """
        version: 1
        entities:
          contract:
            fields:
              renews_on: { type: date, survivorship: most_recent }
        """);
    Path second = Files.writeString(dir.resolve("b.yaml"), """
        version: 1
        entities:
          contract:
            fields:
              renews_on: { type: timestamp, survivorship: most_recent }
        """);
    ConfigProblemsException e = assertThrows(ConfigProblemsException.class, () -> Taxonomy.load(List.of(dir)));
    Problem problem = e.problems().get(0);
    assertEquals(second, problem.file());
    assertEquals(5, problem.line());
    assertTrue(problem.message().contains(first + ":5"), problem.message());
  }

  @Test
  void typoAndMissingSourcesAreReportedWithLines(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.yaml"), """
        version: 1
        entities:
          contract:
            fields:
              renews_on: { type: date, survivorship: most_recent, pi: true }
              owner: { type: string, survivorship: source_priority }
              kind: { type: enum, survivorship: most_recent }
        """);
    ConfigProblemsException e = assertThrows(ConfigProblemsException.class, () -> Taxonomy.load(List.of(file)));
    List<Integer> lines = e.problems().stream().map(Problem::line).toList();
    assertTrue(lines.contains(5), e.getMessage());
    assertTrue(lines.contains(6), e.getMessage());
    assertTrue(lines.contains(7), e.getMessage());
    assertTrue(e.getMessage().contains("pi"), e.getMessage());
  }
}
