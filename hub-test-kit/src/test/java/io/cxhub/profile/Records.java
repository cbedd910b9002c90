package io.cxhub.profile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cxhub.mapping.EntityRecord;
import io.cxhub.mapping.IdentityKey;
import io.cxhub.mapping.MappedRecord;
import io.cxhub.spi.record.RawRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Mapped records as the mapping engine would hand them over. */
final class Records {

  static final Instant T0 = Instant.parse("2026-01-10T09:00:00Z");

  private Records() {}

  static IdentityKey email(String v) {
    return new IdentityKey("email", v);
  }

  static IdentityKey phone(String v) {
    return new IdentityKey("phone", v);
  }

  static IdentityKey billing(String v) {
    return new IdentityKey("billing_customer_id", v);
  }

  static MappedRecord party(String system, String sourceId, Instant observedAt, Map<String, Object> fields,
      IdentityKey... keys) {
    RawRecord raw = new RawRecord(system, "customers", sourceId, observedAt, JsonNodeFactory.instance.objectNode(),
        "c-" + sourceId, system + "-1");
    return new MappedRecord(raw, List.of(new EntityRecord("party", sourceId, fields, List.of(keys))));
  }

  /** A billing customer as the billing mapping yields it: a party with e-mail and billing customer id. */
  static MappedRecord billingCustomer(String customerId, String email, String name, Instant observedAt) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("name", name);
    fields.put("email", email);
    fields.put("mrr", new BigDecimal("49.90"));
    fields.put("seats", 3L);
    fields.put("customer_since", LocalDate.parse("2024-02-29"));
    return party("billing", customerId, observedAt, fields, billing(customerId), email(email));
  }

  static MappedRecord invoice(String invoiceId, String customerId, String amount, Instant observedAt) {
    RawRecord raw = new RawRecord("billing", "invoices", invoiceId, observedAt, JsonNodeFactory.instance.objectNode(),
        "i-" + invoiceId, "billing-1");
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("amount", new BigDecimal(amount));
    fields.put("currency", "EUR");
    fields.put("status", "open");
    fields.put("due_date", LocalDate.parse("2026-02-01"));
    fields.put("issued_at", observedAt);
    fields.put("paid", Boolean.FALSE);
    return new MappedRecord(raw, List.of(new EntityRecord("invoice", invoiceId, fields, List.of(billing(customerId)))));
  }
}
