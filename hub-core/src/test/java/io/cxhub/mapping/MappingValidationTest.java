package io.cxhub.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.config.ConfigProblemsException;
import io.cxhub.config.Problem;
import io.cxhub.taxonomy.Taxonomy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A mapping with a mistake must fail at load, on the right file and line, saying what was expected. */
class MappingValidationTest {

  private static final Path FILE = Path.of("mappings/billing/invoices.yaml");
  private static final MappingLoader LOADER = new MappingLoader(Taxonomy.loadDefault());

  private static List<Problem> problems(String yaml) {
    ConfigProblemsException e = assertThrows(ConfigProblemsException.class, () -> LOADER.parse(FILE, yaml));
    e.problems().forEach(problem -> assertEquals(FILE, problem.file()));
    return e.problems();
  }

  private static Problem onlyProblem(String yaml) {
    List<Problem> problems = problems(yaml);
    assertEquals(1, problems.size(), problems.toString());
    return problems.get(0);
  }

  private static void assertMentions(Problem problem, String... parts) {
    for (String part : parts) {
      assertTrue(problem.message().contains(part), "'" + part + "' missing from: " + problem);
    }
  }

  @Test
  void typoInAKeyIsReportedOnItsLine() {
    Problem problem = onlyProblem("""
        system: billing
        stream: invoices
        entities:
          - entity: invoice
            id: invoice_id
            fields:
              currency: { path: currency, transfrom: [upper] }
        """);
    assertEquals(7, problem.line());
    assertMentions(problem, "transfrom");
  }

  @Test
  void typoInATopLevelKeyIsReportedOnItsLine() {
    Problem problem = onlyProblem("""
        system: billing
        stream: invoices
        entites: []
        entities:
          - entity: invoice
            id: invoice_id
            fields: { invoice_id: invoice_id }
        """);
    assertEquals(3, problem.line());
    assertMentions(problem, "entites");
  }

  @Test
  void unknownTaxonomyFieldIsReportedWithTheFieldsThatExist() {
    Problem problem = onlyProblem("""
        system: billing
        stream: invoices
        entities:
          - entity: invoice
            id: invoice_id
            fields:
              invoice_id: invoice_id
              amount_owed: amount_due_cents
        """);
    assertEquals(8, problem.line());
    assertMentions(problem, "unknown field 'amount_owed'", "invoice", "amount_due");
  }

  @Test
  void unknownTransformNameIsReportedOnItsLine() {
    Problem problem = onlyProblem("""
        system: billing
        stream: invoices
        entities:
          - entity: invoice
            id: invoice_id
            fields:
              currency:
                path: currency
                transform:
                  - trim
                  - uppercase
        """);
    assertEquals(11, problem.line());
    assertMentions(problem, "uppercase");
  }

  @Test
  void unknownEntityIsReported() {
    Problem problem = onlyProblem("""
        system: billing
        stream: invoices
        entities:
          - entity: invoce
            id: invoice_id
            fields: { invoice_id: invoice_id }
        """);
    assertEquals(4, problem.line());
    assertMentions(problem, "invoce", "invoice");
  }

  @Test
  void identityFieldWithoutIdentityTypeIsReported() {
    Problem problem = onlyProblem("""
        system: billing
        stream: customers
        entities:
          - entity: party
            id: customer_id
            fields:
              billing_customer_id: customer_id
              country: country
            identity: [billing_customer_id, country]
        """);
    assertEquals(8, problem.line());
    assertMentions(problem, "party.country", "identity");
  }

  @Test
  void requiredFieldThatIsNotMappedIsReported() {
    Problem problem = onlyProblem("""
        system: billing
        stream: invoices
        entities:
          - entity: invoice
            id: invoice_id
            fields:
              invoice_id: invoice_id
            required: [invoice_id, amount_due]
        """);
    assertEquals(8, problem.line());
    assertMentions(problem, "amount_due", "not mapped");
  }

  @Test
  void semanticMistakesInTransformsAndConstantsAreAllReportedAtOnce() {
    List<Problem> problems = problems("""
        system: billing
        stream: invoices
        entities:
          - entity: invoice
            id: invoice_id
            fields:
              issued_on: { path: issued_on, transform: [{ date: "yyyy-MM-dd {" }] }
              status: { path: status, transform: [{ enum: { open: OPEN, closed: CLOSED } }] }
              amount_due: { value: lots }
              paid_at: { path: paid_at, concat: [a, b] }
              currency: { path: currency, transform: [{ phone: { region: ZZ } }] }
              amount_paid: { path: amount_paid_cents, transform: [{ date: yyyy, timestamp: iso }] }
        """);
    assertEquals(List.of(7, 8, 9, 10, 11, 12), problems.stream().map(Problem::line).toList(), problems.toString());
    assertMentions(problems.get(0), "yyyy-MM-dd {");
    assertMentions(problems.get(1), "[CLOSED]", "invoice.status");
    assertMentions(problems.get(2), "'lots'", "invoice.amount_due", "decimal");
    assertMentions(problems.get(3), "exactly one of path, concat or value");
    assertMentions(problems.get(4), "ZZ");
    assertMentions(problems.get(5), "exactly one of");
  }

  @Test
  void wrongValueTypeIsASchemaProblemShowingTheValue() {
    Problem problem = onlyProblem("""
        system: billing
        stream: invoices
        entities:
          - entity: invoice
            id: invoice_id
            fields:
              invoice_id: invoice_id
              amount_due: { path: amount_due_cents, transform: [{ split: { separator: ",", index: first } }] }
        """);
    assertEquals(8, problem.line());
    assertMentions(problem, "'first'", "integer");
  }

  @Test
  void validMappingCompiles() {
    Mapping mapping = LOADER.parse(FILE, """
        system: billing
        stream: invoices
        entities:
          - entity: invoice
            id: invoice_id
            fields:
              invoice_id: invoice_id
              status: { path: status, transform: [{ enum: { open: OPEN }, default: DRAFT }] }
        """);
    assertEquals("billing", mapping.system());
    assertEquals(List.of("invoice"), mapping.entities());
  }
}
