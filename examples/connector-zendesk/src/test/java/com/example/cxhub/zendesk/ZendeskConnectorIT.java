package com.example.cxhub.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.cxhub.zendesk.sim.ZendeskSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.testkit.ConnectorHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the conformance suite does not pin: payload shape, OAuth, a restart in the middle of a read, Retry-After. */
class ZendeskConnectorIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static ZendeskSimulator zendesk;

  @BeforeAll
  static void start() {
    zendesk = new ZendeskSimulator(250, 5);
  }

  @AfterAll
  static void stop() {
    zendesk.close();
  }

  private static Map<String, Object> config(String... extra) {
    Map<String, Object> c = new HashMap<>(Map.of("baseUrl", zendesk.baseUrl(), "email", ZendeskSimulator.EMAIL,
        "apiToken", ZendeskSimulator.API_TOKEN, "schedule", "0/1 * * * * ?", "perPage", "60"));
    for (int i = 0; i < extra.length; i += 2) {
      c.put(extra[i], extra[i + 1]);
    }
    return c;
  }

  @Test
  void ticketsCarryTheRequesterFromTheSideLoadedUsersAndThePageCursor() {
    try (ConnectorHarness hub = new ConnectorHarness(new ZendeskConnector())) {
      hub.addInstance("zd-shape", config("oauthToken", zendesk.oauthToken(), "email", "", "apiToken", ""));
      ConnectorHarness.await(WAIT, () -> hub.records("tickets").size() >= 250, "250 tickets with an OAuth token");
      RawRecord r = hub.records("tickets").get(0);
      JsonNode t = r.payload();
      assertEquals("zendesk", r.system());
      assertEquals(t.get("id").asText(), r.sourceId());
      assertEquals(Instant.parse(t.get("updated_at").asText()), r.observedAt());
      assertEquals(t.get("requester_id").asLong(), t.path("requester").path("id").asLong());
      assertEquals(zendesk.requesterEmail(t.get("id").asLong()), t.path("requester").path("email").textValue());
      assertTrue(t.path("via").path("channel").isTextual() && t.path("custom_fields").isArray(), t.toString());
      assertTrue(r.cursor() != null && !r.cursor().isBlank(), "records carry the page's after_cursor");
    }
  }

  @Test
  void aRestartFromACursorCommittedMidReadNeitherRepeatsNorSkipsAPage() {
    List<RawRecord> first;
    try (ConnectorHarness hub = new ConnectorHarness(new ZendeskConnector())) {
      hub.addInstance("zd-restart", config());
      ConnectorHarness.await(WAIT, () -> hub.records("tickets").size() >= 250, "a full read");
      first = hub.records("tickets");
    }
    // the hub had stored only the first two pages (2 x 60 tickets) when it stopped
    String committed = first.get(119).cursor();
    assertEquals(first.get(60).cursor(), first.get(119).cursor(), "a page shares one cursor");
    try (ConnectorHarness hub = new ConnectorHarness(new ZendeskConnector())) {
      hub.commit("zd-restart", "tickets", committed);
      hub.addInstance("zd-restart", config());
      ConnectorHarness.await(WAIT, () -> hub.records("tickets").size() >= 130, "the rest after the committed cursor");
      Set<String> before = new HashSet<>();
      first.subList(0, 120).forEach(r -> before.add(r.sourceId()));
      Set<String> after = new HashSet<>();
      hub.records("tickets").forEach(r -> after.add(r.sourceId()));
      assertEquals(130, after.size());
      after.retainAll(before);
      assertEquals(Set.of(), after, "tickets of the stored pages were read again");
    }
  }

  @Test
  void aRateLimitIsWaitedOutForTheRetryAfterZendeskAsked() {
    try (ConnectorHarness hub = new ConnectorHarness(new ZendeskConnector())) {
      zendesk.server().faults().rateLimit(1, Duration.ofSeconds(3));
      long requests = zendesk.server().requests();
      long started = System.nanoTime();
      hub.addInstance("zd-429", config());
      ConnectorHarness.await(WAIT, () -> hub.records("tickets").size() >= 250, "every ticket after a 429");
      assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 3000, "the Retry-After was not honoured");
      assertEquals(1 + 5, zendesk.server().requests() - requests, "one 429 and five pages; no retry before Retry-After");
    }
  }

  @Test
  void anInstanceWithoutAWayToAuthenticateIsRejectedBeforeItStarts() {
    try (ConnectorHarness hub = new ConnectorHarness(new ZendeskConnector())) {
      Exception e = assertThrows(Exception.class, () -> hub.addInstance("zd-noauth", Map.of("baseUrl", zendesk.baseUrl())));
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      assertTrue(root.getMessage().contains("oauthToken") && root.getMessage().contains("zd-noauth"), root.getMessage());
    }
  }
}
