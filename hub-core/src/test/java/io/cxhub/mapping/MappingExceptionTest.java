package io.cxhub.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.taxonomy.Taxonomy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A record that cannot be mapped fails with everything an operator needs to fix it, and no PII. */
class MappingExceptionTest {

  private static MappingRegistry registry;

  @BeforeAll
  static void load() {
    registry = MappingRegistry.load(BillingMappingsTest.SHIPPED_MAPPINGS, new MappingLoader(Taxonomy.loadDefault()));
  }

  private static MappingException failure(String stream, String json) {
    Mapping mapping = registry.find("billing", stream).orElseThrow();
    return assertThrows(MappingException.class, () -> mapping.map(BillingMappingsTest.record(stream, "rec-7", json)));
  }

  private static final String INVOICE = """
      {"invoice_id": "in_1", "customer_id": "cus_1", "number": "N1", "amount_due_cents": 500,
       "amount_paid_cents": 0, "currency": "usd", "status": "open", "issued_on": "2024-05-01",
       "due_date": "2024-05-31", "paid_at": null, "updated_at": "2024-05-01T12:00:00Z"}
      """;

  @Test
  void unparseableDateNamesFieldPathValueAndFormat() {
    MappingException e = failure("invoices", INVOICE.replace("2024-05-31", "31/05/2024"));
    assertEquals("billing", e.system());
    assertEquals("invoices", e.stream());
    assertEquals("rec-7", e.sourceId());
    assertEquals("invoice.due_on", e.field());
    assertEquals("payload path 'due_date'", e.source());
    assertEquals("'31/05/2024'", e.shownValue());
    assertEquals("expected a date in format yyyy-MM-dd", e.expected());
    assertEquals("billing/invoices record rec-7: invoice.due_on from payload path 'due_date': invalid value "
        + "'31/05/2024': expected a date in format yyyy-MM-dd", e.getMessage());
  }

  @Test
  void unknownEnumValueListsTheKnownOnes() {
    MappingException e = failure("invoices", INVOICE.replace("\"open\"", "\"disputed\""));
    assertEquals("invoice.status", e.field());
    assertEquals("'disputed'", e.shownValue());
    assertTrue(e.expected().contains("[draft, open, paid, uncollectible, void]"), e.expected());
  }

  @Test
  void missingRequiredValueSaysSo() {
    MappingException e = failure("invoices", INVOICE.replace("\"amount_due_cents\": 500", "\"amount_due_cents\": null"));
    assertEquals("invoice.amount_due", e.field());
    assertNull(e.shownValue());
    assertTrue(e.getMessage().contains("no value"), e.getMessage());
    assertTrue(e.expected().contains("required"), e.expected());
  }

  @Test
  void wrongJsonTypeIsNamed() {
    MappingException e = failure("invoices", INVOICE.replace("500", "\"5.00\""));
    assertEquals("invoice.amount_due", e.field());
    assertEquals("'5.00'", e.shownValue());
    assertTrue(e.expected().contains("whole number of cents, found a string"), e.expected());
  }

  @Test
  void missingEntityIdIsNamed() {
    MappingException e = failure("invoices", INVOICE.replace("\"invoice_id\": \"in_1\",", ""));
    assertEquals("invoice.id", e.field());
    assertEquals("payload path 'invoice_id'", e.source());
  }

  @Test
  void invalidEmailIsMaskedBecauseTheFieldIsPii() {
    MappingException e = failure("customers", """
        {"customer_id": "cus_1", "email": "jane.doe(at)example.com", "phone": null}
        """);
    assertEquals("party.email", e.field());
    assertEquals("<pii masked, 23 chars>", e.shownValue());
    assertFalse(e.getMessage().contains("jane"), e.getMessage());
    assertTrue(e.expected().contains("e-mail address"), e.expected());
  }

  @Test
  void invalidPhoneIsMaskedToo() {
    MappingException e = failure("customers", """
        {"customer_id": "cus_1", "phone": "555-01"}
        """);
    assertEquals("party.phone", e.field());
    assertFalse(e.getMessage().contains("555-01"), e.getMessage());
  }
}
