package io.cxhub.simulator.salesforce;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sObjects the simulator holds, their fields and field types as {@code describe} reports them,
 * and how a stored record looks on the wire once the active format changes are applied:
 * <ul>
 *   <li>{@code mailing_address_split}: Contact.MailingStreet becomes MailingStreetName__c and MailingHouseNumber__c;</li>
 *   <li>{@code rename_phone}: Contact.Phone and Account.Phone become Phone__c;</li>
 *   <li>{@code epoch_dates}: Case.CreatedDate and Case.ClosedDate become epoch milliseconds.</li>
 * </ul>
 */
final class SalesforceSchema {

  static final String MAILING_ADDRESS_SPLIT = "mailing_address_split";
  static final String RENAME_PHONE = "rename_phone";
  static final String EPOCH_DATES = "epoch_dates";

  static final Map<String, String> KEY_PREFIXES = Map.of(
      "Account", "001", "Contact", "003", "Case", "500", "Opportunity", "006", "Task", "00T");

  private static final Map<String, Map<String, String>> FIELDS = Map.of(
      "Account", fields(
          "Id", "id", "IsDeleted", "boolean", "Name", "string", "Type", "picklist", "Industry", "picklist",
          "BillingCity", "string", "BillingCountry", "string", "BillingCountryCode", "picklist", "Phone", "phone", "Website", "url",
          "NumberOfEmployees", "int", "CreatedDate", "datetime", "LastModifiedDate", "datetime",
          "SystemModstamp", "datetime"),
      "Contact", fields(
          "Id", "id", "IsDeleted", "boolean", "AccountId", "reference", "Salutation", "picklist",
          "FirstName", "string", "LastName", "string", "Email", "email", "Phone", "phone", "MobilePhone", "phone",
          "MailingStreet", "textarea", "MailingCity", "string", "MailingPostalCode", "string",
          "MailingCountry", "string", "MailingCountryCode", "picklist", "LeadSource", "picklist", "HasOptedOutOfEmail", "boolean",
          "Description", "textarea", "CreatedDate", "datetime", "LastModifiedDate", "datetime",
          "SystemModstamp", "datetime"),
      "Case", fields(
          "Id", "id", "IsDeleted", "boolean", "CaseNumber", "string", "ContactId", "reference",
          "AccountId", "reference", "SuppliedEmail", "email", "Type", "picklist", "Status", "picklist",
          "Reason", "picklist", "Origin", "picklist", "Subject", "string", "Priority", "picklist",
          "Description", "textarea", "IsClosed", "boolean", "IsEscalated", "boolean", "ClosedDate", "datetime",
          "CreatedDate", "datetime", "LastModifiedDate", "datetime", "SystemModstamp", "datetime"),
      "Opportunity", fields(
          "Id", "id", "IsDeleted", "boolean", "AccountId", "reference", "Name", "string",
          "StageName", "picklist", "Amount", "currency", "Probability", "percent", "CloseDate", "date",
          "Type", "picklist", "IsClosed", "boolean", "IsWon", "boolean", "CreatedDate", "datetime",
          "LastModifiedDate", "datetime", "SystemModstamp", "datetime"),
      "Task", fields(
          "Id", "id", "IsDeleted", "boolean", "WhoId", "reference", "WhatId", "reference", "Subject", "combobox",
          "ActivityDate", "date", "Status", "picklist", "Priority", "picklist", "Description", "textarea",
          "TaskSubtype", "picklist", "CreatedDate", "datetime", "LastModifiedDate", "datetime",
          "SystemModstamp", "datetime"));

  /** Fields the API sets itself; a create or update naming them is rejected. */
  static final Set<String> SYSTEM_FIELDS =
      Set.of("Id", "IsDeleted", "CreatedDate", "LastModifiedDate", "SystemModstamp", "CaseNumber", "IsClosed");

  private SalesforceSchema() {}

  static boolean knows(String type) {
    return FIELDS.containsKey(type);
  }

  static Set<String> types() {
    return FIELDS.keySet();
  }

