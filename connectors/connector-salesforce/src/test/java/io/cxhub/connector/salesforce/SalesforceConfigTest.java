package io.cxhub.connector.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.simulator.salesforce.SalesforceOptions;
import io.cxhub.simulator.salesforce.SalesforceSimulator;
import io.cxhub.spi.config.ConfigException;
import io.cxhub.spi.connector.CheckResult;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options, defaults, the check of both OAuth flows, and the cursor's tie handling. */
class SalesforceConfigTest {

  private final SalesforceConnector connector = new SalesforceConnector();

  @Test
  void defaultsAndSecrets() {
    var c = connector.configDef().parse("t", Map.of("clientId", "id", "clientSecret", "s", "userName", "u", "password", "p"));
    SalesforceSettings s = SalesforceSettings.of(c);
    assertEquals("https://login.salesforce.com", s.loginUrl());
    assertEquals("USERNAME_PASSWORD", s.authenticationType());
    assertEquals("62.0", s.apiVersion());
    assertEquals(List.of("contacts", "accounts", "cases", "opportunities"), s.streams());
    assertEquals("salesforce", s.system());
    assertFalse(s.toString().contains("=s,") || s.toString().contains("p]"), s.toString());
    assertTrue(connector.configDef().option("clientSecret").orElseThrow().secret());
    assertTrue(connector.configDef().option("password").orElseThrow().secret());
  }

  @Test
  void badValuesAreNamed() {
    Map<String, Object> bad = new HashMap<>(Map.of("clientId", "id", "clientSecret", "s", "authenticationType", "JWT",
        "streams", "contacts,leads", "apiVersion", "v62"));
    try {
      connector.configDef().parse("t", bad);
    } catch (ConfigException e) {
      assertTrue(e.getMessage().contains("authenticationType") && e.getMessage().contains("JWT"), e.getMessage());
      assertTrue(e.getMessage().contains("streams") && e.getMessage().contains("leads"), e.getMessage());
      assertTrue(e.getMessage().contains("apiVersion"), e.getMessage());
      return;
    }
    throw new AssertionError("accepted " + bad);
  }

  @Test
  void theCheckLogsInWithEitherFlowAndSaysWhyItCannot() {
    try (SalesforceSimulator sim = SalesforceSimulator.start(SalesforceOptions.defaults().withContacts(10, 2))) {
      SalesforceOptions o = sim.options();
      Map<String, Object> cc = Map.of("loginUrl", sim.baseUri().toString(), "authenticationType", "CLIENT_CREDENTIALS",
          "clientId", o.clientId(), "clientSecret", o.clientSecret());
      assertEquals(CheckResult.passed(), connector.check(connector.configDef().parse("t", cc)));

      Map<String, Object> noUser = new HashMap<>(cc);
      noUser.put("authenticationType", "USERNAME_PASSWORD");
      CheckResult r = connector.check(connector.configDef().parse("t", noUser));
      assertFalse(r.ok());
      assertTrue(r.message().contains("userName is required"), r.message());

      Map<String, Object> wrongSecret = new HashMap<>(cc);
      wrongSecret.put("clientSecret", "not-the-secret");
      r = connector.check(connector.configDef().parse("t", wrongSecret));
      assertFalse(r.ok());
      assertTrue(r.message().contains("invalid_client_id"), r.message());
      assertFalse(r.message().contains("not-the-secret"), r.message());
    }
  }

  @Test
  void theCursorSkipsWhatItCoversAtItsOwnStamp() {
    Instant t = Instant.parse("2024-06-03T07:30:00Z");
    Cursor c = Cursor.parse("2024-06-03T07:30:00.000Z|0038d000000Cgc5AAC");
    assertEquals(t, c.stamp());
    assertEquals("2024-06-03T07:30:00.000Z|0038d000000Cgc5AAC", c.toString());
    assertEquals(" WHERE SystemModstamp >= 2024-06-03T07:30:00.000Z", c.soqlCondition());
    assertTrue(c.covers(t, "0038d000000Cgc5AAC"));
    assertTrue(c.covers(t, "0038d000000Cgc4AAC"));
    assertFalse(c.covers(t, "0038d000000Cgc6AAC"));
    assertTrue(c.covers(t.minusMillis(1), "0038d000000ZZZZAAC"));
    assertFalse(c.covers(t.plusMillis(1), "0038d000000000AAAA"));
    assertEquals(Instant.parse("2026-11-20T08:15:00Z"), Cursor.apiTimestamp("2026-11-20T08:15:00.000+0000"));
    assertEquals("", Cursor.START.soqlCondition());
  }
}
