package io.cxhub.simulator.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxhub.simulator.people.People;
import io.cxhub.simulator.people.Person;
import io.cxhub.simulator.people.Rendering;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The simulated Stripe account: seeds customers (persons of the shared population), their
 * subscriptions, invoices and charges, and applies rounds of live changes, each change recorded as
 * an event the way Stripe records it ({@code data.object} is the object after the change,
 * {@code data.previous_attributes} what it changed). Not thread-safe: the simulator serializes
 * access.
 */
final class StripeAccount {

  static final String API_VERSION = "2024-06-20";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final long DAY = 86_400;
  private static final Map<String, String> CURRENCY_BY_COUNTRY = Map.of("US", "usd", "GB", "gbp", "DE", "eur");
  private static final List<long[]> PRICES = List.of(new long[] {1900, 0}, new long[] {4900, 0},
      new long[] {9900, 0}, new long[] {49000, 1});
  private static final List<String> BRANDS = List.of("visa", "visa", "mastercard", "amex");
  private static final List<String[]> STREETS = List.of(new String[] {"Main Street", "Springfield"},
      new String[] {"High Street", "Oxford"}, new String[] {"Hauptstraße", "Berlin"},
      new String[] {"Market Street", "San Francisco"}, new String[] {"Station Road", "Leeds"},
      new String[] {"Bahnhofstraße", "München"});

  private final StripeOptions options;
  private final People people;
  private final Clock clock;
  private final Random random;
  private final StripeStore store = new StripeStore();
  private final Map<String, Integer> emailRevisions = new LinkedHashMap<>();
  private int invoiceNumbers;

  StripeAccount(StripeOptions options, Clock clock) {
    this.options = options;
    this.people = new People(options.seed());
    this.clock = clock;
    this.random = new Random(options.seed() ^ 0x5747_4950_45L);
  }

  StripeStore store() {
    return store;
  }

  People people() {
    return people;
  }

  // ---------------------------------------------------------------- seeding

  void seed() {
    long end = options.anchor().getEpochSecond();
    long start = end - 2 * 365 * DAY;
    List<ObjectNode> customers = new ArrayList<>();
    List<ObjectNode> subscriptions = new ArrayList<>();
    List<ObjectNode> invoices = new ArrayList<>();
    List<ObjectNode> charges = new ArrayList<>();
    for (int i = 0; i < options.customers(); i++) {
      Person p = people.person(options.firstPerson() + i);
      long created = start + (long) ((end - start - DAY) * (i + random.nextDouble()) / options.customers());
      ObjectNode customer = customer(p, created);
      customers.add(customer);
      if (random.nextInt(100) < 75) {
        ObjectNode sub = subscription(customer, created + random.nextInt(3600));
        subscriptions.add(sub);
        // one invoice per elapsed period, the last ones possibly unpaid
        long periodStart = sub.path("start_date").asLong();
        int months = (int) Math.min(3, Math.max(1, (end - periodStart) / (30 * DAY)));
        for (int m = 0; m < months; m++) {
          long issued = periodStart + (long) m * 30 * DAY + 60;
          ObjectNode invoice = invoice(customer, sub, issued);
          invoices.add(invoice);
          boolean last = m == months - 1;
          int roll = random.nextInt(100);
          if (!last || roll < 70) {
            charges.add(pay(invoice, issued + 300, true));
          } else if (roll < 85) {
            charges.add(pay(invoice, issued + 300, false));
            sub.put("status", "past_due");
          }
        }
        if (random.nextInt(100) < 8) {
          sub.put("status", "canceled");
          sub.put("canceled_at", end - random.nextInt((int) (30 * DAY)));
          sub.put("ended_at", sub.path("canceled_at").asLong());
        }
      }
    }
    for (List<ObjectNode> kind : List.of(customers, subscriptions, invoices, charges)) {
      kind.sort((a, b) -> Long.compare(a.path("created").asLong(), b.path("created").asLong()));
      kind.forEach(store::add);
    }
    // Stripe keeps 30 days of events: the creations of the last 30 days are still listed
    List<ObjectNode[]> recent = new ArrayList<>();
    for (List<ObjectNode> kind : List.of(customers, subscriptions, invoices, charges)) {
      for (ObjectNode o : kind) {
        if (o.path("created").asLong() > end - 30 * DAY) {
          recent.add(new ObjectNode[] {o});
        }
      }
    }
    recent.sort((a, b) -> Long.compare(a[0].path("created").asLong(), b[0].path("created").asLong()));
    for (ObjectNode[] o : recent) {
      String type = switch (o[0].path("object").asText()) {
        case "customer" -> "customer.created";
        case "subscription" -> "customer.subscription.created";
        case "invoice" -> "invoice.created";
        default -> o[0].path("status").asText().equals("succeeded") ? "charge.succeeded" : "charge.failed";
      };
      event(type, o[0], null, o[0].path("created").asLong());
    }
  }

