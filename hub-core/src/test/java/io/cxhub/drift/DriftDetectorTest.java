package io.cxhub.drift;

import static io.cxhub.drift.Payloads.billingCustomer;
import static io.cxhub.drift.Payloads.changed;
import static io.cxhub.drift.Payloads.detect;
import static io.cxhub.drift.Payloads.learn;
import static io.cxhub.drift.Payloads.ofKind;
import static io.cxhub.drift.Payloads.records;
import static io.cxhub.drift.Payloads.stripeCustomer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxhub.spi.connector.FieldSpec;
import io.cxhub.spi.connector.StreamSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftDetectorTest {

  private final Baseline customers = learn("billing", "customers", records(0, 200, Payloads::billingCustomer));

  @Test
  void aStableStreamWithOtherCustomersHasNoDrift() {
    assertEquals(List.of(), detect(customers, records(200, 1200, Payloads::billingCustomer)));
  }

  @Test
  void baselineLearnsTypesFormatsAndEnums() {
    FieldExpectation signup = customers.fields().get("signup_date");
    assertEquals(ValueFormat.ISO_DATE, signup.format());
    assertEquals(ValueFormat.EMAIL, customers.fields().get("email").format());
    assertEquals(ValueFormat.PHONE, customers.fields().get("phone").format());
    assertEquals(ValueFormat.ISO_DATE_TIME, customers.fields().get("created_at").format());
    assertEquals(3, customers.fields().get("status").enumValues().size());
    assertEquals(null, customers.fields().get("email").enumValues(), "high cardinality is no enum");
    assertEquals(1, customers.version());
    assertEquals(Baseline.Origin.LEARNED, customers.origin());
  }

  @Test
  void newFieldIsAdded() {
    List<Drift> drifts = detect(customers, changed(records(200, 300, Payloads::billingCustomer),
        row -> row.put("loyalty_tier", "gold")));
    assertEquals(1, drifts.size(), drifts.toString());
    Drift added = drifts.get(0);
    assertEquals(DriftKind.FIELD_ADDED, added.kind());
    assertEquals(List.of("loyalty_tier"), added.newFields());
    assertEquals(100, added.evidence().occurrences());
  }

  @Test
  void fieldGoneFromEnoughRecordsIsRemoved() {
    List<Drift> drifts = detect(customers, changed(records(200, 300, Payloads::billingCustomer),
        row -> { row.remove("balance_cents"); return row; }));
    assertEquals(1, drifts.size(), drifts.toString());
    assertEquals(DriftKind.FIELD_REMOVED, drifts.get(0).kind());
    assertEquals(List.of("balance_cents"), drifts.get(0).oldFields());
    assertEquals(100, drifts.get(0).evidence().occurrences());
  }

  @Test
  void oneRecordWithoutAFieldOrATinyWindowIsNoRemoval() {
    List<ObjectNode> window = records(200, 300, Payloads::billingCustomer);
    window.get(17).remove("phone");
    assertEquals(List.of(), detect(customers, window));
    List<ObjectNode> tiny = changed(records(200, 210, Payloads::billingCustomer), row -> { row.remove("phone"); return row; });
    assertEquals(List.of(), detect(customers, tiny), "10 records are too few to call a field removed");
  }

  @Test
  void numberBecomingTextIsATypeChange() {
    List<Drift> drifts = detect(customers, changed(records(200, 300, Payloads::billingCustomer),
        row -> row.put("balance_cents", "n/a")));
    assertEquals(1, drifts.size(), drifts.toString());
    assertEquals(DriftKind.TYPE_CHANGED, drifts.get(0).kind());
    assertTrue(drifts.get(0).evidence().before().startsWith("integer"), drifts.get(0).evidence().before());
    assertTrue(drifts.get(0).evidence().after().startsWith("string"), drifts.get(0).evidence().after());
  }

  @Test
  void centsBecomingADecimalStringIsAFormatChangeWithTheTransformThatReadsIt() {
    List<Drift> drifts = detect(customers, changed(records(200, 300, Payloads::billingCustomer),
        row -> row.put("balance_cents", java.math.BigDecimal.valueOf(row.path("balance_cents").asLong(), 2)
            .toPlainString())));
    assertEquals(1, drifts.size(), drifts.toString());
    Drift drift = drifts.get(0);
    assertEquals(DriftKind.FORMAT_CHANGED, drift.kind());
    assertEquals(ValueFormat.NONE, drift.evidence().formatBefore());
    assertEquals(ValueFormat.NUMBER_STRING, drift.evidence().formatAfter());
    assertTrue(drift.evidence().before().startsWith("integer"), drift.evidence().before());
  }

  @Test
  void objectBecomingArrayIsOneTypeChangeNotAStormOfAddedAndRemovedChildren() {
    Baseline stripe = learn("stripe", "customers", records(0, 200, Payloads::stripeCustomer));
    List<Drift> drifts = detect(stripe, changed(records(200, 300, Payloads::stripeCustomer), customer -> {
      ObjectNode address = (ObjectNode) customer.remove("address");
      customer.putArray("address").add(address);
      return customer;
    }));
    assertEquals(1, drifts.size(), drifts.toString());
    assertEquals(DriftKind.TYPE_CHANGED, drifts.get(0).kind());
    assertEquals(List.of("address"), drifts.get(0).oldFields());
  }

  @Test
  void stripeShapedPayloadIsObservedWithNestedAndArrayPaths() {
    Baseline stripe = learn("stripe", "customers", records(0, 200, Payloads::stripeCustomer));
    assertTrue(stripe.fields().containsKey("address.line1"));
    assertTrue(stripe.fields().containsKey("tax_ids[].value"));
    assertTrue(stripe.fields().containsKey("metadata.crm_id"));
    assertEquals(ValueFormat.EPOCH_SECONDS, stripe.fields().get("created").format());
    assertEquals(List.of(), detect(stripe, records(200, 600, Payloads::stripeCustomer)));
  }

  @Test
  void fieldThatStartsBeingNullChangedNullability() {
    List<Drift> drifts = detect(customers, changed(records(200, 300, Payloads::billingCustomer),
        row -> row.get("customer_id").asText().endsWith("0") || row.get("customer_id").asText().endsWith("5")
            ? row.putNull("email") : row));
    assertEquals(1, drifts.size(), drifts.toString());
    assertEquals(DriftKind.NULLABILITY_CHANGED, drifts.get(0).kind());
    assertEquals(20, drifts.get(0).evidence().occurrences());
  }

  @Test
  void isoDateBecomingEpochSecondsIsAFormatChangeNotAlsoATypeChange() {
    List<Drift> drifts = detect(customers, changed(records(200, 300, Payloads::billingCustomer),
        row -> row.put("signup_date", java.time.LocalDate.parse(row.get("signup_date").asText())
            .atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond())));
    assertEquals(1, drifts.size(), drifts.toString());
    Drift drift = drifts.get(0);
    assertEquals(DriftKind.FORMAT_CHANGED, drift.kind());
    assertEquals(ValueFormat.ISO_DATE, drift.evidence().formatBefore());
    assertEquals(ValueFormat.EPOCH_SECONDS, drift.evidence().formatAfter());
    assertTrue(drift.evidence().examplesAfter().get(0).matches("#{10}"), drift.evidence().examplesAfter().toString());
  }

  @Test
  void newValueOfALowCardinalityFieldIsAnEnumValueAdded() {
    List<ObjectNode> window = records(200, 300, Payloads::billingCustomer);
    window.get(3).put("status", "paused");
    window.get(9).put("status", "paused");
    List<Drift> drifts = detect(customers, window);
    assertEquals(1, drifts.size(), drifts.toString());
    assertEquals(DriftKind.ENUM_VALUE_ADDED, drifts.get(0).kind());
    assertEquals(List.of("p*****"), drifts.get(0).evidence().newValues(), "masked by default");
    assertEquals(2, drifts.get(0).evidence().occurrences());
  }

  @Test
  void codesAreShownWhenTheStreamAllowsIt() {
    DriftSettings reveal = DriftSettings.defaults().withRevealEnumCodes(true);
    SchemaObserver learning = SchemaObserver.learning("billing", "customers", reveal, Payloads.CLOCK);
    records(0, 200, Payloads::billingCustomer).forEach(learning::observe);
    Baseline baseline = Baseline.learned(learning.rotate(), reveal, Payloads.NOW);
    SchemaObserver observer = SchemaObserver.against(baseline, reveal, Payloads.CLOCK);
    changed(records(200, 300, Payloads::billingCustomer), row -> row.put("status", "paused")).forEach(observer::observe);
    Drift drift = ofKind(new DriftDetector(reveal).detect(baseline, observer.rotate()), DriftKind.ENUM_VALUE_ADDED).get(0);
    assertEquals(List.of("paused"), drift.evidence().newValues());
  }

  @Test
  void declaredBaselineReportsMissingRequiredFieldsAndUndeclaredOnes() {
    StreamSpec spec = new StreamSpec("customers", "billing customers", "customer_id", "updated_at", List.of(
        FieldSpec.of("customer_id", "string").notNull(),
        FieldSpec.of("email", "string", "email"),
        FieldSpec.of("signup_date", "string", "date").notNull(),
        FieldSpec.of("address.city", "string")));
    Baseline declared = Baseline.declared("billing", spec, Payloads.NOW);
    assertTrue(declared.fields().containsKey("address"), "implied parent");
    List<ObjectNode> rows = records(0, 100, i -> {
      ObjectNode row = Payloads.JSON.createObjectNode();
      row.put("customer_id", "cus_" + i).put("email", Payloads.email(i)).put("vip", i % 2 == 0);
      row.putObject("address").put("city", "Berlin");
      return row;
    });
    List<Drift> drifts = detect(declared, rows);
    assertEquals(1, ofKind(drifts, DriftKind.FIELD_REMOVED).size(), drifts.toString());
    assertEquals(List.of("signup_date"), ofKind(drifts, DriftKind.FIELD_REMOVED).get(0).oldFields());
    assertEquals(List.of("vip"), ofKind(drifts, DriftKind.FIELD_ADDED).get(0).newFields());
    assertEquals(2, drifts.size(), drifts.toString());
  }

  @Test
  void aRefinedDeclaredBaselineTakesTheUndeclaredFieldsOfTheFirstRecordsAsNormal() {
    StreamSpec spec = new StreamSpec("customers", "billing customers", "customer_id", "updated_at", List.of(
        FieldSpec.of("customer_id", "string").notNull(), FieldSpec.of("email", "string", "email")));
    Baseline declared = Baseline.declared("billing", spec, Payloads.NOW);
    Baseline refined = declared.refine(Payloads.window(declared, records(0, 300, Payloads::billingCustomer)),
        Payloads.SETTINGS);
    assertTrue(refined.fields().containsKey("signup_date"), refined.fields().keySet().toString());
    assertTrue(refined.fields().get("customer_id").declared());
    assertEquals(List.of(), detect(refined, records(300, 600, Payloads::billingCustomer)));
    assertEquals(List.of("vip"), ofKind(detect(refined, changed(records(600, 900, Payloads::billingCustomer),
        row -> row.put("vip", true))), DriftKind.FIELD_ADDED).get(0).newFields());
  }

  @Test
  void datesOfASmallSampleAreNotAnEnumSoANewDateIsNoDrift() {
    // 300 invoices due on one of 10 days: low cardinality, but dates, not codes
    Baseline invoices = learn("billing", "invoices", records(0, 300, i -> Payloads.JSON.createObjectNode()
        .put("invoice_id", "in_" + i).put("due_date", "2026-01-" + String.format("%02d", 10 + i % 10))));
    assertEquals(null, invoices.fields().get("due_date").enumValues());
    assertEquals(List.of(), detect(invoices, records(300, 600, i -> Payloads.JSON.createObjectNode()
        .put("invoice_id", "in_" + i).put("due_date", "2026-02-" + String.format("%02d", 10 + i % 10)))));
  }

  @Test
  void aFieldMixingFormatsDoesNotFlapWhenTheMixShifts() {
    // array elements of two kinds: 85 % phone numbers in the baseline, 75 % in the window
    Baseline calls = learn("genesys", "conversations", records(0, 400, i -> mixedAni(i, 85)));
    assertEquals(List.of(), detect(calls, records(400, 800, i -> mixedAni(i, 75))));
    assertEquals(1, ofKind(detect(calls, records(800, 1200, i -> mixedAni(i, 5))), DriftKind.FORMAT_CHANGED).size());
  }

  private static ObjectNode mixedAni(int i, int phonePercent) {
    ObjectNode row = Payloads.JSON.createObjectNode().put("conversationId", "c-" + i);
    row.put("ani", i % 100 < phonePercent ? String.format("+1415555%04d", i % 10_000) : "sip:agent" + (i % 7) + "@acme");
    return row;
  }

  @Test
  void theFewAddressesOfOutboundMailAreNoEnum() {
    java.util.function.IntFunction<ObjectNode> mail = i -> Payloads.JSON.createObjectNode()
        .put("id", "msg-" + i).put("addressFrom", i % 2 == 0 ? "support@example.com" : "billing@example.com");
    Baseline mails = learn("ccaas", "emails", records(0, 200, mail));
    assertEquals(null, mails.fields().get("addressFrom").enumValues());
    assertEquals(List.of(), detect(mails, changed(records(200, 300, mail),
        row -> row.put("addressFrom", "renewals@example.com"))));
  }

  @Test
  void whereTheFirstRecordsContradictTheDeclaredFormatTheyWin() {
    // the connector declares phones; the source sends tel: URIs, which are no phone format
    StreamSpec spec = new StreamSpec("conversations", "calls", "id", null, List.of(
        FieldSpec.of("id", "string").notNull(),
        FieldSpec.of("ani", "string", "phone"),
        FieldSpec.of("started", "string", "date-time")));
    java.util.function.IntFunction<ObjectNode> call = i -> Payloads.JSON.createObjectNode().put("id", "c-" + i)
        .put("ani", "tel:+1415555" + String.format("%04d", i)).put("started", "2026-01-05T10:00:00Z");
    Baseline declared = Baseline.declared("ccaas", spec, Payloads.NOW);
    Baseline refined = declared.refine(Payloads.window(declared, records(0, 200, call)), Payloads.SETTINGS);
    assertEquals(ValueFormat.NONE, refined.fields().get("ani").format());
    assertEquals(ValueFormat.ISO_DATE_TIME, refined.fields().get("started").format(), "where they agree, it stays");
    assertEquals(List.of(), detect(refined, records(200, 300, call)), "the same calls are no drift");
  }

  @Test
  void refinedAndAcceptedBaselinesKeepTheSaltAndCountVersions() {
    Baseline next = customers.accept(Payloads.window(customers, changed(records(200, 400, Payloads::billingCustomer),
        row -> row.put("loyalty_tier", "gold"))), Payloads.SETTINGS, Payloads.NOW);
    assertEquals(2, next.version());
    assertEquals(Baseline.Origin.ACCEPTED, next.origin());
    assertEquals(customers.salt(), next.salt());
    assertEquals(List.of(), detect(next, changed(records(400, 500, Payloads::billingCustomer),
        row -> row.put("loyalty_tier", "gold"))));
  }

  @Test
  void windowOfAnotherStreamIsRefused() {
    Baseline other = learn("billing", "invoices", records(0, 10, Payloads::billingCustomer));
    StreamProfile window = Payloads.window(other, records(0, 10, Payloads::billingCustomer));
    assertThrows(IllegalArgumentException.class, () -> new DriftDetector(Payloads.SETTINGS).detect(customers, window));
  }
}
