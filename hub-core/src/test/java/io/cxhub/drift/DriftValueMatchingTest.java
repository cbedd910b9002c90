package io.cxhub.drift;

import static io.cxhub.drift.Payloads.changed;
import static io.cxhub.drift.Payloads.detect;
import static io.cxhub.drift.Payloads.learn;
import static io.cxhub.drift.Payloads.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rename, split and merge are recognised from the values, and only then. */
class DriftValueMatchingTest {

  private final Baseline customers = learn("billing", "customers", records(0, 300, Payloads::billingCustomer));

  @Test
  void salesforceCustomFieldReplacingPhoneIsARename() {
    Baseline contacts = learn("salesforce", "Contact", records(0, 300, Payloads::salesforceContact));
    // a full resync after an admin moved phones into Phone__c: the same contacts, the field renamed
    List<Drift> drifts = detect(contacts, changed(records(0, 300, Payloads::salesforceContact),
        contact -> rename(contact, "Phone", "Phone__c")));
    assertEquals(1, drifts.size(), drifts.toString());
    Drift drift = drifts.get(0);
    assertEquals(DriftKind.RENAMED, drift.kind());
    assertEquals(List.of("Phone"), drift.oldFields());
    assertEquals(List.of("Phone__c"), drift.newFields());
    assertEquals(1.0, drift.evidence().matchShare());
  }

  @Test
  void renameIsFoundWhenOnlyPartOfTheWindowRevisitsKnownRecords() {
    // an incremental read: 200 updated known customers and 100 new ones
    List<Drift> drifts = detect(customers, changed(records(100, 400, Payloads::billingCustomer),
        row -> rename(row, "email", "email_address")));
    assertEquals(List.of(DriftKind.RENAMED), drifts.stream().map(Drift::kind).toList(), drifts.toString());
  }

  @Test
  void addressSplitIntoStreetAndHouseNumberIsASplit() {
    List<Drift> drifts = detect(customers, changed(records(0, 300, Payloads::billingCustomer), row -> {
      row.remove("address");
      int i = Integer.parseInt(row.get("customer_id").asText().substring(4));
      row.put("street", Payloads.street(i));
      row.put("house_number", Payloads.houseNumber(i));
      return row;
    }));
    assertEquals(1, drifts.size(), drifts.toString());
    Drift drift = drifts.get(0);
    assertEquals(DriftKind.SPLIT, drift.kind());
    assertEquals(List.of("address"), drift.oldFields());
    assertEquals(List.of("street", "house_number"), drift.newFields());
    assertEquals(" ", drift.evidence().separator());
  }

  @Test
  void partsInTheOtherOrderAreFoundInThatOrder() {
    Baseline stripe = learn("stripe", "customers", records(0, 300, Payloads::stripeCustomer));
    List<Drift> drifts = detect(stripe, changed(records(0, 300, Payloads::stripeCustomer), customer -> {
      ObjectNode address = (ObjectNode) customer.get("address");
      String[] line1 = address.remove("line1").asText().split(" ", 2);
      address.put("street_number", line1[0]).put("street_name", line1[1]);
      return customer;
    }));
    assertEquals(1, drifts.size(), drifts.toString());
    assertEquals(DriftKind.SPLIT, drifts.get(0).kind());
    assertEquals(List.of("address.line1"), drifts.get(0).oldFields());
    assertEquals(List.of("address.street_number", "address.street_name"), drifts.get(0).newFields());
  }

  @Test
  void aSplitThatBeganInTheMiddleOfTheWindowIsTheSplitAlready() {
    // the source switched after its first 50 records of the window: the rest come split
    Baseline stripe = learn("stripe", "customers", records(0, 300, Payloads::stripeCustomer));
    List<ObjectNode> window = records(0, 50, Payloads::stripeCustomer);
    window.addAll(changed(records(50, 250, Payloads::stripeCustomer), customer -> {
      ObjectNode address = (ObjectNode) customer.get("address");
      String[] line1 = address.remove("line1").asText().split(" ", 2);
      address.put("street_number", line1[0]).put("street_name", line1[1]);
      return customer;
    }));
    List<Drift> drifts = detect(stripe, window);
    assertEquals(List.of(DriftKind.SPLIT), drifts.stream().map(Drift::kind).toList(),
        "not a nullability change and two added fields: " + drifts);
    assertEquals(List.of("address.line1"), drifts.get(0).oldFields());
    assertEquals(200, drifts.get(0).evidence().occurrences());
  }

