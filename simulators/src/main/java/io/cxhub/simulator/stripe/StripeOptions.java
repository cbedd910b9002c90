package io.cxhub.simulator.stripe;

import io.cxhub.simulator.people.People;
import java.time.Instant;

/**
 * What the Stripe simulator seeds. Everything seeded is a pure function of these options.
 *
 * @param seed population and data seed
 * @param firstPerson index of the first person of the shared population who is a Stripe customer
 * @param customers how many consecutive persons are customers
 * @param anchor the seeded history ends here; live changes happen at the wall-clock time
 * @param apiKey the one secret key the API accepts
 */
public record StripeOptions(long seed, int firstPerson, int customers, Instant anchor, String apiKey) {

  public static final String DEFAULT_API_KEY = "sk_test_cxhubSimulatorKey4242";

  /** Persons 2000..3999 of {@link People#DEFAULT_SEED}, history up to 2026-01-01. */
  public static StripeOptions defaults() {
    return new StripeOptions(People.DEFAULT_SEED, 2000, 2000, Instant.parse("2026-01-01T00:00:00Z"), DEFAULT_API_KEY);
  }

  public StripeOptions withCustomers(int count) {
    return new StripeOptions(seed, firstPerson, count, anchor, apiKey);
  }

  public StripeOptions withApiKey(String key) {
    return new StripeOptions(seed, firstPerson, customers, anchor, key);
  }

  public StripeOptions withAnchor(Instant at) {
    return new StripeOptions(seed, firstPerson, customers, at, apiKey);
  }
}
