package com.example.cxhub.zendesk;

import com.example.cxhub.zendesk.sim.ZendeskSimulator;
import io.cxhub.spi.connector.Connector;
import io.cxhub.testkit.conformance.ConformanceSource;
import io.cxhub.testkit.conformance.ConnectorConformanceTest;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
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
    return new ConformanceSource() {
      @Override
      public Map<String, Set<String>> contents() {
        return Map.of("tickets", zendesk.ticketIds());
      }

      @Override
      public Map<String, Set<String>> change() {
        return Map.of("tickets", zendesk.tick());
      }

      @Override
      public void rateLimitNext(int requests, Duration retryAfter) {
        zendesk.server().faults().rateLimit(requests, retryAfter);
      }

      @Override
      public void serverErrorsNext(int requests) {
        zendesk.server().faults().serverErrors(requests);
      }

      @Override
      public void truncateNext(int responses) {
        zendesk.server().faults().truncate(responses);
      }
    };
  }
}
