package io.cxhub.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.taxonomy.Taxonomy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped billing mappings (repo root mappings/billing) against realistic billing rows. */
class BillingMappingsTest {

  /** Surefire runs in hub-core/, the shipped mappings live at the repository root. */
  static final Path SHIPPED_MAPPINGS = Path.of("..", "mappings");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static MappingRegistry registry;

  @BeforeAll
  static void loadShippedMappings() {
    registry = MappingRegistry.load(SHIPPED_MAPPINGS, new MappingLoader(Taxonomy.loadDefault()));
  }

  static RawRecord record(String stream, String sourceId, String json) throws Exception {
    return RawRecord.pushed("billing", stream, sourceId, JSON.readTree(json));
  }

  private static EntityRecord mapOne(String stream, String json) throws Exception {
    MappedRecord mapped = registry.find("billing", stream).orElseThrow().map(record(stream, "row", json));
    assertEquals(1, mapped.entities().size());
    return mapped.entities().get(0);
  }

  @Test
  void allThreeShippedMappingsLoadClean() {
    assertEquals(3, registry.all().stream().filter(m -> m.system().equals("billing")).count());
    assertTrue(registry.find("billing", "customers").isPresent());
    assertTrue(registry.find("billing", "invoices").isPresent());
    assertTrue(registry.find("billing", "payments").isPresent());
    assertTrue(registry.find("billing", "refunds").isEmpty());
  }

  @Test
  void messyCustomerBecomesANormalizedParty() throws Exception {
    EntityRecord party = mapOne("customers", """
        {"customer_id": "cus_000123", "email": "  Jane.Doe@Example.COM ", "first_name": "Jane", "last_name": "Doe ",
         "phone": "(415) 555-0100", "country": "us", "created_at": "2023-01-15T09:30:00+01:00",
         "updated_at": "2024-05-01T12:00:00Z"}
        """);
    assertEquals("party", party.entity());
    assertEquals("cus_000123", party.sourceId());
    assertEquals("jane.doe@example.com", party.fields().get("email"));
    assertEquals("+14155550100", party.fields().get("phone"));
    assertEquals("Jane Doe", party.fields().get("display_name"));
    assertEquals("Doe", party.fields().get("last_name"));
    assertEquals("US", party.fields().get("country"));
    assertEquals(Instant.parse("2023-01-15T08:30:00Z"), party.fields().get("created_at"));
    assertEquals(List.of(new IdentityKey("billing_customer_id", "cus_000123"),
        new IdentityKey("email", "jane.doe@example.com"), new IdentityKey("phone", "+14155550100")), party.keys());
  }

  @Test
  void phoneFormatsFromTheBillingDatabaseAllReachE164() throws Exception {
    for (String phone : List.of("(415) 555-0100", "+1 415 555 0100", "415.555.0100", "415-555-0100")) {
      EntityRecord party = mapOne("customers", "{\"customer_id\": \"cus_1\", \"phone\": \"" + phone + "\"}");
      assertEquals("+14155550100", party.fields().get("phone"), phone);
    }
  }

  @Test
  void absentContactDetailsAreSimplyNotKeys() throws Exception {
    EntityRecord party = mapOne("customers", """
        {"customer_id": "cus_000124", "email": null, "phone": null, "first_name": "Sam", "last_name": null,
         "country": "GB", "created_at": "2023-01-15T09:30:00Z", "updated_at": "2023-01-15T09:30:00Z"}
        """);
    assertFalse(party.fields().containsKey("email"));
    assertFalse(party.fields().containsKey("phone"));
    assertEquals("Sam", party.fields().get("display_name"));
    assertEquals(List.of(new IdentityKey("billing_customer_id", "cus_000124")), party.keys());
  }

  @Test
  void invoiceCentsBecomeDecimalsAndCodesBecomeTaxonomyValues() throws Exception {
    EntityRecord invoice = mapOne("invoices", """
        {"invoice_id": "in_1OaB2c", "customer_id": "cus_000123", "number": "INV-2024-0042",
         "amount_due_cents": 129900, "amount_paid_cents": 0, "currency": "usd", "status": "open",
         "issued_on": "2024-05-01", "due_date": "2024-05-31", "paid_at": null,
         "updated_at": "2024-05-01T12:00:00-07:00"}
        """);
    assertEquals("in_1OaB2c", invoice.sourceId());
    assertEquals(new BigDecimal("1299.00"), invoice.fields().get("amount_due"));
    assertEquals(new BigDecimal("0.00"), invoice.fields().get("amount_paid"));
    assertEquals("USD", invoice.fields().get("currency"));
    assertEquals("OPEN", invoice.fields().get("status"));
    assertEquals(LocalDate.of(2024, 5, 31), invoice.fields().get("due_on"));
    assertNull(invoice.fields().get("paid_at"));
    assertEquals(Instant.parse("2024-05-01T19:00:00Z"), invoice.fields().get("updated_at"));
    assertEquals(List.of(new IdentityKey("billing_customer_id", "cus_000123")), invoice.keys());
  }

  @Test
  void paymentMapsMethodStatusAndAmount() throws Exception {
    EntityRecord payment = mapOne("payments", """
        {"payment_id": "py_9", "invoice_id": "in_1OaB2c", "customer_id": "cus_000123", "amount_cents": 129900,
         "currency": "usd", "method": "ach", "status": "succeeded", "paid_at": "2024-05-20T08:00:00Z",
         "updated_at": "2024-05-20T08:00:01Z"}
        """);
    assertEquals(Map.of("payment_id", "py_9", "invoice_id", "in_1OaB2c", "billing_customer_id", "cus_000123",
        "amount", new BigDecimal("1299.00"), "currency", "USD", "method", "ACH", "status", "SUCCEEDED",
        "paid_at", Instant.parse("2024-05-20T08:00:00Z"), "updated_at", Instant.parse("2024-05-20T08:00:01Z")),
        payment.fields());
  }

  @Test
  void lineageNamesThePathsEachFieldReads() {
    Mapping customers = registry.find("billing", "customers").orElseThrow();
    assertEquals(Set.of("customer_id", "email", "phone", "first_name", "last_name", "country", "created_at",
        "updated_at"), customers.sourcePaths());
    FieldLineage displayName = customers.lineage().stream()
        .filter(field -> field.field().equals("display_name")).findFirst().orElseThrow();
    assertEquals(List.of("first_name", "last_name"), displayName.paths());
    assertEquals(Set.of("party.first_name", "party.display_name"), customers.fieldsReading("first_name"));
    assertTrue(customers.fieldsReading("middle_name").isEmpty());
    assertEquals(Set.of("party.phone", "party.country"), customers.fieldsReading("country"),
        "the phone is read in the customer's country (region_from), so a drift of country affects it");
  }

  @Test
  void recordOfAnotherStreamIsRefused() throws Exception {
    Mapping invoices = registry.find("billing", "invoices").orElseThrow();
    RawRecord payment = record("payments", "py_1", "{}");
    assertThrows(IllegalArgumentException.class, () -> invoices.map(payment));
  }
}
