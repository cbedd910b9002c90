package io.cxhub.connector.stripe;

import io.cxhub.simulator.stripe.StripeOptions;
import io.cxhub.simulator.stripe.StripeSimulator;
import io.cxhub.spi.connector.Connector;
import io.cxhub.testkit.conformance.ConformanceSource;
import io.cxhub.testkit.conformance.ConnectorConformanceTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The Stripe connector against the conformance suite, reading the Stripe simulator over loopback HTTP. */
class StripeConformanceIT extends ConnectorConformanceTest {

  private StripeSimulator simulator;

  @BeforeAll
  void startSource() {
    simulator = StripeSimulator.start(StripeOptions.defaults().withCustomers(80));
  }

  @AfterAll
  void stopSource() {
    simulator.close();
  }

  @Override
  protected Connector connector() {
    return new StripeConnector();
  }

  @Override
  protected Map<String, Object> validConfig() {
    return Map.of("apiBase", simulator.baseUri().toString(), "apiKey", simulator.apiKey(),
        "schedule", "0/1 * * * * ?", "pageSize", "40");
  }

  @Override
  protected Map<String, Object> badCredentialsConfig() {
    Map<String, Object> c = new HashMap<>(validConfig());
    c.put("apiKey", "sk_test_wrongKeyForTheConformanceSuite9876");
    return c;
  }

  @Override
  protected Map<String, Object> unreachableConfig() {
    Map<String, Object> c = new HashMap<>(validConfig());
    c.put("apiBase", "http://127.0.0.1:1");
    return c;
  }

  @Override
  protected ConformanceSource source() {
    return ConformanceSource.of(
        () -> simulator.contents(),
        () -> simulator.tick(8),
        simulator.faults()::rateLimit, simulator.faults()::serverErrors, simulator.faults()::truncate);
  }
}
