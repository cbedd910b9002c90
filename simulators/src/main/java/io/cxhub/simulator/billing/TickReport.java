package io.cxhub.simulator.billing;

/**
 * What one round of live changes did; every touched row got a new {@code updated_at}.
 * {@code paidInvoices} counts invoices whose paid amount a succeeded payment raised (fully or partly).
 */
public record TickReport(
    int newCustomers, int contactEdits, int newInvoices, int finalizedInvoices, int payments,
    int paidInvoices, int uncollectible) {

  /** Rows inserted or updated across all three tables (a row touched twice counts twice). */
  public int touched() {
    return newCustomers + contactEdits + newInvoices + finalizedInvoices + payments + paidInvoices + uncollectible;
  }
}
