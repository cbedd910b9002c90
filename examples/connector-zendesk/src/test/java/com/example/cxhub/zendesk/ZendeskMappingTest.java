package com.example.cxhub.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.cxhub.zendesk.sim.ZendeskSimulator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxhub.mapping.EntityRecord;
import io.cxhub.mapping.IdentityKey;
import io.cxhub.mapping.Mapping;
import io.cxhub.mapping.MappingLoader;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.taxonomy.Taxonomy;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default mapping shipped in the jar, checked by the hub's loader and applied to simulator tickets. */
class ZendeskMappingTest {

  private static Mapping mapping;

  @BeforeAll
  static void load() throws Exception {
    String resource = new ZendeskConnector().defaultMappings().get(0);
    try (InputStream in = ZendeskConnector.class.getClassLoader().getResourceAsStream(resource)) {
      mapping = new MappingLoader(Taxonomy.loadDefault())
          .parse(Path.of(resource), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void theShippedMappingLoadsForTheTicketsStream() {
    assertEquals("zendesk", mapping.system());
    assertEquals("tickets", mapping.stream());
    assertEquals(List.of("case"), mapping.entities());
  }

  @Test
  void everySimulatedTicketBecomesACaseKeyedByTheRequesterEmail() {
    try (ZendeskSimulator zendesk = new ZendeskSimulator(200, 11)) {
      zendesk.tick();
      int withEmail = 0;
      for (String id : zendesk.ticketIds()) {
        ObjectNode ticket = zendesk.ticket(Long.parseLong(id)).orElseThrow();
        String email = zendesk.requesterEmail(Long.parseLong(id));
        // what the connector adds from the side-loaded users
        ticket.putObject("requester").put("id", ticket.path("requester_id").asLong()).put("email", email);
        EntityRecord c = mapping.map(RawRecord.pushed("zendesk", "tickets", id, ticket)).entities().get(0);
        assertEquals("case", c.entity());
        assertEquals(id, c.fields().get("case_id"));
        assertTrue(List.of("NEW", "OPEN", "PENDING", "RESOLVED", "CLOSED").contains(c.fields().get("status")), c.toString());
        assertEquals(Instant.parse(ticket.path("created_at").asText()), c.fields().get("opened_at"));
        if (email != null) {
          String normalized = email.trim().toLowerCase(Locale.ROOT);
          assertEquals(List.of(new IdentityKey("email", normalized)), c.keys());
          withEmail++;
        } else {
          assertFalse(c.fields().containsKey("email"));
        }
      }
      assertTrue(withEmail > 150, "most requesters have an e-mail: " + withEmail);
    }
  }
}
