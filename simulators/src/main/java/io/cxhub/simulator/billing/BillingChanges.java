package io.cxhub.simulator.billing;

import io.cxhub.simulator.people.People;
import io.cxhub.simulator.people.Person;
import io.cxhub.simulator.people.Rendering;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One round of what a live billing system does: sign-ups, contact edits, invoices drafted and
 * finalized, payments arriving (full, partial, failed, pending and later settled), write-offs.
 *
 * <p>Why readers never miss a row: every change sets {@code updated_at = clock_timestamp()} and the
 * simulator is the only writer, running one round per transaction on one thread. A transaction's
 * timestamps therefore all precede the next transaction's, and a reader paging on
 * {@code (updated_at, pk)} sees each round either entirely or not at all. (Against a real billing
 * database with concurrent writers the connector's settle time covers the remaining gap.)
 */
final class BillingChanges {

  private final People people;
  private final Random random;
  private int nextPerson;
  private long invoiceSeq;
  private long paymentSeq;

  BillingChanges(People people, long seed) {
    this.people = people;
    this.random = new Random(seed ^ 0x5DEECE66DL);
  }

  /** Continues the id sequences from what is in the database. */
  void resume(Connection c) throws SQLException {
    nextPerson = (int) max(c, "select max(substr(customer_id, 5)::int) from billing.customers");
    invoiceSeq = max(c, "select max(substr(invoice_id, 4)::bigint) from billing.invoices");
    paymentSeq = max(c, "select max(substr(payment_id, 4)::bigint) from billing.payments");
  }

  /** Runs one round in the caller's transaction. */
  TickReport apply(Connection c) throws SQLException {
    int finalized = update(c, "update billing.invoices set status = 'open', updated_at = clock_timestamp() "
        + "where status = 'draft'");
    int newCustomers = newCustomers(c, random.nextInt(3));
    int edits = contactEdits(c, random.nextInt(3));
    int newInvoices = newInvoices(c, 1 + random.nextInt(4));
    int[] settled = settlePending(c);
    int[] paid = payOpenInvoices(c, 1 + random.nextInt(5));
    int writtenOff = update(c, "update billing.invoices set status = 'uncollectible', updated_at = clock_timestamp() "
        + "where invoice_id in (select invoice_id from billing.invoices where status = 'open' "
        + "and due_date < current_date - 60 order by due_date, invoice_id limit 2)");
    return new TickReport(newCustomers, edits, newInvoices, finalized, settled[0] + paid[0], settled[1] + paid[1],
        writtenOff);
  }

  private int newCustomers(Connection c, int n) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into billing.customers values "
        + "(?,?,?,?,?,?,clock_timestamp(),clock_timestamp())")) {
      for (int i = 0; i < n; i++) {
        Person p = people.person(nextPerson++);
        Rendering shown = people.rendering(p, "billing");
        ps.setString(1, Ids.customer(p.index()));
        ps.setString(2, shown.email());
        ps.setString(3, p.firstName());
        ps.setString(4, p.lastName());
        ps.setString(5, shown.phone());
        ps.setString(6, p.country());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return n;
  }

  private int contactEdits(Connection c, int n) throws SQLException {
    List<String> ids = randomIds(c, "select customer_id from billing.customers order by random() limit " + n);
    try (PreparedStatement ps = c.prepareStatement("update billing.customers set email = ?, phone = ?, "
        + "updated_at = clock_timestamp() where customer_id = ?")) {
      for (String id : ids) {
        Person p = people.person(Integer.parseInt(id.substring(4)) - 1);
        Rendering shown = people.rendering(p, "billing", 1 + random.nextInt(1000));
        ps.setString(1, shown.email());
        ps.setString(2, shown.phone());
        ps.setString(3, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return ids.size();
  }

  private int newInvoices(Connection c, int n) throws SQLException {
    List<String> ids = randomIds(c, "select customer_id from billing.customers order by random() limit " + n);
    try (PreparedStatement ps = c.prepareStatement("insert into billing.invoices select ?, c.customer_id, "
        + "substr(c.customer_id, 5) || '-' || lpad((select count(*) + 1 from billing.invoices x "
        + "where x.customer_id = c.customer_id)::text, 4, '0'), ?, 0, "
        + "case country when 'GB' then 'gbp' when 'DE' then 'eur' else 'usd' end, 'draft', current_date, "
        + "current_date + 14, null, clock_timestamp() from billing.customers c where c.customer_id = ?")) {
      for (String id : ids) {
        ps.setString(1, Ids.invoice(++invoiceSeq));
        ps.setLong(2, 1900 + 100L * random.nextInt(480));
        ps.setString(3, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return ids.size();
  }

  /** Pending payments from earlier rounds succeed (mostly) or fail. Returns {payments, paid invoices}. */
  private int[] settlePending(Connection c) throws SQLException {
    List<String> pending = randomIds(c, "select payment_id from billing.payments where status = 'pending' "
        + "order by updated_at, payment_id limit 5");
    int paid = 0;
    for (String id : pending) {
      boolean ok = random.nextInt(10) < 8;
      update(c, "update billing.payments set status = '" + (ok ? "succeeded" : "failed")
          + "', updated_at = clock_timestamp() where payment_id = '" + id + "'");
      if (ok) {
        paid += update(c, "update billing.invoices i set amount_paid_cents = i.amount_paid_cents + p.amount_cents, "
            + "status = case when i.amount_paid_cents + p.amount_cents >= i.amount_due_cents then 'paid' "
            + "else i.status end, paid_at = case when i.amount_paid_cents + p.amount_cents >= i.amount_due_cents "
            + "then clock_timestamp() else i.paid_at end, updated_at = clock_timestamp() from billing.payments p "
            + "where p.payment_id = '" + id + "' and i.invoice_id = p.invoice_id");
      }
    }
    return new int[] {pending.size(), paid};
  }

  /** Payments arrive for open invoices: full, partial, failed or pending. */
  private int[] payOpenInvoices(Connection c, int n) throws SQLException {
    int payments = 0;
    int paid = 0;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select invoice_id, customer_id, amount_due_cents - amount_paid_cents, "
            + "currency from billing.invoices where status = 'open' order by random() limit " + n);
        PreparedStatement pay = c.prepareStatement("insert into billing.payments values "
            + "(?,?,?,?,?,?,?,clock_timestamp(),clock_timestamp())");
        PreparedStatement invoice = c.prepareStatement("update billing.invoices set "
            + "amount_paid_cents = amount_paid_cents + ?, status = case when ? then 'paid' else status end, "
            + "paid_at = case when ? then clock_timestamp() else paid_at end, updated_at = clock_timestamp() "
            + "where invoice_id = ?")) {
      while (rs.next()) {
        long open = rs.getLong(3);
        int roll = random.nextInt(100);
        String status = roll < 65 ? "succeeded" : roll < 80 ? "pending" : "failed";
        long amount = roll < 55 || status.equals("failed") ? open : Math.max(1, open / 2);
        pay.setString(1, Ids.payment(++paymentSeq));
        pay.setString(2, rs.getString(1));
        pay.setString(3, rs.getString(2));
        pay.setLong(4, amount);
        pay.setString(5, rs.getString(4));
        pay.setString(6, roll % 4 == 0 ? "ach" : "card");
        pay.setString(7, status);
        pay.executeUpdate();
        payments++;
        if (status.equals("succeeded")) {
          boolean full = amount >= open;
          invoice.setLong(1, amount);
          invoice.setBoolean(2, full);
          invoice.setBoolean(3, full);
          invoice.setString(4, rs.getString(1));
          invoice.executeUpdate();
          paid++;
        }
      }
    }
    return new int[] {payments, paid};
  }

  private static List<String> randomIds(Connection c, String sql) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  private static int update(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      return s.executeUpdate(sql);
    }
  }

  private static long max(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
