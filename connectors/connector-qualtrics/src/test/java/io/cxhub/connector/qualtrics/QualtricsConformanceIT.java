package io.cxhub.connector.qualtrics;

import io.cxhub.simulator.qualtrics.QualtricsSimulator;
import io.cxhub.spi.connector.Connector;
import io.cxhub.testkit.conformance.ConformanceSource;
import io.cxhub.testkit.conformance.ConnectorConformanceTest;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** The hub's conformance suite against the Qualtrics simulator (export path; webhooks off). */
class QualtricsConformanceIT extends ConnectorConformanceTest {

  private final QualtricsSimulator sim = new QualtricsSimulator(0, 20);

  @AfterAll
  void stopSimulator() {
    sim.close();
  }

  @Override
  protected Connector connector() {
    return new QualtricsConnector();
  }

  @Override
  protected Map<String, Object> validConfig() {
    return Map.of("baseUrl", sim.baseUri().toString(), "apiToken", sim.apiToken(),
        "surveyIds", String.join(",", sim.surveyIds()), "schedule", "0/1 * * * * ?", "settleTime", "1s");
  }

  @Override
  protected Map<String, Object> badCredentialsConfig() {
    Map<String, Object> c = new java.util.HashMap<>(validConfig());
    c.put("apiToken", "not-the-token-0000");
    return c;
  }

  @Override
  protected Map<String, Object> unreachableConfig() {
    Map<String, Object> c = new java.util.HashMap<>(validConfig());
    c.put("baseUrl", "http://127.0.0.1:1");
    return c;
  }

  @Override
  protected ConformanceSource source() {
    return ConformanceSource.of(
        () -> Map.of("responses", new HashSet<>(sim.responseIds())),
        () -> Map.of("responses", new HashSet<>(sim.tick(5))),
        sim.server().faults()::rateLimit, sim.server().faults()::serverErrors, sim.server().faults()::truncate);
  }
}
