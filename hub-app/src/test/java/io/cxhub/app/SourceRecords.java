package io.cxhub.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Records as customer-experience sources push them: CRM contacts, ERP invoices and payments, survey
 * responses, telephony call records, web-shop orders. Record {@code i} is always the same record,
 * so a re-sync of the same ids carries the same values (which is what rename, split and merge
 * detection compare).
 */
final class SourceRecords {

  static final ObjectMapper JSON = new ObjectMapper();

  private static final String[] FIRST = {"Ada", "Alan", "Grace", "Linus", "Margaret", "Dennis", "Barbara", "Ken",
      "Frances", "Edsger", "Radia", "Tim", "Hedy", "John", "Katherine", "Donald", "Sophie", "Niklaus", "Anita",
      "Guido", "Joan", "Bjarne", "Shafi", "Leslie", "Mary", "James", "Lynn", "Vint", "Karen", "Marvin", "Ingrid"};
  private static final String[] LAST = {"Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Ritchie", "Liskov",
      "Thompson", "Allen", "Dijkstra", "Perlman", "Lee", "Lamarr", "McCarthy", "Johnson", "Knuth", "Wilson", "Wirth",
      "Borg", "Rossum", "Clarke", "Stroustrup", "Goldwasser", "Lamport", "Jackson", "Gosling", "Conway", "Cerf",
      "Jones", "Minsky", "Larsen", "Okafor", "Nakamura"};
  private static final String[] STREET_NAMES = {"Main", "Elm", "Harbour", "Station", "Church", "Mill", "Park", "Victoria",
      "King", "Queen", "High", "School", "Bridge", "Castle", "Chapel", "Garden", "Meadow", "Orchard", "River", "Willow"};
  private static final String[] STREET_KINDS = {"Street", "Road", "Lane"};
  private static final String[] CITIES = {"London", "Leeds", "Bristol", "Manchester", "Glasgow", "Cardiff"};
  private static final String[] TOUCHPOINTS = {"support_call", "onboarding", "renewal", "delivery"};
  private static final String[] QUEUES = {"billing", "support", "sales", "retention"};
  private static final String[] CURRENCIES = {"EUR", "GBP", "USD"};

  private SourceRecords() {}

  static String first(int i) {
    return FIRST[i % FIRST.length];
  }

  static String last(int i) {
    return LAST[(i * 7 + i / FIRST.length) % LAST.length];
  }

  static String email(int i) {
    return (first(i) + "." + last(i) + i + "@example.com").toLowerCase(Locale.ROOT);
  }

  static String phone(int i) {
    return String.format("+44 20 7946 %04d", (i * 37) % 10_000);
  }

  static String streetName(int i) {
    return STREET_NAMES[(i * 3) % STREET_NAMES.length] + " " + STREET_KINDS[i % STREET_KINDS.length];
  }

  static String houseNumber(int i) {
    return String.valueOf(1 + (i * 11) % 180);
  }

  /** A CRM contact: id, name, e-mail, phone, city, when created. */
  static ObjectNode contact(int i) {
    ObjectNode c = JSON.createObjectNode();
    c.put("id", String.format("003Kc%08dQA", 4200 + i));
    c.put("first_name", first(i));
    c.put("last_name", last(i));
    c.put("email", email(i));
    c.put("phone", phone(i));
    c.put("city", CITIES[i % CITIES.length]);
    c.put("created_at", Instant.parse("2025-02-01T09:00:00Z").plusSeconds(i * 5_417L).toString());
    return c;
  }

  /** A CRM contact with the whole name in one field. */
  static ObjectNode contactWithName(int i) {
    ObjectNode c = contact(i);
    c.remove("first_name");
    c.remove("last_name");
    c.put("name", first(i) + " " + last(i));
    return c;
  }

  /** A CRM contact with its postal address as street and house number. */
  static ObjectNode contactWithAddress(int i) {
    ObjectNode c = contact(i);
    c.put("street", streetName(i));
    c.put("house_number", houseNumber(i));
    c.put("postal_code", String.format("SW%d %dAB", 1 + i % 9, i % 10));
    return c;
  }

