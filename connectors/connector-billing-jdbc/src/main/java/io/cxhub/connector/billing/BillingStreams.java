package io.cxhub.connector.billing;

import io.cxhub.spi.connector.FieldSpec;
import io.cxhub.spi.connector.StreamSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The tables this connector reads, each a stream named like its table. */
final class BillingStreams {

  static final StreamSpec CUSTOMERS = new StreamSpec("customers", "a billing customer (account holder)",
      "customer_id", "updated_at", List.of(
          FieldSpec.of("customer_id", "string").notNull(),
          FieldSpec.of("email", "string", "email"),
          FieldSpec.of("first_name", "string").notNull(),
          FieldSpec.of("last_name", "string").notNull(),
          FieldSpec.of("phone", "string", "phone"),
          FieldSpec.of("country", "string").notNull(),
          FieldSpec.of("created_at", "string", "date-time").notNull(),
          FieldSpec.of("updated_at", "string", "date-time").notNull()));

  static final StreamSpec INVOICES = new StreamSpec("invoices", "an invoice issued to a customer",
      "invoice_id", "updated_at", List.of(
          FieldSpec.of("invoice_id", "string").notNull(),
          FieldSpec.of("customer_id", "string").notNull(),
          FieldSpec.of("number", "string").notNull(),
          FieldSpec.of("amount_due_cents", "integer").notNull(),
          FieldSpec.of("amount_paid_cents", "integer").notNull(),
          FieldSpec.of("currency", "string").notNull(),
          FieldSpec.of("status", "string").notNull(),
          FieldSpec.of("issued_on", "string", "date").notNull(),
          FieldSpec.of("due_date", "string", "date").notNull(),
          FieldSpec.of("paid_at", "string", "date-time"),
          FieldSpec.of("updated_at", "string", "date-time").notNull()));

  static final StreamSpec PAYMENTS = new StreamSpec("payments", "a payment attempt against an invoice",
      "payment_id", "updated_at", List.of(
          FieldSpec.of("payment_id", "string").notNull(),
          FieldSpec.of("invoice_id", "string").notNull(),
          FieldSpec.of("customer_id", "string").notNull(),
          FieldSpec.of("amount_cents", "integer").notNull(),
          FieldSpec.of("currency", "string").notNull(),
          FieldSpec.of("method", "string").notNull(),
          FieldSpec.of("status", "string").notNull(),
          FieldSpec.of("paid_at", "string", "date-time").notNull(),
          FieldSpec.of("updated_at", "string", "date-time").notNull()));

  static final List<StreamSpec> ALL = List.of(CUSTOMERS, INVOICES, PAYMENTS);

  private static final Map<String, StreamSpec> BY_NAME =
      ALL.stream().collect(Collectors.toMap(StreamSpec::name, Function.identity()));

  private BillingStreams() {}

  static List<String> names() {
    return ALL.stream().map(StreamSpec::name).toList();
  }

  static Optional<StreamSpec> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }
}
