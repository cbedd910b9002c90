package io.cxhub.connector.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.simulator.salesforce.SalesforceOptions;
import io.cxhub.simulator.salesforce.SalesforceSimulator;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.testkit.ConnectorHarness;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connector against the Salesforce simulator over loopback, through camel-salesforce. */
class SalesforceConnectorIT {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final ObjectMapper JSON = new ObjectMapper();
  static SalesforceSimulator sim;
  static ConnectorHarness hub;

  @BeforeAll
  static void start() {
    sim = SalesforceSimulator.start(SalesforceOptions.defaults().withContacts(300, 30).withPageSize(80));
    hub = new ConnectorHarness(new SalesforceConnector());
  }

  @AfterAll
  static void stop() {
    hub.close();
    sim.close();
  }

  @AfterEach
  void clear() {
    sim.faults().clear();
  }

  static Map<String, Object> config(String streams) {
    Map<String, Object> p = new HashMap<>();
    SalesforceOptions o = sim.options();
    p.put("loginUrl", sim.baseUri().toString());
    p.put("clientId", o.clientId());
    p.put("clientSecret", o.clientSecret());
    p.put("userName", o.username());
    p.put("password", o.password());
    p.put("streams", streams);
    p.put("schedule", "0/1 * * * * ?");
    return p;
  }

  static Set<String> ids(List<RawRecord> records) {
    return records.stream().map(RawRecord::sourceId).collect(Collectors.toSet());
  }

  @Test
  void fullReadFollowsNextRecordsUrlAndReturnsEveryRecordOnce() {
    String instance = "sf-full";
    hub.addInstance(instance, config("contacts,cases"));
    Set<String> contacts = sim.ids("Contact");
    Set<String> cases = sim.ids("Case");
    ConnectorHarness.await(WAIT, () -> ids(of(instance, "contacts")).containsAll(contacts)
        && ids(of(instance, "cases")).containsAll(cases), "every contact and case");
    stop(instance);
    assertEquals(contacts.size(), of(instance, "contacts").size(), "each contact once");
    assertEquals(cases.size(), of(instance, "cases").size(), "each case once");
    RawRecord c = of(instance, "contacts").get(0);
    assertFalse(c.payload().has("attributes"));
    assertTrue(c.payload().has("Email"));
    assertTrue(c.cursor().contains("|003"), c.cursor());
  }

  @Test
  void incrementalReadAfterATickReturnsExactlyTheChangedRecords() {
    String instance = "sf-incr";
    hub.addInstance(instance, config("contacts,cases,accounts"));
    ConnectorHarness.await(WAIT, () -> ids(of(instance, "contacts")).containsAll(sim.ids("Contact"))
        && ids(of(instance, "cases")).containsAll(sim.ids("Case"))
        && ids(of(instance, "accounts")).containsAll(sim.ids("Account")), "the full read");
    int before = hub.records().size();
    Map<String, Set<String>> changed = sim.tick();
    ConnectorHarness.await(WAIT, () -> ids(of(instance, "contacts")).size() >= 0
        && hub.records().stream().skip(before).map(RawRecord::sourceId).collect(Collectors.toSet())
            .containsAll(changed.values().stream().flatMap(Set::stream).filter(id -> !id.startsWith("006")).toList()),
        "the changed records " + changed);
    stop(instance);
    List<RawRecord> after = hub.records().stream().skip(before).filter(r -> r.connectorInstance().equals(instance)).toList();
    Set<String> expected = new HashSet<>();
    changed.forEach((type, idSet) -> {
      if (!type.equals("Opportunity")) {
        expected.addAll(idSet);
      }
    });
    assertEquals(expected, ids(after), "an incremental read returns exactly the changed records");
    assertEquals(expected.size(), after.size(), "each once");
  }

  @Test
  void restartFromACommittedCursorInsideATieNeitherRepeatsNorSkips() {
    // the first contacts all share one SystemModstamp (a data load); commit a cursor in the middle of them
    String first = "sf-tie-1";
    hub.addInstance(first, config("contacts"));
    ConnectorHarness.await(WAIT, () -> ids(of(first, "contacts")).containsAll(sim.ids("Contact")), "every contact");
    stop(first);
    List<RawRecord> all = of(first, "contacts");
    RawRecord middle = all.get(all.size() / 4);
    String stamp = middle.cursor().substring(0, middle.cursor().indexOf('|'));
    long tied = all.stream().filter(r -> r.cursor().startsWith(stamp + "|")).count();
    assertTrue(tied > 20, "the cut is inside a group of records with one stamp (" + tied + ")");

    String second = "sf-tie-2";
    hub.commit(second, "contacts", middle.cursor());
    hub.addInstance(second, config("contacts"));
    Set<String> rest = ids(all.subList(all.size() / 4 + 1, all.size()));
    ConnectorHarness.await(WAIT, () -> ids(of(second, "contacts")).containsAll(rest), "the contacts after the cursor");
    stop(second);
    assertEquals(rest, ids(of(second, "contacts")), "exactly the records after the committed cursor");
    assertEquals(rest.size(), of(second, "contacts").size(), "each once");
  }