  /** An ERP invoice: ISO dates, a decimal amount, a currency, a status. */
  static ObjectNode invoice(int i) {
    ObjectNode inv = JSON.createObjectNode();
    LocalDate issued = LocalDate.of(2026, 1, 5).plusDays(i % 90);
    inv.put("id", String.format("INV-2026-%05d", 100 + i));
    inv.put("number", String.format("2026/%05d", 100 + i));
    inv.put("customer", String.format("C-%05d", 1000 + i % 400));
    inv.put("status", i % 5 == 0 ? "paid" : i % 11 == 0 ? "void" : "open");
    inv.put("currency", CURRENCIES[i % CURRENCIES.length]);
    inv.put("amount_due", 19.9 + (i * 37) % 500 + (i % 100) / 100.0);
    inv.put("issued_on", issued.toString());
    inv.put("due_date", issued.plusDays(30).toString());
    inv.put("updated_at", Instant.parse("2026-01-05T08:00:00Z").plusSeconds(i * 3_917L).toString());
    return inv;
  }

  /** An ERP payment against an invoice. */
  static ObjectNode payment(int i) {
    ObjectNode p = JSON.createObjectNode();
    p.put("id", String.format("PAY-%06d", 5000 + i));
    p.put("invoice", String.format("INV-2026-%05d", 100 + i));
    p.put("customer", String.format("C-%05d", 1000 + i % 400));
    p.put("amount", 19.9 + (i * 37) % 500);
    p.put("currency", CURRENCIES[i % CURRENCIES.length]);
    p.put("method", i % 3 == 0 ? "card" : "wire");
    p.put("paid_at", Instant.parse("2026-02-01T10:00:00Z").plusSeconds(i * 2_711L).toString());
    return p;
  }

  /** An ERP refund of a payment. */
  static ObjectNode refund(int i) {
    ObjectNode r = JSON.createObjectNode();
    r.put("id", String.format("RF-%06d", 9000 + i));
    r.put("payment", String.format("PAY-%06d", 5000 + i));
    r.put("customer", String.format("C-%05d", 1000 + i % 400));
    r.put("amount", 5.0 + (i * 17) % 120);
    r.put("currency", CURRENCIES[i % CURRENCIES.length]);
    r.put("refunded_at", Instant.parse("2026-02-10T09:30:00Z").plusSeconds(i * 4_093L).toString());
    return r;
  }

  /** A survey platform's response: respondent, e-mail, touchpoint, CSAT score and comment. */
  static ObjectNode surveyResponse(int i) {
    ObjectNode r = JSON.createObjectNode();
    r.put("responseId", String.format("R_%06dxZ", 7000 + i));
    r.put("surveyId", "SV_csat_support");
    r.put("respondent", String.format("RSP-%05d", 300 + i));
    r.put("email", email(i));
    r.put("touchpoint", TOUCHPOINTS[i % TOUCHPOINTS.length]);
    r.put("csat", 1 + (i * 7) % 5);
    r.put("comment", i % 3 == 0 ? "Quick and friendly, thanks" : "Had to call twice before it was fixed");
    r.put("recorded_at", Instant.parse("2026-03-01T12:00:00Z").plusSeconds(i * 1_811L).toString());
    return r;
  }

  /** A telephony call record: caller number, queue, direction, times. */
  static ObjectNode call(int i) {
    ObjectNode c = JSON.createObjectNode();
    c.put("id", String.format("call-%08x", 0x3a00 + i * 13));
    c.put("ani", phone(i));
    c.put("queue", QUEUES[i % QUEUES.length]);
    c.put("direction", i % 4 == 0 ? "outbound" : "inbound");
    c.put("started_at", Instant.parse("2026-04-01T08:00:00Z").plusSeconds(i * 97L).toString());
    c.put("handle_seconds", 60 + (i * 53) % 900);
    return c;
  }

  /** A web-shop order. */
  static ObjectNode order(int i) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", String.format("ORD-%07d", 880_000 + i));
    o.put("customer_email", email(i));
    o.put("total", 9.5 + (i * 13) % 240);
    o.put("currency", CURRENCIES[i % CURRENCIES.length]);
    o.put("created_at", Instant.parse("2026-04-01T00:00:00Z").plusSeconds(i * 61L).toString());
    return o;
  }
}
