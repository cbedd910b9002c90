package io.cxhub.connector.genesys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.simulator.genesys.GenesysOptions;
import io.cxhub.simulator.genesys.GenesysSimulator;
import io.cxhub.simulator.genesys.TickReport;
import io.cxhub.spi.connector.CheckResult;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.testkit.ConnectorHarness;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The connector against the Genesys simulator over loopback HTTP, one instance through its life:
 * full read over several pages and intervals, incremental reads of new and newly ended
 * conversations, a restart from the committed cursor, re-login after the token was revoked, 429 and
 * 500 answers, a truncated page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GenesysConnectorIT {

  private static final String INSTANCE = "genesys-it";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static GenesysSimulator sim;
  private static ConnectorHarness hub;
  private static int mark;
  private static int quarantineMark;

  /** Forgets what was received so far (records before the mark are not looked at). */
  private static void clearReceived() {
    mark = hub.records().size();
    quarantineMark = recentQuarantined().size();
  }

  private static List<RawRecord> recent() {
    List<RawRecord> all = hub.records();
    return all.subList(Math.min(mark, all.size()), all.size()).stream()
        .filter(r -> r.stream().equals("conversations")).toList();
  }

  private static List<ConnectorHarness.Quarantined> recentQuarantined() {
    List<ConnectorHarness.Quarantined> all = hub.quarantined();
    return all.subList(Math.min(quarantineMark, all.size()), all.size());
  }

  @BeforeAll
  static void start() {
    sim = GenesysSimulator.start(GenesysOptions.defaults().withConversations(700), 0);
    hub = new ConnectorHarness(new GenesysConnector());
  }

  @AfterAll
  static void stop() {
    if (hub != null) {
      hub.close();
    }
    sim.close();
  }

  static Map<String, Object> config(GenesysSimulator s) {
    Map<String, Object> p = new HashMap<>();
    p.put("loginUrl", s.loginUri().toString());
    p.put("apiUrl", s.apiUri().toString());
    p.put("clientId", s.clientId());
    p.put("clientSecret", s.clientSecret());
    p.put("pageSize", "50");
    p.put("schedule", "0/1 * * * * ?");
    p.put("settleTime", "0s");
    p.put("initialLookback", "31d");
    return p;
  }

  private static Set<String> ids(List<RawRecord> records) {
    return records.stream().map(RawRecord::sourceId).collect(Collectors.toSet());
  }

  private static void awaitIds(Set<String> expected, String what) {
    ConnectorHarness.await(WAIT, () -> ids(recent()).containsAll(expected), what);
  }

  @Test
  @Order(1)
  void fullReadReturnsEveryConversationOnceOverPagesAndIntervals() {
    long before = sim.server().requests();
    hub.addInstance(INSTANCE, config(sim));
    Set<String> all = sim.conversationIds();
    awaitIds(all, "all " + all.size() + " conversations");
    List<RawRecord> records = recent();
    assertEquals(all.size(), records.size(), "each conversation exactly once");
    // 700 conversations at 50 a page over 5 intervals of at most 7 days
    assertTrue(sim.server().requests() - before >= 700 / 50 + 4, "paged through several pages and intervals");
    RawRecord one = records.get(0);
    assertEquals("genesys", one.system());
    assertEquals(one.payload().path("conversationId").asText(), one.sourceId());
    assertTrue(one.payload().path("derived").has("mediaType"));
    assertFalse(sim.ongoingIds().isEmpty(), "the history has ongoing conversations");
    for (RawRecord r : records) {
      assertEquals(sim.ongoingIds().contains(r.sourceId()), !r.payload().has("conversationEnd"), r.sourceId());
    }
  }

  @Test
  @Order(2)
  void incrementalReadPicksUpNewAndNewlyEndedConversations() {
    hub.commitAllReceived();
    clearReceived();
    TickReport tick = sim.tick(3, 2);
    assertEquals(2, tick.finished().size());
    Set<String> changed = new HashSet<>(tick.added());
    changed.addAll(tick.finished());
    awaitIds(changed, "the changed conversations");
    for (String id : tick.finished()) {
      RawRecord r = recent().stream().filter(x -> x.sourceId().equals(id)).findFirst().orElseThrow();
      assertTrue(r.payload().has("conversationEnd"), "ended conversation " + id + " arrives with its end");
      assertFalse(r.payload().path("derived").path("ongoing").asBoolean());
    }
    assertEquals(changed, ids(recent()), "nothing else");
  }

  @Test
  @Order(3)
  void restartFromTheCommittedCursorHasNoDuplicatesAndNoGaps() {
    hub.commitAllReceived();
    hub = hub.restart();
    mark = 0;
    quarantineMark = 0;
    TickReport tick = sim.tick(4, 1);
    Set<String> changed = new HashSet<>(tick.added());
    changed.addAll(tick.finished());
    hub.addInstance(INSTANCE, config(sim));
    awaitIds(changed, "the conversations changed while stopped");
    assertEquals(changed, ids(recent()));
    assertEquals(changed.size(), recent().size(), "no duplicates");
  }

  @Test
  @Order(4)
  void revokedTokenLeadsToANewLogin() {
    clearReceived();
    sim.tokens().revokeAll();
    TickReport tick = sim.tick(2, 0);
    awaitIds(new HashSet<>(tick.added()), "conversations after the token was revoked");
  }

  @Test
  @Order(5)
  void rateLimitsAndServerErrorsAreRetried() {
    clearReceived();
    sim.server().faults().rateLimit(2, Duration.ofSeconds(1));
    TickReport limited = sim.tick(2, 0);
    awaitIds(new HashSet<>(limited.added()), "conversations after 429s");
    sim.server().faults().serverErrors(2);
    TickReport failed = sim.tick(2, 0);
    awaitIds(new HashSet<>(failed.added()), "conversations after 500s");
    assertTrue(recentQuarantined().isEmpty());
  }

  @Test
  @Order(6)
  void truncatedPageIsQuarantinedAndTheConnectorGoesOn() {
    clearReceived();
    sim.server().faults().truncate(1);
    TickReport tick = sim.tick(3, 0);
    awaitIds(new HashSet<>(tick.added()), "conversations after a truncated page");
    assertEquals(1, recentQuarantined().size());
    ConnectorHarness.Quarantined q = recentQuarantined().get(0);
    assertEquals("genesys", q.system());
    assertEquals("conversations", q.stream());
    assertEquals(INSTANCE, q.connectorInstance());
    assertTrue(q.reason().contains("not valid JSON"), q.reason());
    assertTrue(q.body().startsWith("{"), "the raw body is kept");
  }

  @Test
  @Order(7)
  void checkPassesWithGoodCredentialsAndExplainsBadOnes() {
    GenesysConnector c = new GenesysConnector();
    assertEquals(CheckResult.passed(), c.check(c.configDef().parse("t", config(sim))));
    Map<String, Object> bad = config(sim);
    bad.put("clientSecret", "wrong-secret-value");
    CheckResult refused = c.check(c.configDef().parse("t", bad));
    assertFalse(refused.ok());
    assertTrue(refused.message().contains("invalid_client"), refused.message());
    assertFalse(refused.message().contains("wrong-secret-value"));
    Map<String, Object> unreachable = config(sim);
    unreachable.put("loginUrl", "http://127.0.0.1:1");
    unreachable.put("apiUrl", "http://127.0.0.1:1");
    CheckResult down = c.check(c.configDef().parse("t", unreachable));
    assertFalse(down.ok());
    assertTrue(down.message().contains("cannot reach"), down.message());
  }
}