  private ObjectNode customer(Person p, long created) {
    Rendering r = people.rendering(p, "stripe");
    ObjectNode c = NODES.objectNode();
    c.put("id", id("cus_"));
    c.put("object", "customer");
    ObjectNode address = c.putObject("address");
    String[] street = STREETS.get(random.nextInt(STREETS.size()));
    address.put("city", street[1]);
    address.put("country", p.country());
    address.put("line1", street[0] + " " + (1 + random.nextInt(200)));
    address.putNull("line2");
    address.put("postal_code", String.format("%05d", random.nextInt(100_000)));
    address.putNull("state");
    c.put("balance", 0);
    c.put("created", created);
    c.put("currency", CURRENCY_BY_COUNTRY.getOrDefault(p.country(), "usd"));
    c.putNull("default_source");
    c.put("delinquent", false);
    c.putNull("description");
    c.putNull("discount");
    c.put("email", r.email());
    c.put("invoice_prefix", id("").substring(0, 8).toUpperCase());
    c.put("livemode", false);
    c.putObject("metadata").put("cxhub_person", String.valueOf(p.index()));
    c.put("name", p.firstName() + " " + p.lastName());
    c.put("phone", r.phone());
    c.putArray("preferred_locales").add(p.country().equals("DE") ? "de" : "en");
    c.putNull("shipping");
    c.put("tax_exempt", "none");
    return c;
  }

  private ObjectNode subscription(ObjectNode customer, long created) {
    long[] price = PRICES.get(random.nextInt(PRICES.size()));
    boolean yearly = price[1] == 1;
    ObjectNode s = NODES.objectNode();
    String subId = id("sub_");
    s.put("id", subId);
    s.put("object", "subscription");
    s.put("billing_cycle_anchor", created);
    s.put("cancel_at_period_end", false);
    s.putNull("canceled_at");
    s.put("collection_method", "charge_automatically");
    s.put("created", created);
    s.put("currency", customer.path("currency").asText());
    long period = (yearly ? 365 : 30) * DAY;
    long now = Math.max(created, options.anchor().getEpochSecond());
    long periods = (now - created) / period;
    s.put("current_period_start", created + periods * period);
    s.put("current_period_end", created + (periods + 1) * period);
    s.put("customer", customer.path("id").asText());
    s.putNull("ended_at");
    ObjectNode items = s.putObject("items");
    items.put("object", "list");
    ObjectNode item = items.putArray("data").addObject();
    item.put("id", id("si_"));
    item.put("object", "subscription_item");
    ObjectNode p = item.putObject("price");
    p.put("id", "price_" + (yearly ? "enterprise_yearly" : "plan_" + price[0] / 100 + "_monthly"));
    p.put("object", "price");
    p.put("currency", customer.path("currency").asText());
    p.put("unit_amount", price[0]);
    p.putObject("recurring").put("interval", yearly ? "year" : "month").put("interval_count", 1);
    item.put("quantity", 1);
    items.put("has_more", false);
    items.put("url", "/v1/subscription_items?subscription=" + subId);
    s.put("livemode", false);
    s.putObject("metadata");
    s.put("start_date", created);
    s.put("status", random.nextInt(100) < 10 ? "trialing" : "active");
    s.putNull("trial_end");
    return s;
  }

