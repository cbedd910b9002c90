package io.cxhub.app;

import io.cxhub.simulator.billing.BillingSimulator;
import io.cxhub.simulator.genesys.GenesysSimulator;
import io.cxhub.simulator.qualtrics.QualtricsSimulator;
import io.cxhub.simulator.salesforce.SalesforceOptions;
import io.cxhub.simulator.salesforce.SalesforceSimulator;
import io.cxhub.simulator.stripe.StripeOptions;
import io.cxhub.simulator.stripe.StripeSimulator;
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
      sources.genesys(out);
      sources.qualtrics(out);
      sources.stripe(out);
      sources.salesforce(out);
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

  /** Genesys Cloud stand-in (routes/genesys.yaml): ~30 days of conversations, a few new ones every 5 s. */
  private void genesys(PrintStream out) {
    GenesysSimulator genesys = GenesysSimulator.start();
    stops.push(genesys::close);
    genesys.startChanging(Duration.ofSeconds(5));
    out.println("simulated Genesys Cloud on " + genesys.apiUri() + ": " + genesys.conversationIds().size() + " conversations");
    variables.put("GENESYS_LOGIN_URL", genesys.loginUri().toString());
    variables.put("GENESYS_API_URL", genesys.apiUri().toString());
    variables.put("GENESYS_CLIENT_ID", genesys.clientId());
    variables.put("GENESYS_CLIENT_SECRET", genesys.clientSecret());
  }

  /**
   * Salesforce org stand-in (routes/salesforce.yaml): 3000 contacts (persons 500..3499), their
   * accounts, cases and opportunities; contacts edit their details and new cases arrive every 5 s.
   */
  private void salesforce(PrintStream out) {
    SalesforceSimulator salesforce = SalesforceSimulator.start(SalesforceOptions.defaults());
    stops.push(salesforce::close);
    salesforce.startChanging(Duration.ofSeconds(5));
    out.println("simulated Salesforce org on " + salesforce.baseUri() + ": " + salesforce.ids("Contact").size()
        + " contacts, " + salesforce.ids("Case").size() + " cases");
    SalesforceOptions o = salesforce.options();
    variables.put("SALESFORCE_LOGIN_URL", salesforce.baseUri().toString());
    variables.put("SALESFORCE_CLIENT_ID", o.clientId());
    variables.put("SALESFORCE_CLIENT_SECRET", o.clientSecret());
    variables.put("SALESFORCE_USERNAME", o.username());
    variables.put("SALESFORCE_PASSWORD", o.password());
  }

  /**
   * Qualtrics: three surveys, 1800 responses over 90 days, a few new ones every 5 s, announced by
   * webhook to {@code CXHUB_URL/webhooks/qualtrics/qualtrics-main} once the connector subscribed.
   */
  private void qualtrics(PrintStream out) {
    QualtricsSimulator qualtrics = new QualtricsSimulator(0, 600);
    stops.push(qualtrics::close);
    qualtrics.startChanging(Duration.ofSeconds(5));
    out.println("simulated Qualtrics at " + qualtrics.baseUri() + ": " + qualtrics.size() + " responses");
    variables.put("QUALTRICS_BASE_URL", qualtrics.baseUri().toString());
    variables.put("QUALTRICS_API_TOKEN", qualtrics.apiToken());
    variables.put("QUALTRICS_SURVEY_IDS", String.join(",", qualtrics.surveyIds()));
    variables.put("QUALTRICS_WEBHOOK_KEY", "demo-webhook-key-" + Long.toHexString(System.nanoTime()));
  }

  /**
   * Stripe: the simulated API with persons 2000..3999, a few changes every few seconds, each
   * change's events also POSTed, signed, to the hub's webhook endpoint of instance stripe-main.
   */
  private void stripe(PrintStream out) {
    StripeSimulator stripe = StripeSimulator.start(StripeOptions.defaults());
    stops.push(stripe::close);
    String secret = "whsec_demo" + java.util.UUID.randomUUID().toString().replace("-", "");
    stripe.webhook(hub.resolve("/webhooks/stripe/stripe-main"), secret);
    stripe.startChanging(Duration.ofSeconds(5));
    out.println("simulated Stripe API at " + stripe.baseUri() + ": " + stripe.counts());
    variables.put("STRIPE_API_BASE", stripe.baseUri().toString());
    variables.put("STRIPE_API_KEY", stripe.apiKey());
    variables.put("STRIPE_WEBHOOK_SECRET", secret);
  }

  /** Stops the simulators, last started first. */
  @Override
  public void close() {
    while (!stops.isEmpty()) {
      stops.pop().run();
    }
  }
}
