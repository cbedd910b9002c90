package io.cxhub.simulator.billing;

import io.cxhub.simulator.people.People;
import io.cxhub.simulator.people.Person;
import io.cxhub.simulator.people.Rendering;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * Writes about a year of billing history that is a pure function of {@link BillingOptions}: each
 * customer's monthly invoices and the payments against them (on time, late, partial, failed and
 * retried, never), all dated before the anchor day.
 */
final class BillingSeeder {

  private static final int BATCH = 1000;
  private static final long[] PLANS_CENTS = {1900, 4900, 9900, 19900, 49900};

  private final BillingOptions options;
  private final People people;
  private final OffsetDateTime anchor;
  private long invoiceSeq;
  private long paymentSeq;

  BillingSeeder(BillingOptions options, People people) {
    this.options = options;
    this.people = people;
    this.anchor = options.anchor().atStartOfDay().atOffset(ZoneOffset.UTC);
  }

  /** Inserts everything in the caller's transaction. */
  void seed(Connection c) throws SQLException {
    try (Rows customers = new Rows(c, "insert into billing.customers values (?,?,?,?,?,?,?,?)");
        Rows invoices = new Rows(c, "insert into billing.invoices values (?,?,?,?,?,?,?,?,?,?,?)");
        Rows payments = new Rows(c, "insert into billing.payments values (?,?,?,?,?,?,?,?,?)")) {
      for (int i = 0; i < options.customers(); i++) {
        Person p = people.person(i);
        Random r = new Random(options.seed() * 7919 + i);
        OffsetDateTime created = anchor.minusDays(20 + r.nextInt(380)).plusSeconds(r.nextInt(86_400));
        Rendering shown = people.rendering(p, "billing");
        // about one customer in five edited their details since sign-up
        OffsetDateTime updated = r.nextInt(5) == 0 ? between(created, anchor, r) : created;
        customers.add(Ids.customer(i), shown.email(), p.firstName(), p.lastName(), shown.phone(),
            p.country(), created, updated);
        history(p, created, r, invoices, payments);
        if (customers.full() || invoices.full() || payments.full()) {
          flush(customers, invoices, payments);
        }
      }
      flush(customers, invoices, payments);
    }
  }

  /** Parents before children: foreign keys are checked per statement. */
  private static void flush(Rows customers, Rows invoices, Rows payments) throws SQLException {
    customers.flush();
    invoices.flush();
    payments.flush();
  }

  private void history(Person p, OffsetDateTime created, Random r, Rows invoices, Rows payments)
      throws SQLException {
    String customerId = Ids.customer(p.index());
    String currency = Ids.currency(p.country());
    long plan = PLANS_CENTS[r.nextInt(PLANS_CENTS.length)];
    int n = 0;
    for (LocalDate issued = created.toLocalDate().withDayOfMonth(1).plusMonths(1);
        issued.isBefore(options.anchor()); issued = issued.plusMonths(1)) {
      n++;
      String invoiceId = Ids.invoice(++invoiceSeq);
      long due = plan + (r.nextInt(4) == 0 ? r.nextInt(5000) : 0); // some months carry usage charges
      LocalDate dueDate = issued.plusDays(14);
      OffsetDateTime issuedAt = issued.atTime(6, 0).atOffset(ZoneOffset.UTC);
      Outcome o = Outcome.pick(r);
      long paid = 0;
      OffsetDateTime paidAt = null;
      String status = "open";
      OffsetDateTime updated = issuedAt;
      switch (o) {
        case ON_TIME, LATE, RETRIED -> {
          OffsetDateTime at = o == Outcome.ON_TIME ? issuedAt.plusDays(r.nextInt(12)).plusMinutes(r.nextInt(1440))
              : dueDate.atTime(9, 0).atOffset(ZoneOffset.UTC).plusDays(3 + r.nextInt(40)).plusMinutes(r.nextInt(600));
          if (o == Outcome.RETRIED) {
            OffsetDateTime failedAt = at.minusDays(3);
            if (failedAt.isBefore(anchor)) {
              payments.add(Ids.payment(++paymentSeq), invoiceId, customerId, due, currency, "card", "failed",
                  failedAt, failedAt);
            }
          }
          if (at.isBefore(anchor)) {
            payments.add(Ids.payment(++paymentSeq), invoiceId, customerId, due, currency, method(r), "succeeded",
                at, at);
            paid = due;
            paidAt = at;
            status = "paid";
            updated = at;
          }
        }
        case PARTIAL -> {
          OffsetDateTime at = issuedAt.plusDays(5 + r.nextInt(10));
          if (at.isBefore(anchor)) {
            paid = due / 2;
            payments.add(Ids.payment(++paymentSeq), invoiceId, customerId, paid, currency, method(r), "succeeded",
                at, at);
            updated = at;
          }
        }
        case NEVER -> {
          OffsetDateTime failedAt = dueDate.atTime(8, 0).atOffset(ZoneOffset.UTC);
          if (failedAt.isBefore(anchor)) {
            payments.add(Ids.payment(++paymentSeq), invoiceId, customerId, due, currency, "card", "failed",
                failedAt, failedAt);
            updated = failedAt;
          }
          OffsetDateTime writtenOff = failedAt.plusDays(60);
          if (writtenOff.isBefore(anchor)) {
            status = "uncollectible";
            updated = writtenOff;
          }
        }
        case VOID -> {
          status = "void";
          updated = issuedAt.plusDays(1 + r.nextInt(3));
          if (!updated.isBefore(anchor)) {
            updated = issuedAt;
          }
        }
      }
      invoices.add(invoiceId, customerId, String.format("%s-%04d", customerId.substring(4), n), due, paid,
          currency, status, issued, dueDate, paidAt, updated);
    }
  }

  private static String method(Random r) {
    int n = r.nextInt(100);
    return n < 75 ? "card" : n < 93 ? "ach" : "wire";
  }

  private static OffsetDateTime between(OffsetDateTime from, OffsetDateTime to, Random r) {
    long seconds = Math.max(1, to.toEpochSecond() - from.toEpochSecond());
    return from.plusSeconds((long) (r.nextDouble() * seconds));
  }

  private enum Outcome {
    ON_TIME, LATE, PARTIAL, RETRIED, NEVER, VOID;

    static Outcome pick(Random r) {
      int n = r.nextInt(100);
      return n < 74 ? ON_TIME : n < 86 ? LATE : n < 91 ? PARTIAL : n < 96 ? RETRIED : n < 99 ? NEVER : VOID;
    }
  }

  /** A prepared insert that sends its rows in JDBC batches (rewritten to multi-row inserts). */
  private static final class Rows implements AutoCloseable {
    private final PreparedStatement ps;
    private int pending;

    Rows(Connection c, String sql) throws SQLException {
      this.ps = c.prepareStatement(sql);
    }

    void add(Object... values) throws SQLException {
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      ps.addBatch();
      pending++;
    }

    boolean full() {
      return pending >= BATCH;
    }

    void flush() throws SQLException {
      if (pending > 0) {
        ps.executeBatch();
        pending = 0;
      }
    }

    @Override
    public void close() throws SQLException {
      ps.close();
    }
  }
}