  /** The fields {@code describe} lists now, name to type. */
  static Map<String, String> visibleFields(String type, Set<String> formats) {
    Map<String, String> out = new LinkedHashMap<>();
    FIELDS.get(type).forEach((name, t) -> {
      if (name.equals("MailingStreet") && formats.contains(MAILING_ADDRESS_SPLIT)) {
        out.put("MailingStreetName__c", "string");
        out.put("MailingHouseNumber__c", "string");
      } else if (name.equals("Phone") && formats.contains(RENAME_PHONE)) {
        out.put("Phone__c", "phone");
      } else if (type.equals("Case") && (name.equals("CreatedDate") || name.equals("ClosedDate"))
          && formats.contains(EPOCH_DATES)) {
        out.put(name, "long");
      } else {
        out.put(name, t);
      }
    });
    return out;
  }

  /** A stored record (canonical values) as the API shows it now, without attributes. */
  static Map<String, Object> render(String type, Map<String, Object> stored, Set<String> formats) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String name : FIELDS.get(type).keySet()) {
      Object v = stored.get(name);
      if (name.equals("MailingStreet") && formats.contains(MAILING_ADDRESS_SPLIT)) {
        String[] parts = splitStreet((String) v);
        out.put("MailingStreetName__c", parts[0]);
        out.put("MailingHouseNumber__c", parts[1]);
      } else if (name.equals("Phone") && formats.contains(RENAME_PHONE)) {
        out.put("Phone__c", v);
      } else if (type.equals("Case") && v instanceof Instant i && formats.contains(EPOCH_DATES)
          && (name.equals("CreatedDate") || name.equals("ClosedDate"))) {
        out.put(name, i.toEpochMilli());
      } else {
        out.put(name, wire(v));
      }
    }
    return out;
  }

  /** The canonical field a written field name stands for now; null when the object has no such field. */
  static String canonicalField(String type, String name, Set<String> formats) {
    if (name.equals("Phone__c") && formats.contains(RENAME_PHONE) && FIELDS.get(type).containsKey("Phone")) {
      return "Phone";
    }
    if (name.equals("Phone") && formats.contains(RENAME_PHONE)) {
      return null;
    }
    if (name.equals("MailingStreet") && type.equals("Contact") && formats.contains(MAILING_ADDRESS_SPLIT)) {
      return null;
    }
    return FIELDS.get(type).containsKey(name) ? name : null;
  }

  static Object wire(Object v) {
    if (v instanceof Instant i) {
      return SalesforceTimes.format(i);
    }
    if (v instanceof LocalDate d) {
      return SalesforceTimes.format(d);
    }
    return v;
  }

  /** "12 Main Street" and "Hauptstraße 12" both split into street name and house number. */
  static String[] splitStreet(String street) {
    if (street == null) {
      return new String[] {null, null};
    }
    String s = street.trim();
    int firstSpace = s.indexOf(' ');
    int lastSpace = s.lastIndexOf(' ');
    if (firstSpace > 0 && Character.isDigit(s.charAt(0))) {
      return new String[] {s.substring(firstSpace + 1), s.substring(0, firstSpace)};
    }
    if (lastSpace > 0 && Character.isDigit(s.charAt(lastSpace + 1))) {
      return new String[] {s.substring(0, lastSpace), s.substring(lastSpace + 1)};
    }
    return new String[] {s, null};
  }

  private static Map<String, String> fields(String... nameTypePairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < nameTypePairs.length; i += 2) {
      m.put(nameTypePairs[i], nameTypePairs[i + 1]);
    }
    return m;
  }

  static List<String> relationshipTargets(String type, String referenceField) {
    return switch (type + "." + referenceField) {
      case "Contact.AccountId", "Case.AccountId", "Opportunity.AccountId" -> List.of("Account");
      case "Case.ContactId" -> List.of("Contact");
      case "Task.WhoId" -> List.of("Contact");
      case "Task.WhatId" -> List.of("Account", "Case", "Opportunity");
      default -> List.of();
    };
  }
}
