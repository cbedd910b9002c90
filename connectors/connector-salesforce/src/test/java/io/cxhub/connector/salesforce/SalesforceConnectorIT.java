package io.cxhub.connector.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connector against the Salesforce simulator over loopback, through camel-salesforce. */
class SalesforceConnectorIT {

  static final Duration WAIT = Duration.ofSeconds(30);
  static SalesforceSimulator sim;
  static ConnectorHarness hub;

  @BeforeAll
  static void start() {
    sim = SalesforceSimulator.start(SalesforceOptions.defaults().withContacts(600, 60).withPageSize(150));
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
    hub.removeInstance(instance);
    assertEquals(contacts.size(), of(instance, "contacts").size(), "each contact once");
    assertEquals(cases.size(), of(instance, "cases").size(), "each case once");
    RawRecord c = of(instance, "contacts").get(0);
    assertFalse(c.payload().has("attributes"));
    assertTrue(c.payload().has("Email"));
    assertTrue(c.cursor().contains("|003"), c.cursor());
  }

  static List<RawRecord> of(String instance, String stream) {
    return hub.records(stream).stream().filter(r -> r.connectorInstance().equals(instance)).toList();
  }
}
