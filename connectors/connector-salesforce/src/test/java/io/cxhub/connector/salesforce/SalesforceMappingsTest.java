package io.cxhub.connector.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.mapping.EntityRecord;
import io.cxhub.mapping.IdentityKey;
import io.cxhub.mapping.Mapping;
import io.cxhub.mapping.MappingLoader;
import io.cxhub.mapping.MappingRegistry;
import io.cxhub.simulator.salesforce.SalesforceOptions;
import io.cxhub.simulator.salesforce.SalesforceSimulator;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.taxonomy.Taxonomy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped mappings (repository root {@code mappings/salesforce}) load against the taxonomy and
 * map every record the simulator holds, each the way the API returns it.
 */
class SalesforceMappingsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static MappingRegistry registry;
  private static SalesforceSimulator sim;

  @BeforeAll
  static void load() {
    registry = MappingRegistry.load(Path.of("..", "..", "mappings"), new MappingLoader(Taxonomy.loadDefault()));
    sim = SalesforceSimulator.start(SalesforceOptions.defaults().withContacts(400, 40));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static List<EntityRecord> map(String stream, String type, String id) {
    Mapping mapping = registry.find("salesforce", stream).orElseThrow();
    RawRecord raw = RawRecord.pushed("salesforce", stream, id, JSON.valueToTree(sim.record(type, id)));
    return mapping.map(raw).entities();
  }

  @Test
  void theDefaultMappingsAreTheShippedOnes() {
    assertEquals(List.of("mappings/salesforce/contacts.yaml", "mappings/salesforce/accounts.yaml",
        "mappings/salesforce/cases.yaml"), new SalesforceConnector().defaultMappings());
    for (String stream : List.of("contacts", "accounts", "cases")) {
      assertTrue(registry.find("salesforce", stream).isPresent(), stream);
    }
  }

  @Test
  void everyContactBecomesAPersonPartyWithNormalizedKeys() {
    int phones = 0;
    int emails = 0;
    for (String id : sim.ids("Contact")) {
      EntityRecord party = map("contacts", "Contact", id).get(0);
      assertEquals("party", party.entity());
      assertEquals("PERSON", party.fields().get("party_type"));
      assertTrue(party.keys().contains(new IdentityKey("crm_contact_id", id)));
      assertTrue(party.keys().stream().noneMatch(k -> k.type().equals("crm_account_id")), "an account is no person key");
      Object phone = party.fields().get("phone");
      if (phone != null) {
        phones++;
        assertTrue(phone.toString().matches("\\+(1|44|49)\\d{6,12}"), phone.toString());
      }
      Object email = party.fields().get("email");
      if (email != null) {
        emails++;
        assertEquals(email.toString().toLowerCase(), email);
      }
      assertNotNull(party.fields().get("country"));
      assertTrue(party.fields().get("created_at") instanceof Instant);
    }
    assertTrue(phones > sim.ids("Contact").size() * 8 / 10, "most contacts have a phone: " + phones);
    assertTrue(emails > sim.ids("Contact").size() * 9 / 10, "most contacts have an e-mail: " + emails);
  }

  @Test
  void everyCaseBecomesACaseEventOfItsContact() {
    for (String id : sim.ids("Case")) {
      EntityRecord c = map("cases", "Case", id).get(0);
      assertEquals("case", c.entity());
      assertTrue(Set.of("NEW", "OPEN", "ESCALATED", "CLOSED").contains(c.fields().get("status")), c.fields().toString());
      assertTrue(Set.of("LOW", "MEDIUM", "HIGH").contains(c.fields().get("priority")));
      Map<String, Object> raw = sim.record("Case", id);
      assertTrue(c.keys().contains(new IdentityKey("crm_contact_id", (String) raw.get("ContactId"))));
      assertEquals("CLOSED".equals(c.fields().get("status")), c.fields().get("closed_at") != null);
    }
  }

  @Test
  void everyAccountBecomesAnOrganisation() {
    for (String id : sim.ids("Account")) {
      EntityRecord a = map("accounts", "Account", id).get(0);
      assertEquals("ORGANISATION", a.fields().get("party_type"));
      assertEquals(List.of(new IdentityKey("crm_account_id", id)), a.keys());
    }
  }
}
