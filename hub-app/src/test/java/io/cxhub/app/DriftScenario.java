package io.cxhub.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The small drift scenario several tests share: a hub whose windows are small and checked every
 * second, a CRM contacts mapping that reads {@code address}, and records before and after a change
 * (shop orders gain a {@code coupon}; contacts split {@code address} into street name and number).
 */
final class DriftScenario {

  /** hub.yaml for a test: learn from 60 records, compare every 100 or every second. */
  static final String SMALL_WINDOWS = """
      drift:
        learnRecords: 60
        windowRecords: 100
        windowSeconds: 1
        checkSeconds: 1
      """;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> STREETS = List.of("Main Street", "Elm Road", "Harbour Lane", "Station Road");

  private DriftScenario() {}

  /** Writes hub.yaml ({@link #SMALL_WINDOWS} plus {@code more}, indented under {@code drift:}) and the contacts mapping. */
  static void configure(HubFixture fixture, String more) throws IOException {
    Files.writeString(fixture.configDir.resolve("hub.yaml"), SMALL_WINDOWS + more);
    Files.createDirectories(fixture.configDir.resolve("mappings/crm"));
    Files.writeString(fixture.configDir.resolve("mappings/crm/contacts.yaml"), """
        # a CRM's contacts, pushed through the ingest API
        system: crm
        stream: contacts
        entities:
          - entity: party
            id: id
            fields:
              crm_contact_id: id
              email: { path: email, transform: [email] }
              phone: { path: phone, transform: [phone] }
              street: { path: address, transform: [trim] }
              created_at: { path: created, transform: [timestamp] }
            required: [crm_contact_id]
            identity: [crm_contact_id, email, phone]
        """);
  }

  static ObjectNode order(int i, boolean coupon) {
    ObjectNode o = JSON.createObjectNode().put("id", "ord-" + i).put("total", 10 + i % 90 + 0.5)
        .put("currency", i % 2 == 0 ? "EUR" : "USD")
        .put("created_at", "2026-11-" + String.format("%02d", 1 + i % 28) + "T10:00:00Z");
    return coupon ? o.put("coupon", "WELCOME" + i % 40) : o;
  }

  /** The street as the contact's {@code address} had it before the split. */
  static String street(int i) {
    return STREETS.get(i % STREETS.size()) + " " + (i % 50 + 1);
  }

  static ObjectNode contact(int i, boolean split) {
    ObjectNode o = JSON.createObjectNode().put("id", "c-" + i).put("email", "person" + i + "@example.com")
        .put("phone", "+1415555" + String.format("%04d", i)).put("created", "2026-10-01T09:00:00Z");
    String street = street(i);
    int cut = street.lastIndexOf(' ');
    return split ? o.put("street_name", street.substring(0, cut)).put("house_number", street.substring(cut + 1))
        : o.put("address", street);
  }
}
