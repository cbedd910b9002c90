package io.cxhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.cxhub.mapping.EntityRecord;
import io.cxhub.mapping.IdentityKey;
import io.cxhub.mapping.MappedRecord;
import io.cxhub.spi.record.RawRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The baseline: what a developer would write by hand for mappings/billing/invoices.yaml and
 * customers.yaml, with the same normalization and checks (but plain exceptions and no lineage).
 * The compiled mapping should cost little more than this.
 */
final class HandWrittenBillingMapping {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private HandWrittenBillingMapping() {}

  static MappedRecord invoice(RawRecord record) {
    JsonNode row = record.payload();
    Map<String, Object> fields = new LinkedHashMap<>();
    String id = text(row, "invoice_id");
    fields.put("invoice_id", id);
    putIfPresent(fields, "number", text(row, "number"));
    String customer = required(text(row, "customer_id"), "billing_customer_id");
    fields.put("billing_customer_id", customer);
    fields.put("amount_due", required(cents(row.get("amount_due_cents")), "amount_due"));
    putIfPresent(fields, "amount_paid", cents(row.get("amount_paid_cents")));
    fields.put("currency", required(text(row, "currency"), "currency").strip().toUpperCase(Locale.ROOT));
    fields.put("status", invoiceStatus(required(text(row, "status"), "status")));
    String issued = text(row, "issued_on");
    putIfPresent(fields, "issued_on", issued == null ? null : LocalDate.parse(issued, DAY));
    String due = text(row, "due_date");
    putIfPresent(fields, "due_on", due == null ? null : LocalDate.parse(due, DAY));
    putIfPresent(fields, "paid_at", timestamp(text(row, "paid_at")));
    putIfPresent(fields, "updated_at", timestamp(text(row, "updated_at")));
    EntityRecord invoice = new EntityRecord("invoice", id, fields, List.of(new IdentityKey("billing_customer_id", customer)));
    return new MappedRecord(record, List.of(invoice));
  }

  static MappedRecord customer(RawRecord record) {
    JsonNode row = record.payload();
    Map<String, Object> fields = new LinkedHashMap<>();
    List<IdentityKey> keys = new ArrayList<>(3);
    String id = required(text(row, "customer_id"), "billing_customer_id");
    fields.put("billing_customer_id", id);
    keys.add(new IdentityKey("billing_customer_id", id));
    String email = email(text(row, "email"));
    if (email != null) {
      fields.put("email", email);
      keys.add(new IdentityKey("email", email));
    }
    String phone = phone(text(row, "phone"));
    if (phone != null) {
      fields.put("phone", phone);
      keys.add(new IdentityKey("phone", phone));
    }
    String first = text(row, "first_name");
    String last = text(row, "last_name");
    putIfPresent(fields, "first_name", first == null ? null : first.strip());
    putIfPresent(fields, "last_name", last == null ? null : last.strip());
    String display = first == null ? last : last == null ? first : first + " " + last;
    putIfPresent(fields, "display_name", display == null ? null : display.strip());
    String country = text(row, "country");
    putIfPresent(fields, "country", country == null ? null : country.strip().toUpperCase(Locale.ROOT));
    putIfPresent(fields, "created_at", timestamp(text(row, "created_at")));
    putIfPresent(fields, "updated_at", timestamp(text(row, "updated_at")));
    return new MappedRecord(record, List.of(new EntityRecord("party", id, fields, keys)));
  }

  private static String invoiceStatus(String code) {
    return switch (code) {
      case "draft" -> "DRAFT";
      case "open" -> "OPEN";
      case "paid" -> "PAID";
      case "void" -> "VOID";
      case "uncollectible" -> "UNCOLLECTIBLE";
      default -> throw new IllegalArgumentException("unknown invoice status " + code);
    };
  }

  private static String email(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String email = raw.strip().toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(email).matches()) {
      throw new IllegalArgumentException("invalid e-mail");
    }
    return email;
  }

  private static String phone(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      PhoneNumber number = PHONES.parse(raw.strip(), "US");
      if (PHONES.isValidNumber(number)) {
        return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
      }
    } catch (NumberParseException e) {
      // reported below
    }
    throw new IllegalArgumentException("invalid phone");
  }

  private static BigDecimal cents(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.canConvertToExactIntegral()) {
      throw new IllegalArgumentException("cents must be whole");
    }
    return BigDecimal.valueOf(node.longValue(), 2);
  }

  private static Instant timestamp(String text) {
    return text == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
  }

  private static String text(JsonNode row, String key) {
    JsonNode node = row.get(key);
    return node == null || node.isNull() ? null : node.asText();
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  private static void putIfPresent(Map<String, Object> fields, String name, Object value) {
    if (value != null) {
      fields.put(name, value);
    }
  }
}
