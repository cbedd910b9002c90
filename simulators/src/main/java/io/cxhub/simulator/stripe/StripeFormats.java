package io.cxhub.simulator.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The payload format changes the simulator can switch on, to make a connector's stream drift the
 * way a real API upgrade or a misconfigured account would. Applied to a copy of each object as it
 * is served (list, retrieve, event, webhook).
 */
final class StripeFormats {

  static final String ADDRESS_SPLIT = "address_split";
  static final String AMOUNT_AS_DECIMAL_STRING = "amount_as_decimal_string";
  static final String RENAME_EMAIL = "rename_email";

  private static final Set<String> AMOUNTS = Set.of("amount", "amount_due", "amount_paid", "amount_remaining",
      "amount_captured", "amount_refunded", "unit_amount", "subtotal", "total", "balance");

  private StripeFormats() {}

  static List<String[]> declared() {
    return List.of(
        new String[] {ADDRESS_SPLIT, "customer address.line1 becomes address.street + address.house_number"},
        new String[] {AMOUNT_AS_DECIMAL_STRING, "amounts in cents become decimal strings in the currency unit (1999 -> \"19.99\")"},
        new String[] {RENAME_EMAIL, "customer email is renamed email_address"});
  }

  /** Rewrites {@code object} (a copy) in place for the switched-on changes. */
  static void apply(ObjectNode object, Set<String> on) {
    if (on.isEmpty()) {
      return;
    }
    if (on.contains(RENAME_EMAIL) && object.path("object").asText().equals("customer") && object.has("email")) {
      JsonNode email = object.remove("email");
      object.set("email_address", email);
    }
    if (on.contains(ADDRESS_SPLIT) && object.get("address") instanceof ObjectNode address && address.has("line1")) {
      String line1 = address.path("line1").asText("");
      int space = line1.lastIndexOf(' ');
      address.remove("line1");
      address.put("street", space < 0 ? line1 : line1.substring(0, space));
      address.put("house_number", space < 0 ? "" : line1.substring(space + 1));
    }
    if (on.contains(AMOUNT_AS_DECIMAL_STRING)) {
      decimals(object);
    }
  }

  private static void decimals(ObjectNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode v = node.get(name);
      if (AMOUNTS.contains(name) && v.isIntegralNumber()) {
        node.put(name, BigDecimal.valueOf(v.asLong(), 2).toPlainString());
      } else if (v instanceof ObjectNode child) {
        decimals(child);
      } else if (v.isArray()) {
        v.forEach(e -> {
          if (e instanceof ObjectNode o) {
            decimals(o);
          }
        });
      }
    }
  }
}
