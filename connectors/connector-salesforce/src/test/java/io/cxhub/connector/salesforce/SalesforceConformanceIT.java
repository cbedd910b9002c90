package io.cxhub.connector.salesforce;

import io.cxhub.simulator.salesforce.SalesforceOptions;
import io.cxhub.simulator.salesforce.SalesforceSimulator;
import io.cxhub.spi.connector.Connector;
import io.cxhub.testkit.conformance.ConformanceSource;
import io.cxhub.testkit.conformance.ConnectorConformanceTest;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The salesforce connector against the conformance suite, on the Salesforce simulator. */
class SalesforceConformanceIT extends ConnectorConformanceTest {

  private static final Map<String, String> STREAMS =
      Map.of("Contact", "contacts", "Account", "accounts", "Case", "cases", "Opportunity", "opportunities");

  private SalesforceSimulator sim;

  @BeforeAll
  void startSource() {
    sim = SalesforceSimulator.start(SalesforceOptions.defaults().withContacts(200, 20).withPageSize(100));
  }

  @AfterAll
  void stopSource() {
    sim.close();
  }

  @Override
  protected Connector connector() {
    return new SalesforceConnector();
  }

  @Override
  protected Map<String, Object> validConfig() {
    SalesforceOptions o = sim.options();
    Map<String, Object> p = new HashMap<>();
    p.put("loginUrl", sim.baseUri().toString());
    p.put("clientId", o.clientId());
    p.put("clientSecret", o.clientSecret());
    p.put("userName", o.username());
    p.put("password", o.password());
    p.put("schedule", "0/1 * * * * ?");
    return p;
  }

  @Override
  protected Map<String, Object> badCredentialsConfig() {
    Map<String, Object> p = validConfig();
    p.put("password", "not-the-password");
    return p;
  }

  @Override
  protected Map<String, Object> unreachableConfig() {
    Map<String, Object> p = validConfig();
    p.put("loginUrl", "http://127.0.0.1:1");
    return p;
  }

  @Override
  protected ConformanceSource source() {
    return ConformanceSource.of(
        () -> {
          Map<String, Set<String>> out = new HashMap<>();
          STREAMS.forEach((type, stream) -> out.put(stream, sim.ids(type)));
          return out;
        },
        () -> {
          Map<String, Set<String>> out = new HashMap<>();
          sim.tick().forEach((type, ids) -> out.put(STREAMS.get(type), ids));
          return out;
        },
        sim.faults()::rateLimit, sim.faults()::serverErrors, sim.faults()::truncate);
  }
}