  private ObjectNode invoice(ObjectNode customer, ObjectNode sub, long created) {
    long amount = sub.path("items").path("data").path(0).path("price").path("unit_amount").asLong();
    ObjectNode in = NODES.objectNode();
    String id = id("in_");
    in.put("id", id);
    in.put("object", "invoice");
    in.put("account_country", "US");
    in.put("amount_due", amount);
    in.put("amount_paid", 0);
    in.put("amount_remaining", amount);
    in.put("attempt_count", 0);
    in.put("attempted", false);
    in.put("billing_reason", "subscription_cycle");
    in.putNull("charge");
    in.put("collection_method", "charge_automatically");
    in.put("created", created);
    in.put("currency", sub.path("currency").asText());
    in.put("customer", customer.path("id").asText());
    in.put("customer_email", customer.path("email").asText(null));
    in.put("due_date", created + 30 * DAY);
    in.put("hosted_invoice_url", "https://invoice.stripe.com/i/acct_cxhubsim/" + id);
    in.put("livemode", false);
    in.putObject("metadata");
    in.put("number", customer.path("invoice_prefix").asText() + "-" + String.format("%04d", ++invoiceNumbers % 10_000));
    in.put("paid", false);
    in.put("period_start", created - 30 * DAY);
    in.put("period_end", created);
    in.put("status", "open");
    ObjectNode transitions = in.putObject("status_transitions");
    transitions.put("finalized_at", created);
    transitions.putNull("marked_uncollectible_at");
    transitions.putNull("paid_at");
    transitions.putNull("voided_at");
    in.put("subscription", sub.path("id").asText());
    in.put("subtotal", amount);
    in.put("total", amount);
    return in;
  }

  /** A charge for the invoice's remaining amount; a succeeded one settles the invoice. */
  private ObjectNode pay(ObjectNode invoice, long at, boolean succeed) {
    ObjectNode ch = NODES.objectNode();
    ch.put("id", id("ch_"));
    ch.put("object", "charge");
    ch.put("amount", invoice.path("amount_remaining").asLong());
    ch.put("amount_captured", succeed ? invoice.path("amount_remaining").asLong() : 0);
    ch.put("amount_refunded", 0);
    ch.put("balance_transaction", succeed ? id("txn_") : null);
    ch.put("captured", succeed);
    ch.put("created", at);
    ch.put("currency", invoice.path("currency").asText());
    ch.put("customer", invoice.path("customer").asText());
    ch.put("description", "Subscription update");
    ch.put("failure_code", succeed ? null : random.nextBoolean() ? "card_declined" : "expired_card");
    ch.put("failure_message", succeed ? null
        : ch.path("failure_code").asText().equals("card_declined") ? "Your card was declined." : "Your card has expired.");
    ch.put("invoice", invoice.path("id").asText());
    ch.put("livemode", false);
    ch.putObject("metadata");
    ch.putObject("outcome").put("network_status", succeed ? "approved_by_network" : "declined_by_network")
        .put("type", succeed ? "authorized" : "issuer_declined");
    ch.put("paid", succeed);
    ch.put("payment_intent", id("pi_"));
    ObjectNode details = ch.putObject("payment_method_details");
    details.put("type", "card");
    ObjectNode card = details.putObject("card");
    card.put("brand", BRANDS.get(random.nextInt(BRANDS.size())));
    card.put("exp_month", 1 + random.nextInt(12));
    card.put("exp_year", 2027 + random.nextInt(5));
    card.put("last4", String.format("%04d", random.nextInt(10_000)));
    card.put("country", "US");
    ch.put("receipt_url", "https://pay.stripe.com/receipts/" + ch.path("id").asText());
    ch.put("refunded", false);
    ch.put("status", succeed ? "succeeded" : "failed");
    invoice.put("attempt_count", invoice.path("attempt_count").asInt() + 1);
    invoice.put("attempted", true);
    invoice.put("charge", ch.path("id").asText());
    if (succeed) {
      invoice.put("amount_paid", invoice.path("amount_due").asLong());
      invoice.put("amount_remaining", 0);
      invoice.put("paid", true);
      invoice.put("status", "paid");
      ((ObjectNode) invoice.get("status_transitions")).put("paid_at", at);
    }
    return ch;
  }

  // ---------------------------------------------------------------- live changes

  /** One round of live changes; returns the ids changed per list (customers, invoices, ...). */
  Map<String, Set<String>> tick(int changes) {
    Map<String, Set<String>> changed = new LinkedHashMap<>();
    for (String s : List.of("customers", "invoices", "charges", "subscriptions")) {
      changed.put(s, new LinkedHashSet<>());
    }
    long now = clock.instant().getEpochSecond();
    for (int n = 0; n < changes; n++) {
      int what = random.nextInt(100);
      if (what < 35) {
        newInvoice(now, changed);
      } else if (what < 60) {
        payOpenInvoice(now, true, changed);
      } else if (what < 75) {
        payOpenInvoice(now, false, changed);
      } else if (what < 85) {
        cancelSubscription(now, changed);
      } else {
        updateEmail(now, changed);
      }
    }
    return changed;
  }

