package io.cxhub.app;

import io.cxhub.simulator.billing.BillingSimulator;
import io.cxhub.store.EmbeddedPostgres;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's source systems: the bundled simulators, started for the hub to pull from, and the
 * variables ({@code ${env:NAME}} values) that point {@code routes/*.yaml} at them ({@code CXHUB_URL}
 * is the hub's own base URL, for webhook subscriptions). One method per system; each registers how
 * to stop what it started.
 */
final class DemoSources implements AutoCloseable {

  private final Map<String, String> variables = new LinkedHashMap<>();
  private final Deque<Runnable> stops = new ArrayDeque<>();

  /** Where the hub listens, for simulators that deliver webhooks to it. */
  private final URI hub;

  private DemoSources(URI hub) {
    this.hub = hub;
    variables.put("CXHUB_URL", hub.toString());
  }

  static DemoSources start(EmbeddedPostgres postgres, URI hub, PrintStream out) {
    DemoSources sources = new DemoSources(hub);
    try {
      sources.billing(postgres, out);
    } catch (RuntimeException e) {
      sources.close();
      throw e;
    }
    return sources;
  }

  /** Values for the {@code ${env:NAME}} placeholders of the demo's routes. */
  Map<String, String> variables() {
    return Map.copyOf(variables);
  }

  /** The billing database: a schema in the demo's PostgreSQL, changing every few seconds. */
  private void billing(EmbeddedPostgres postgres, PrintStream out) {
    postgres.createDatabaseIfMissing("billing");
    BillingSimulator billing = new BillingSimulator(postgres.jdbcUrl("billing"));
    if (billing.start()) {
      out.println("seeded the simulated billing database: " + billing.counts());
    }
    billing.startChanging(Duration.ofSeconds(5));
    stops.push(billing::stop);
    variables.put("BILLING_JDBC_URL", postgres.jdbcUrl("billing"));
  }

  /** Stops the simulators, last started first. */
  @Override
  public void close() {
    while (!stops.isEmpty()) {
      stops.pop().run();
    }
  }
}
