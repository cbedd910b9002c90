package io.cxhub.drift;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/** Payloads shaped like real source APIs, and helpers to learn a baseline and observe a window. */
final class Payloads {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final DriftSettings SETTINGS = DriftSettings.defaults();

  private static final String[] FIRST = {"Jane", "John", "Maria", "Wei", "Aisha", "Lukas", "Sofia", "Omar", "Emma", "Raj",
      "Chloé", "Kenji", "Fatima", "Noah", "Ingrid"};
  private static final String[] LAST = {"Doe", "Smith", "Garcia", "Chen", "Khan", "Müller", "Rossi", "Haddad", "Brown",
      "Patel", "Nakamura", "Okafor", "Larsen"};
  static final String[] STREETS = {"Main St", "Oak Avenue", "Baker Street", "Hauptstraße", "Elm Road", "Rue de Rivoli",
      "Market Street"};
  private static final String[] COUNTRIES = {"US", "GB", "DE"};
  private static final String[] STATUS = {"active", "active", "active", "past_due", "canceled"};

  private Payloads() {}

  static String first(int i) {
    return FIRST[i % FIRST.length];
  }

  static String last(int i) {
    return LAST[(i / 3) % LAST.length];
  }

  static String email(int i) {
    return (first(i) + "." + last(i) + i + "@example.com").toLowerCase().replace("é", "e").replace("ü", "u");
  }

  static String phone(int i) {
    return String.format("(415) 555-%04d", i % 10_000);
  }

  static String street(int i) {
    return STREETS[i % STREETS.length];
  }

  static int houseNumber(int i) {
    return 1 + (i * 7) % 397;
  }

  /** A row of the billing database's customers table, as the JDBC connector emits it. */
  static ObjectNode billingCustomer(int i) {
    ObjectNode row = JSON.createObjectNode();
    row.put("customer_id", String.format("cus_%06d", i));
    row.put("email", email(i));
    row.put("first_name", first(i));
    row.put("last_name", last(i));
    row.put("phone", phone(i));
    row.put("country", COUNTRIES[i % COUNTRIES.length]);
    row.put("address", street(i) + " " + houseNumber(i));
    row.put("status", STATUS[i % STATUS.length]);
    row.put("signup_date", LocalDate.of(2023, 1, 1).plusDays(i % 700).toString());
    row.put("created_at", Instant.parse("2023-01-01T08:00:00Z").plusSeconds(i * 3_631L).toString());
    row.put("balance_cents", (i * 7_919L) % 250_000);
    row.put("fax", String.format("+1 212 555 %04d", (i * 13) % 10_000));
    row.put("is_active", i % 4 != 0);
    return row;
  }

  /** A Stripe-like customer object. */
  static ObjectNode stripeCustomer(int i) {
    ObjectNode customer = JSON.createObjectNode();
    customer.put("id", String.format("cus_N%07dxQ", i));
    customer.put("object", "customer");
    customer.put("email", email(i));
    customer.put("name", first(i) + " " + last(i));
    customer.put("phone", String.format("+1415555%04d", i % 10_000));
    customer.put("created", 1_680_000_000L + i * 977L);
    customer.put("currency", "usd");
    customer.put("delinquent", i % 9 == 0);
    customer.put("livemode", false);
    ObjectNode address = customer.putObject("address");
    address.put("line1", houseNumber(i) + " " + street(i));
    address.putNull("line2");
    address.put("city", i % 2 == 0 ? "San Francisco" : "Oakland");
    address.put("postal_code", String.format("94%03d", i % 200));
    address.put("country", "US");
    address.put("state", "CA");
    customer.putObject("metadata").put("crm_id", String.format("003%07d", i));
    ObjectNode invoiceSettings = customer.putObject("invoice_settings");
    invoiceSettings.putNull("default_payment_method");
    invoiceSettings.putArray("custom_fields");
    var sources = customer.putArray("tax_ids");
    if (i % 5 == 0) {
      sources.addObject().put("type", "eu_vat").put("value", String.format("DE%09d", i));
    }
    return customer;
  }

  /** A Salesforce Contact from the REST API. */
  static ObjectNode salesforceContact(int i) {
    ObjectNode contact = JSON.createObjectNode();
    contact.putObject("attributes").put("type", "Contact")
        .put("url", String.format("/services/data/v59.0/sobjects/Contact/0035g00000%05dAAA", i));
    contact.put("Id", String.format("0035g00000%05dAAA", i));
    contact.put("FirstName", first(i));
    contact.put("LastName", last(i));
    contact.put("Email", email(i));
    contact.put("Phone", phone(i));
    contact.put("MailingCity", i % 2 == 0 ? "Chicago" : "Austin");
    contact.put("LeadSource", i % 3 == 0 ? "Web" : "Partner Referral");
    contact.put("CreatedDate", "2024-05-01T12:00:00.000+0000");
    return contact;
  }

  static List<ObjectNode> records(int from, int to, IntFunction<ObjectNode> payload) {
    List<ObjectNode> records = new ArrayList<>();
    for (int i = from; i < to; i++) {
      records.add(payload.apply(i));
    }
    return records;
  }

  static List<ObjectNode> changed(List<ObjectNode> records, UnaryOperator<ObjectNode> change) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode record : records) {
      out.add(change.apply(record.deepCopy()));
    }
    return out;
  }

  static Baseline learn(String system, String stream, List<ObjectNode> records) {
    SchemaObserver observer = SchemaObserver.learning(system, stream, SETTINGS, CLOCK);
    records.forEach(observer::observe);
    return Baseline.learned(observer.rotate(), SETTINGS, NOW);
  }

  static StreamProfile window(Baseline baseline, List<ObjectNode> records) {
    SchemaObserver observer = SchemaObserver.against(baseline, SETTINGS, CLOCK);
    records.forEach(observer::observe);
    return observer.rotate();
  }

  static List<Drift> detect(Baseline baseline, List<ObjectNode> records) {
    return new DriftDetector(SETTINGS).detect(baseline, window(baseline, records));
  }

  static List<Drift> ofKind(List<Drift> drifts, DriftKind kind) {
    return drifts.stream().filter(drift -> drift.kind() == kind).toList();
  }
}
