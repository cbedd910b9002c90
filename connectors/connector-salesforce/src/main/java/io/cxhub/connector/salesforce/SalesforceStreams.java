package io.cxhub.connector.salesforce;

import io.cxhub.spi.connector.FieldSpec;
import io.cxhub.spi.connector.StreamSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sObjects this connector reads, one stream each. The query selects every field {@code describe}
 * reports, so the schemas below are what a standard org is expected to have, for drift detection.
 */
final class SalesforceStreams {

  /** A stream and the sObject it reads. */
  record Stream(StreamSpec spec, String sObject) {}

  static final Stream CONTACTS = new Stream(new StreamSpec("contacts", "a CRM contact (a person)", "Id",
      "SystemModstamp", List.of(
          FieldSpec.of("Id", "string").notNull(),
          FieldSpec.of("AccountId", "string"),
          FieldSpec.of("FirstName", "string"),
          FieldSpec.of("LastName", "string").notNull(),
          FieldSpec.of("Email", "string", "email"),
          FieldSpec.of("Phone", "string", "phone"),
          FieldSpec.of("MobilePhone", "string", "phone"),
          FieldSpec.of("MailingStreet", "string"),
          FieldSpec.of("MailingCity", "string"),
          FieldSpec.of("MailingPostalCode", "string"),
          FieldSpec.of("MailingCountry", "string"),
          FieldSpec.of("HasOptedOutOfEmail", "boolean"),
          FieldSpec.of("CreatedDate", "string", "date-time").notNull(),
          FieldSpec.of("SystemModstamp", "string", "date-time").notNull())), "Contact");

  static final Stream ACCOUNTS = new Stream(new StreamSpec("accounts", "a CRM account (a company or household)", "Id",
      "SystemModstamp", List.of(
          FieldSpec.of("Id", "string").notNull(),
          FieldSpec.of("Name", "string").notNull(),
          FieldSpec.of("Type", "string"),
          FieldSpec.of("Industry", "string"),
          FieldSpec.of("BillingCity", "string"),
          FieldSpec.of("BillingCountry", "string"),
          FieldSpec.of("Phone", "string", "phone"),
          FieldSpec.of("CreatedDate", "string", "date-time").notNull(),
          FieldSpec.of("SystemModstamp", "string", "date-time").notNull())), "Account");

  static final Stream CASES = new Stream(new StreamSpec("cases", "a customer service case", "Id",
      "SystemModstamp", List.of(
          FieldSpec.of("Id", "string").notNull(),
          FieldSpec.of("CaseNumber", "string").notNull(),
          FieldSpec.of("ContactId", "string"),
          FieldSpec.of("AccountId", "string"),
          FieldSpec.of("SuppliedEmail", "string", "email"),
          FieldSpec.of("Status", "string").notNull(),
          FieldSpec.of("Priority", "string"),
          FieldSpec.of("Origin", "string"),
          FieldSpec.of("Reason", "string"),
          FieldSpec.of("Subject", "string"),
          FieldSpec.of("IsClosed", "boolean").notNull(),
          FieldSpec.of("ClosedDate", "string", "date-time"),
          FieldSpec.of("CreatedDate", "string", "date-time").notNull(),
          FieldSpec.of("SystemModstamp", "string", "date-time").notNull())), "Case");

  static final Stream OPPORTUNITIES = new Stream(new StreamSpec("opportunities", "a sales opportunity of an account",
      "Id", "SystemModstamp", List.of(
          FieldSpec.of("Id", "string").notNull(),
          FieldSpec.of("AccountId", "string"),
          FieldSpec.of("Name", "string").notNull(),
          FieldSpec.of("StageName", "string").notNull(),
          FieldSpec.of("Amount", "number"),
          FieldSpec.of("CloseDate", "string", "date").notNull(),
          FieldSpec.of("IsWon", "boolean").notNull(),
          FieldSpec.of("CreatedDate", "string", "date-time").notNull(),
          FieldSpec.of("SystemModstamp", "string", "date-time").notNull())), "Opportunity");

  static final List<Stream> ALL = List.of(CONTACTS, ACCOUNTS, CASES, OPPORTUNITIES);

  private static final Map<String, Stream> BY_NAME = Map.of(
      "contacts", CONTACTS, "accounts", ACCOUNTS, "cases", CASES, "opportunities", OPPORTUNITIES);

  private SalesforceStreams() {}

  static List<String> names() {
    return ALL.stream().map(s -> s.spec().name()).toList();
  }

  static List<StreamSpec> specs() {
    return ALL.stream().map(Stream::spec).toList();
  }

  static Optional<Stream> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }
}