  @Test
  void anExpiredSessionLogsInAgain() {
    String instance = "sf-relogin";
    hub.addInstance(instance, config("accounts"));
    ConnectorHarness.await(WAIT, () -> ids(of(instance, "accounts")).containsAll(sim.ids("Account")), "accounts");
    sim.expireTokens();
    Map<String, Set<String>> changed;
    do {
      changed = sim.tick();
    } while (!changed.containsKey("Account"));
    Set<String> account = changed.get("Account");
    int seen = of(instance, "accounts").size();
    ConnectorHarness.await(WAIT, () -> of(instance, "accounts").size() > seen
        && ids(of(instance, "accounts").subList(seen, of(instance, "accounts").size())).containsAll(account),
        "the changed account, read with a new session");
    stop(instance);
  }

  @Test
  void aRefusedLoginIsNotHammered() throws InterruptedException {
    Map<String, Object> p = config("contacts");
    p.put("password", "not-the-password");
    long before = sim.server().requests();
    hub.addInstance("sf-refused", p);
    ConnectorHarness.await(WAIT, () -> sim.server().requests() > before, "a login attempt");
    Thread.sleep(3000); // polls every second; after a refused login the next attempts wait 5 s, 10 s, ...
    stop("sf-refused");
    assertTrue(sim.server().requests() - before <= 2, "login attempts: " + (sim.server().requests() - before));
    assertTrue(of("sf-refused", "contacts").isEmpty());
  }

  @Test
  void rateLimitsAndServerErrorsAreRetried() {
    sim.faults().rateLimit(2, Duration.ofMillis(200)).serverErrors(2);
    String instance = "sf-faults";
    hub.addInstance(instance, config("contacts"));
    ConnectorHarness.await(WAIT, () -> ids(of(instance, "contacts")).containsAll(sim.ids("Contact")), "every contact");
    stop(instance);
    assertEquals(sim.ids("Contact").size(), of(instance, "contacts").size(), "each contact once");
    assertTrue(sim.faults().injected() >= 4);
  }

  @Test
  void aTruncatedPageGoesToQuarantineAndTheReadGoesOn() {
    String instance = "sf-truncated";
    long injected = sim.faults().injected();
    sim.faults().truncate(2);
    hub.addInstance(instance, config("contacts"));
    ConnectorHarness.await(WAIT, () -> ids(of(instance, "contacts")).containsAll(sim.ids("Contact")), "every contact");
    stop(instance);
    assertEquals(injected + 2, sim.faults().injected());
    List<ConnectorHarness.Quarantined> q = hub.quarantined().stream()
        .filter(x -> instance.equals(x.connectorInstance())).toList();
    assertEquals(2, q.size(), "both truncated answers (the describe, then the describe asked again)");
    for (ConnectorHarness.Quarantined one : q) {
      assertEquals("contacts", one.stream());
      assertEquals("salesforce", one.system());
      assertTrue(one.reason().startsWith("unparseable describe answer of Contact: "), one.reason());
      assertTrue(one.body().startsWith("{\"name\":\"Contact\""), one.body());
    }
    assertEquals(sim.ids("Contact").size(), of(instance, "contacts").size(), "each contact once");
  }

  @Test
  void aTruncatedQueryPageGoesToQuarantineAndIsAskedForAgain() {
    String instance = "sf-truncated-page";
    sim.truncateQueryPages(1);
    hub.addInstance(instance, config("accounts"));
    ConnectorHarness.await(WAIT, () -> ids(of(instance, "accounts")).containsAll(sim.ids("Account")), "accounts");
    stop(instance);
    List<ConnectorHarness.Quarantined> q = hub.quarantined().stream()
        .filter(x -> instance.equals(x.connectorInstance())).toList();
    assertEquals(1, q.size());
    assertTrue(q.get(0).reason().startsWith("unparseable query page of Account: "), q.get(0).reason());
    assertTrue(q.get(0).body().startsWith("{\"totalSize\":30,\"done\":true,\"records\":[{"), q.get(0).body());
    assertEquals(sim.ids("Account").size(), of(instance, "accounts").size(), "each account once");
  }