  @Test
  void aRenameThatBeganInTheMiddleOfTheWindowIsTheRenameAlready() {
    List<ObjectNode> window = records(0, 100, Payloads::billingCustomer);
    window.addAll(changed(records(100, 300, Payloads::billingCustomer), row -> rename(row, "email", "email_address")));
    List<Drift> drifts = detect(customers, window);
    assertEquals(List.of(DriftKind.RENAMED), drifts.stream().map(Drift::kind).toList(), drifts.toString());
  }

  @Test
  void aFieldAbsentFromPartOfTheWindowWithoutAnotherTakingItsValuesStaysANullabilityChange() {
    List<ObjectNode> window = records(0, 100, Payloads::billingCustomer);
    window.addAll(changed(records(100, 300, Payloads::billingCustomer), row -> {
      row.remove("email");
      return row.put("newsletter", "weekly");
    }));
    List<Drift> drifts = detect(customers, window);
    assertEquals(List.of(DriftKind.NULLABILITY_CHANGED, DriftKind.FIELD_ADDED), drifts.stream().map(Drift::kind)
        .toList(), drifts.toString());
  }

  @Test
  void firstAndLastNameJoinedIntoOneFieldIsAMerge() {
    List<Drift> drifts = detect(customers, changed(records(0, 300, Payloads::billingCustomer), row -> {
      String name = row.remove("first_name").asText() + " " + row.remove("last_name").asText();
      row.put("full_name", name);
      return row;
    }));
    assertEquals(1, drifts.size(), drifts.toString());
    Drift drift = drifts.get(0);
    assertEquals(DriftKind.MERGED, drift.kind());
    assertEquals(List.of("first_name", "last_name"), drift.oldFields());
    assertEquals(List.of("full_name"), drift.newFields());
    assertEquals(" ", drift.evidence().separator());
  }

  @Test
  void unrelatedFieldsAddedAndRemovedAreNoRename() {
    List<Drift> drifts = detect(customers, changed(records(0, 300, Payloads::billingCustomer), row -> {
      row.remove("fax");
      row.remove("is_active");
      int i = Integer.parseInt(row.get("customer_id").asText().substring(4));
      row.put("twitter_handle", "@" + Payloads.first(i).toLowerCase() + i);
      row.put("has_consent", i % 4 != 0);
      return row;
    }));
    assertEquals(List.of(DriftKind.FIELD_REMOVED, DriftKind.FIELD_REMOVED, DriftKind.FIELD_ADDED, DriftKind.FIELD_ADDED),
        drifts.stream().map(Drift::kind).toList(), drifts.toString());
  }

  @Test
  void newCustomersWithARenamedFieldCannotBeMatchedAndStayAddedAndRemoved() {
    // no known record comes back, so no value can match: the engine says so plainly instead of guessing
    List<Drift> drifts = detect(customers, changed(records(1000, 1300, Payloads::billingCustomer),
        row -> rename(row, "fax", "fax_number")));
    assertEquals(List.of(DriftKind.FIELD_REMOVED, DriftKind.FIELD_ADDED), drifts.stream().map(Drift::kind).toList());
  }

  @Test
  void sampledLargeWindowKeyedBySourceIdStillFindsTheRenameAndEstimatesTheCount() {
    SchemaObserver observer = SchemaObserver.against(customers, Payloads.SETTINGS, Payloads.CLOCK);
    for (ObjectNode row : changed(records(0, 8000, Payloads::billingCustomer), row -> rename(row, "email", "e_mail"))) {
      observer.observe(row.get("customer_id").asText(), row);
    }
    StreamProfile window = observer.rotate();
    assertEquals(8000, window.seen());
    assertTrue(window.records() < 1500, "most records are not walked: " + window.records());
    List<Drift> drifts = new DriftDetector(Payloads.SETTINGS).detect(customers, window);
    assertEquals(List.of(DriftKind.RENAMED), drifts.stream().map(Drift::kind).toList(), drifts.toString());
    assertEquals(8000, drifts.get(0).evidence().occurrences(), 400, "estimated from the sample");
  }

  private static ObjectNode rename(ObjectNode record, String from, String to) {
    JsonNode value = record.remove(from);
    record.set(to, value);
    return record;
  }
}
