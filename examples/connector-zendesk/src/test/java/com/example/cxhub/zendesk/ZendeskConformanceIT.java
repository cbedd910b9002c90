package com.example.cxhub.zendesk;

import com.example.cxhub.zendesk.sim.ZendeskSimulator;
import io.cxhub.spi.connector.Connector;
import io.cxhub.testkit.conformance.ConformanceSource;
import io.cxhub.testkit.conformance.ConnectorConformanceTest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The zendesk connector through the hub's conformance suite, against its simulator. */
class ZendeskConformanceIT extends ConnectorConformanceTest {

  private ZendeskSimulator zendesk;

  @BeforeAll
  void startSource() {
    zendesk = new ZendeskSimulator(400, 7);
  }

  @AfterAll
  void stopSource() {
    zendesk.close();
  }

  @Override
  protected Connector connector() {
    return new ZendeskConnector();
  }

  @Override
  protected Map<String, Object> validConfig() {
    // small pages, so that a read takes several requests and faults hit the middle of it
    return Map.of("baseUrl", zendesk.baseUrl(), "email", ZendeskSimulator.EMAIL, "apiToken", ZendeskSimulator.API_TOKEN,
        "perPage", "100", "schedule", "0/1 * * * * ?");
  }

  @Override
  protected Map<String, Object> badCredentialsConfig() {
    return Map.of("baseUrl", zendesk.baseUrl(), "email", ZendeskSimulator.EMAIL, "apiToken", "wrong-token-123");
  }

  @Override
  protected Map<String, Object> unreachableConfig() {
    return Map.of("baseUrl", "http://127.0.0.1:1", "email", ZendeskSimulator.EMAIL, "apiToken", ZendeskSimulator.API_TOKEN);
  }

  @Override
  protected ConformanceSource source() {
    return ConformanceSource.of(
        () -> Map.of("tickets", zendesk.ticketIds()),
        () -> Map.of("tickets", zendesk.tick()),
        zendesk.server().faults()::rateLimit, zendesk.server().faults()::serverErrors, zendesk.server().faults()::truncate);
  }
}