  @Test
  void aRenamedFieldArrivesUnderItsNewNameInsteadOfFailingTheQuery() {
    String instance = "sf-drift";
    hub.addInstance(instance, config("accounts"));
    ConnectorHarness.await(WAIT, () -> ids(of(instance, "accounts")).containsAll(sim.ids("Account")), "accounts");
    sim.setFormat("rename_phone", true);
    try {
      Map<String, Set<String>> changed;
      do {
        changed = sim.tick();
      } while (!changed.containsKey("Account"));
      String account = changed.get("Account").iterator().next();
      ConnectorHarness.await(WAIT, () -> of(instance, "accounts").stream()
          .anyMatch(r -> r.sourceId().equals(account) && r.payload().has("Phone__c")), "the account with Phone__c");
      RawRecord drifted = of(instance, "accounts").stream().filter(r -> r.payload().has("Phone__c")).findFirst().orElseThrow();
      assertFalse(drifted.payload().has("Phone"));
    } finally {
      sim.setFormat("rename_phone", false);
      stop(instance);
    }
  }

  @Test
  void writeBackCreatesATaskAndUpdatesAContact() throws Exception {
    Map<String, Object> p = config("contacts");
    p.remove("streams");
    p.remove("schedule");
    p.put("instance", "sf-writeback");
    TemplatedRouteBuilder.builder(hub.context(), SalesforceConnector.WRITEBACK_TEMPLATE_ID).routeId("sf-writeback")
        .parameters(p).add();
    String endpoint = SalesforceConnector.WRITEBACK_ENDPOINT_PREFIX + "sf-writeback";
    String contactId = sim.ids("Contact").iterator().next();
    ProducerTemplate producer = hub.context().createProducerTemplate();

    JsonNode reply = JSON.readTree(producer.requestBody(endpoint, "{\"action\":\"createTask\",\"contactId\":\"" + contactId
        + "\",\"subject\":\"Call back about your refund\",\"dueDate\":\"2026-12-01\",\"priority\":\"High\"}",
        String.class));
    assertTrue(reply.path("success").asBoolean(), reply.toString());
    String taskId = reply.path("id").asText();
    assertTrue(taskId.startsWith("00T") && taskId.length() == 18, taskId);
    SalesforceSimulator.Created task = sim.created().stream().filter(c -> c.id().equals(taskId)).findFirst().orElseThrow();
    assertEquals("Task", task.type());
    assertEquals(contactId, task.fields().get("WhoId"));
    assertEquals("Call back about your refund", task.fields().get("Subject"));
    assertEquals("2026-12-01", task.fields().get("ActivityDate"));
    assertEquals("High", task.fields().get("Priority"));
    assertEquals("Not Started", task.fields().get("Status"));

    reply = JSON.readTree(producer.requestBody(endpoint, Map.of("action", "updateContact", "contactId", contactId,
        "fields", Map.of("Description", "Prefers e-mail; churn risk high")), String.class));
    assertTrue(reply.path("success").asBoolean(), reply.toString());
    assertEquals("Prefers e-mail; churn risk high", sim.record("Contact", contactId).get("Description"));

    // Salesforce rejects an unknown field: the caller gets camel-salesforce's exception with the error code
    CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> producer.requestBody(endpoint,
        Map.of("action", "updateContact", "contactId", contactId, "fields", Map.of("NoSuchField__c", "x"))));
    SalesforceException cause = (SalesforceException) e.getCause();
    assertEquals(400, cause.getStatusCode());
    assertEquals("INVALID_FIELD", cause.getErrors().get(0).getErrorCode());
    hub.context().getRouteController().stopRoute("sf-writeback");
    hub.context().removeRoute("sf-writeback");
  }

  /** Stops and removes an instance, as a hub shutdown would; its committed cursors stay. */
  static void stop(String instance) {
    try {
      hub.context().getRouteController().stopRoute(instance);
      hub.context().removeRoute(instance);
    } catch (Exception e) {
      throw new IllegalStateException("cannot remove instance " + instance, e);
    }
  }

  static List<RawRecord> of(String instance, String stream) {
    return hub.records(stream).stream().filter(r -> r.connectorInstance().equals(instance)).toList();
  }
}
