package io.cxhub.connector.genesys;

import io.cxhub.simulator.genesys.GenesysOptions;
import io.cxhub.simulator.genesys.GenesysSimulator;
import io.cxhub.simulator.genesys.TickReport;
import io.cxhub.spi.connector.Connector;
import io.cxhub.testkit.conformance.ConformanceSource;
import io.cxhub.testkit.conformance.ConnectorConformanceTest;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;

/** The shared connector conformance suite against the Genesys simulator. */
class GenesysConformanceIT extends ConnectorConformanceTest {

  private static final GenesysSimulator SIM = GenesysSimulator.start(GenesysOptions.defaults().withConversations(300), 0);

  @AfterAll
  static void stopSimulator() {
    SIM.close();
  }

  @Override
  protected Connector connector() {
    return new GenesysConnector();
  }

  @Override
  protected Map<String, Object> validConfig() {
    return GenesysConnectorIT.config(SIM);
  }

  @Override
  protected Map<String, Object> badCredentialsConfig() {
    Map<String, Object> c = validConfig();
    c.put("clientSecret", "not-the-secret");
    return c;
  }

  @Override
  protected Map<String, Object> unreachableConfig() {
    Map<String, Object> c = validConfig();
    c.put("loginUrl", "http://127.0.0.1:1");
    c.put("apiUrl", "http://127.0.0.1:1");
    return c;
  }

  @Override
  protected ConformanceSource source() {
    return ConformanceSource.of(
        () -> Map.of("conversations", SIM.conversationIds()),
        () -> {
          TickReport t = SIM.tick(3, 2);
          Set<String> ids = new HashSet<>(t.added());
          ids.addAll(t.finished());
          return Map.of("conversations", ids);
        },
        SIM.server().faults()::rateLimit, SIM.server().faults()::serverErrors, SIM.server().faults()::truncate);
  }
}
