package io.cxhub.connector.stripe;

import io.cxhub.spi.connector.FieldSpec;
import io.cxhub.spi.connector.StreamSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Stripe objects this connector reads. Each stream is named like its list endpoint
 * ({@code /v1/customers}) and carries the object as Stripe serves it; {@code object} is the type
 * name events use in {@code data.object.object}.
 */
final class StripeStreams {

  /** A stream and the Stripe object type behind it. */
  record Stream(StreamSpec spec, String objectType, String listQuery) {
    String name() {
      return spec.name();
    }
  }

  static final Stream CUSTOMERS = new Stream(new StreamSpec("customers", "a Stripe customer", "id", "created", List.of(
      FieldSpec.of("id", "string").notNull(),
      FieldSpec.of("object", "string").notNull(),
      FieldSpec.of("email", "string", "email"),
      FieldSpec.of("name", "string"),
      FieldSpec.of("phone", "string", "phone"),
      FieldSpec.of("address", "object"),
      FieldSpec.of("address.line1", "string"),
      FieldSpec.of("address.city", "string"),
      FieldSpec.of("address.postal_code", "string"),
      FieldSpec.of("address.country", "string"),
      FieldSpec.of("balance", "integer").notNull(),
      FieldSpec.of("currency", "string"),
      FieldSpec.of("delinquent", "boolean"),
      FieldSpec.of("metadata", "object").notNull(),
      FieldSpec.of("created", "integer", "epoch-seconds").notNull())), "customer", "");

  static final Stream INVOICES = new Stream(new StreamSpec("invoices", "a Stripe invoice", "id", "created", List.of(
      FieldSpec.of("id", "string").notNull(),
      FieldSpec.of("customer", "string").notNull(),
      FieldSpec.of("number", "string"),
      FieldSpec.of("status", "string"),
      FieldSpec.of("amount_due", "integer").notNull(),
      FieldSpec.of("amount_paid", "integer").notNull(),
      FieldSpec.of("amount_remaining", "integer").notNull(),
      FieldSpec.of("currency", "string").notNull(),
      FieldSpec.of("subscription", "string"),
      FieldSpec.of("due_date", "integer", "epoch-seconds"),
      FieldSpec.of("status_transitions.paid_at", "integer", "epoch-seconds"),
      FieldSpec.of("hosted_invoice_url", "string"),
      FieldSpec.of("created", "integer", "epoch-seconds").notNull())), "invoice", "");

  static final Stream CHARGES = new Stream(new StreamSpec("charges", "a Stripe charge (a payment attempt)", "id",
      "created", List.of(
          FieldSpec.of("id", "string").notNull(),
          FieldSpec.of("amount", "integer").notNull(),
          FieldSpec.of("currency", "string").notNull(),
          FieldSpec.of("status", "string").notNull(),
          FieldSpec.of("paid", "boolean").notNull(),
          FieldSpec.of("refunded", "boolean").notNull(),
          FieldSpec.of("failure_code", "string"),
          FieldSpec.of("failure_message", "string"),
          FieldSpec.of("customer", "string"),
          FieldSpec.of("invoice", "string"),
          FieldSpec.of("payment_method_details.type", "string"),
          FieldSpec.of("payment_method_details.card.brand", "string"),
          FieldSpec.of("payment_method_details.card.last4", "string"),
          FieldSpec.of("created", "integer", "epoch-seconds").notNull())), "charge", "");

  static final Stream SUBSCRIPTIONS = new Stream(new StreamSpec("subscriptions", "a Stripe subscription", "id",
      "created", List.of(
          FieldSpec.of("id", "string").notNull(),
          FieldSpec.of("customer", "string").notNull(),
          FieldSpec.of("status", "string").notNull(),
          FieldSpec.of("items.data[].price.id", "string"),
          FieldSpec.of("items.data[].price.unit_amount", "integer"),
          FieldSpec.of("items.data[].price.recurring.interval", "string"),
          FieldSpec.of("currency", "string"),
          FieldSpec.of("current_period_start", "integer", "epoch-seconds"),
          FieldSpec.of("current_period_end", "integer", "epoch-seconds"),
          FieldSpec.of("cancel_at_period_end", "boolean"),
          FieldSpec.of("canceled_at", "integer", "epoch-seconds"),
          FieldSpec.of("start_date", "integer", "epoch-seconds"),
          FieldSpec.of("created", "integer", "epoch-seconds").notNull())), "subscription",
      // without status=all Stripe leaves canceled subscriptions out of the list
      "status=all");

  static final List<Stream> ALL = List.of(CUSTOMERS, INVOICES, CHARGES, SUBSCRIPTIONS);

  private static final Map<String, Stream> BY_NAME = ALL.stream().collect(Collectors.toMap(Stream::name, Function.identity()));
  private static final Map<String, Stream> BY_OBJECT =
      ALL.stream().collect(Collectors.toMap(Stream::objectType, Function.identity()));

  private StripeStreams() {}

  static List<String> names() {
    return ALL.stream().map(Stream::name).toList();
  }

  static List<StreamSpec> specs() {
    return ALL.stream().map(Stream::spec).toList();
  }

  static Optional<Stream> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The stream of a Stripe object type ({@code "customer"} -> customers). */
  static Optional<Stream> ofObject(String objectType) {
    return Optional.ofNullable(BY_OBJECT.get(objectType));
  }
}
