package io.cxhub.simulator.billing;

import io.cxhub.simulator.people.People;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What the seeded data is a function of: the same options always seed the same rows.
 *
 * @param seed population and history seed (shared with the other simulators' {@code People})
 * @param customers how many customers to seed
 * @param anchor the seeded history ends on this day (exclusive); live changes happen after it
 */
public record BillingOptions(long seed, int customers, LocalDate anchor) {

  public BillingOptions {
    if (customers < 1) {
      throw new IllegalArgumentException("customers must be >= 1, was " + customers);
    }
  }

  /** {@link People#DEFAULT_SEED}, 3000 customers, history up to the first day of the current UTC month. */
  public static BillingOptions defaults() {
    return new BillingOptions(People.DEFAULT_SEED, 3000, LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1));
  }

  public BillingOptions withSeed(long value) {
    return new BillingOptions(value, customers, anchor);
  }

  public BillingOptions withCustomers(int value) {
    return new BillingOptions(seed, value, anchor);
  }

  public BillingOptions withAnchor(LocalDate value) {
    return new BillingOptions(seed, customers, value);
  }
}
