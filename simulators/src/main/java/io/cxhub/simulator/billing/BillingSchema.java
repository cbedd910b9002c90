package io.cxhub.simulator.billing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** DDL of the simulated billing database; every statement is safe to run again. */
final class BillingSchema {

  static final String SCHEMA = "billing";

  private static final String[] DDL = {
    "create schema if not exists billing",
    """
    create table if not exists billing.customers (
      customer_id text primary key,
      email text,
      first_name text not null,
      last_name text not null,
      phone text,
      country char(2) not null,
      created_at timestamptz not null,
      updated_at timestamptz not null)""",
    """
    create table if not exists billing.invoices (
      invoice_id text primary key,
      customer_id text not null references billing.customers,
      number text not null,
      amount_due_cents bigint not null,
      amount_paid_cents bigint not null,
      currency char(3) not null check (currency in ('usd', 'eur', 'gbp')),
      status text not null check (status in ('draft', 'open', 'paid', 'void', 'uncollectible')),
      issued_on date not null,
      due_date date not null,
      paid_at timestamptz,
      updated_at timestamptz not null)""",
    """
    create table if not exists billing.payments (
      payment_id text primary key,
      invoice_id text not null references billing.invoices,
      customer_id text not null references billing.customers,
      amount_cents bigint not null,
      currency char(3) not null,
      method text not null check (method in ('card', 'ach', 'wire')),
      status text not null check (status in ('succeeded', 'failed', 'pending')),
      paid_at timestamptz not null,
      updated_at timestamptz not null)""",
    // incremental readers page on (updated_at, pk): these make each page an index range scan
    "create index if not exists customers_updated on billing.customers (updated_at, customer_id)",
    "create index if not exists invoices_updated on billing.invoices (updated_at, invoice_id)",
    "create index if not exists payments_updated on billing.payments (updated_at, payment_id)",
    "create index if not exists invoices_status on billing.invoices (status)",
  };

  private BillingSchema() {}

  static void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String ddl : DDL) {
        s.execute(ddl);
      }
    }
  }
}