  private void newInvoice(long now, Map<String, Set<String>> changed) {
    ObjectNode sub = pick("subscription", s -> !s.path("status").asText().equals("canceled"));
    if (sub == null) {
      return;
    }
    ObjectNode customer = store.get(sub.path("customer").asText());
    ObjectNode invoice = store.add(invoice(customer, sub, now));
    event("invoice.created", invoice, null, now);
    event("invoice.finalized", invoice, null, now);
    changed.get("invoices").add(invoice.path("id").asText());
  }

  private void payOpenInvoice(long now, boolean succeed, Map<String, Set<String>> changed) {
    ObjectNode invoice = pick("invoice", i -> i.path("status").asText().equals("open"));
    if (invoice == null) {
      newInvoice(now, changed);
      return;
    }
    ObjectNode before = invoice.deepCopy();
    ObjectNode charge = store.add(pay(invoice, now, succeed));
    changed.get("charges").add(charge.path("id").asText());
    changed.get("invoices").add(invoice.path("id").asText());
    event(succeed ? "charge.succeeded" : "charge.failed", charge, null, now);
    event(succeed ? "invoice.paid" : "invoice.payment_failed", invoice, previous(before, invoice), now);
    ObjectNode sub = store.get(invoice.path("subscription").asText());
    if (sub != null && !sub.path("status").asText().equals("canceled")) {
      String status = succeed ? "active" : "past_due";
      if (!sub.path("status").asText().equals(status)) {
        ObjectNode subBefore = sub.deepCopy();
        sub.put("status", status);
        event("customer.subscription.updated", sub, previous(subBefore, sub), now);
        changed.get("subscriptions").add(sub.path("id").asText());
      }
    }
  }

  private void cancelSubscription(long now, Map<String, Set<String>> changed) {
    ObjectNode sub = pick("subscription", s -> !s.path("status").asText().equals("canceled"));
    if (sub == null) {
      return;
    }
    ObjectNode before = sub.deepCopy();
    sub.put("status", "canceled");
    sub.put("canceled_at", now);
    sub.put("ended_at", now);
    event("customer.subscription.deleted", sub, previous(before, sub), now);
    changed.get("subscriptions").add(sub.path("id").asText());
  }

  private void updateEmail(long now, Map<String, Set<String>> changed) {
    ObjectNode customer = pick("customer", c -> true);
    String id = customer.path("id").asText();
    int revision = emailRevisions.merge(id, 1, Integer::sum);
    Person p = people.person(Integer.parseInt(customer.path("metadata").path("cxhub_person").asText()));
    String email = people.rendering(p, "stripe", revision).email();
    if (email == null) {
      email = p.email();
    }
    ObjectNode before = customer.deepCopy();
    customer.put("email", email);
    event("customer.updated", customer, previous(before, customer), now);
    changed.get("customers").add(id);
  }

  private ObjectNode pick(String kind, java.util.function.Predicate<ObjectNode> which) {
    List<ObjectNode> all = store.all(kind);
    for (int tries = 0; tries < 50 && !all.isEmpty(); tries++) {
      ObjectNode o = all.get(random.nextInt(all.size()));
      if (which.test(o)) {
        return o;
      }
    }
    return null;
  }

  /** Top-level attributes of {@code before} that differ in {@code after}, with their old values. */
  private static ObjectNode previous(ObjectNode before, ObjectNode after) {
    ObjectNode prev = NODES.objectNode();
    before.fields().forEachRemaining(e -> {
      JsonNode now = after.get(e.getKey());
      if (!e.getValue().equals(now)) {
        prev.set(e.getKey(), e.getValue());
      }
    });
    return prev;
  }

  private ObjectNode event(String type, ObjectNode object, ObjectNode previous, long at) {
    ObjectNode e = NODES.objectNode();
    e.put("id", id("evt_"));
    e.put("object", "event");
    e.put("api_version", API_VERSION);
    e.put("created", at);
    ObjectNode data = e.putObject("data");
    data.set("object", object.deepCopy());
    if (previous != null && !previous.isEmpty()) {
      data.set("previous_attributes", previous);
    }
    e.put("livemode", false);
    e.put("pending_webhooks", 1);
    ObjectNode request = e.putObject("request");
    request.put("id", id("req_"));
    request.put("idempotency_key", java.util.UUID.nameUUIDFromBytes(e.path("id").asText().getBytes()).toString());
    e.put("type", type);
    return store.add(e);
  }

  private String id(String prefix) {
    StringBuilder b = new StringBuilder(prefix);
    for (int i = 0; i < 14; i++) {
      b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

}
