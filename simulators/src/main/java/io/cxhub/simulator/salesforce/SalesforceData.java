package io.cxhub.simulator.salesforce;

import io.cxhub.simulator.people.People;
import io.cxhub.simulator.people.Person;
import io.cxhub.simulator.people.Rendering;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The org's records, in memory: seeded from {@link People} (contacts are persons
 * {@code firstPerson .. firstPerson+contacts-1}), then changed by {@link #tick()} rounds and by
 * writes through the API. Values are stored canonically (date-times as {@link Instant}, dates as
 * {@link LocalDate}); {@link SalesforceSchema#render} gives the wire form. Every change stamps
 * {@code SystemModstamp} from a clock that never goes backwards, and all changes of one round share
 * one stamp, as a bulk update does. Thread-safe (every method synchronized).
 */
final class SalesforceData {

  /** Seeded records were all last modified before this instant. */
  static final Instant ANCHOR = Instant.parse("2026-01-01T00:00:00Z");
  /** The data load that created the first thousand contacts: they all share this stamp. */
  static final Instant IMPORT = Instant.parse("2024-06-03T07:30:00Z");

  private static final List<String> COMPANY_A = List.of("Northwind", "Blue Harbor", "Summit", "Riverside", "Oakridge",
      "Silverline", "Granite", "Evergreen", "Brightwater", "Ironclad", "Crescent", "Pinecrest", "Redwood", "Lakeside");
  private static final List<String> COMPANY_B = List.of("Traders", "Logistics", "Health", "Foods", "Energy", "Media",
      "Software", "Partners", "Retail", "Manufacturing", "Telecom", "Insurance");
  private static final List<String> INDUSTRIES = List.of("Retail", "Technology", "Healthcare", "Energy", "Media",
      "Manufacturing", "Telecommunications", "Insurance", "Transportation", "Food & Beverage");
  private static final Map<String, List<String>> CITIES = Map.of(
      "US", List.of("San Francisco", "New York", "Chicago", "Boston", "Seattle", "Austin", "Denver", "Atlanta"),
      "GB", List.of("London", "Manchester", "Leeds", "Bristol", "Edinburgh", "Cardiff"),
      "DE", List.of("Berlin", "München", "Hamburg", "Köln", "Frankfurt am Main", "Leipzig"));
  private static final Map<String, String> COUNTRY_NAMES =
      Map.of("US", "United States", "GB", "United Kingdom", "DE", "Germany");
  private static final List<String> STREETS_EN = List.of("Main Street", "Oak Avenue", "Park Road", "High Street",
      "Elm Street", "Church Lane", "Mill Road", "Maple Drive", "Station Road", "Cedar Court");
  private static final List<String> STREETS_DE = List.of("Hauptstraße", "Bahnhofstraße", "Gartenweg", "Schillerstraße",
      "Lindenallee", "Goethestraße", "Bergstraße", "Kirchplatz");
  private static final List<String> SUBJECTS = List.of("Cannot log in to the customer portal",
      "Invoice amount looks wrong", "Device stopped working after update", "Request to change delivery address",
      "Refund not received", "Question about my contract", "Service outage in my area", "Upgrade my plan",
      "Cancel subscription", "Password reset e-mail never arrives", "Charged twice this month",
      "Installation appointment missed");
  private static final List<String> REASONS = List.of("Installation", "Equipment Complexity", "Performance",
      "Breakdown", "Equipment Design", "Feedback", "Other");
  private static final List<String> ORIGINS = List.of("Phone", "Email", "Web", "Chat");
  private static final List<String> PRIORITIES = List.of("High", "Medium", "Medium", "Low");
  private static final List<String> STAGES = List.of("Prospecting", "Qualification", "Needs Analysis",
      "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost");

  private final People people;
  private final int firstPerson;
  private final Clock clock;
  private final Random random;
  private final Map<String, TreeMap<String, Map<String, Object>>> records = new HashMap<>();
  private final Map<String, Long> serials = new HashMap<>();
  private final Map<String, Integer> contactPerson = new HashMap<>();
  private final Map<String, Integer> contactRevision = new HashMap<>();
  private final List<String> accountIds = new ArrayList<>();
  private final List<String> contactIds = new ArrayList<>();
  private int caseNumber = 1000;
  private Instant lastStamp = ANCHOR;

  SalesforceData(People people, int firstPerson, int contacts, int accounts, long seed, Clock clock) {
    this.people = people;
    this.firstPerson = firstPerson;
    this.clock = clock;
    this.random = new Random(seed);
    SalesforceSchema.types().forEach(t -> records.put(t, new TreeMap<>()));
    seed(contacts, accounts);
  }

  // ---- reading

  synchronized List<Map<String, Object>> all(String type) {
    return records.get(type).values().stream().map(m -> (Map<String, Object>) new LinkedHashMap<>(m)).toList();
  }

  synchronized Map<String, Object> get(String type, String id) {
    Map<String, Object> r = records.get(type).get(id);
    return r == null ? null : new LinkedHashMap<>(r);
  }

  /** The type of the record with this id, from its key prefix; null when no such record exists. */
  synchronized String typeOf(String id) {
    for (var e : records.entrySet()) {
      if (e.getValue().containsKey(id)) {
        return e.getKey();
      }
    }
    return null;
  }

  synchronized int count(String type) {
    return records.get(type).size();
  }

  synchronized Set<String> ids(String type) {
    return new LinkedHashSet<>(records.get(type).keySet());
  }

  /** The population index of the person a contact stands for; empty for an unknown id. */
  synchronized OptionalInt personOf(String contactId) {
    Integer person = contactPerson.get(contactId);
    return person == null ? OptionalInt.empty() : OptionalInt.of(person);
  }

  // ---- writing

  /** Creates a record from API fields; returns its id. */
  synchronized String create(String type, Map<String, Object> fields) {
    Instant now = nextStamp();
    String id = nextId(type);
    Map<String, Object> r = new LinkedHashMap<>();
    SalesforceSchema.visibleFields(type, Set.of()).keySet().forEach(f -> r.put(f, null));
    r.putAll(fields);
    r.put("Id", id);
    r.put("IsDeleted", false);
    r.put("CreatedDate", now);
    r.put("LastModifiedDate", now);
    r.put("SystemModstamp", now);
    records.get(type).put(id, r);
    return id;
  }

  /** Updates fields of a record; false when there is no such record. */
  synchronized boolean update(String type, String id, Map<String, Object> fields) {
    Map<String, Object> r = records.get(type).get(id);
    if (r == null) {
      return false;
    }
    r.putAll(fields);
    touch(r, nextStamp());
    return true;
  }

  /**
   * One round of live activity: some contacts edit their e-mail or phone, some open cases move on,
   * new cases arrive, now and then an account changes. All share one new SystemModstamp.
   *
   * @return the ids changed or created, per sObject type
   */
  synchronized Map<String, Set<String>> tick() {
    Instant now = nextStamp();
    Map<String, Set<String>> changed = new LinkedHashMap<>();
    SalesforceSchema.types().forEach(t -> changed.put(t, new LinkedHashSet<>()));
    for (int i = 0; i < 4; i++) {
      String id = contactIds.get(random.nextInt(contactIds.size()));
      int revision = contactRevision.merge(id, 1, Integer::sum);
      Person p = people.person(contactPerson.get(id));
      Rendering r = people.rendering(p, "salesforce", revision);
      Map<String, Object> c = records.get("Contact").get(id);
      c.put("Email", r.email());
      c.put(c.get("Phone") != null || c.get("MobilePhone") == null ? "Phone" : "MobilePhone", r.phone());
      touch(c, now);
      changed.get("Contact").add(id);
    }
    List<String> open = records.get("Case").values().stream()
        .filter(c -> !Boolean.TRUE.equals(c.get("IsClosed"))).map(c -> (String) c.get("Id")).toList();
    for (int i = 0; i < Math.min(3, open.size()); i++) {
      Map<String, Object> c = records.get("Case").get(open.get(random.nextInt(open.size())));
      String next = switch ((String) c.get("Status")) {
        case "New" -> "Working";
        case "Working" -> random.nextInt(4) == 0 ? "Escalated" : "Closed";
        default -> "Closed";
      };
      setStatus(c, next, now);
      touch(c, now);
      changed.get("Case").add((String) c.get("Id"));
    }
    for (int i = 0; i < 2; i++) {
      String contactId = contactIds.get(random.nextInt(contactIds.size()));
      Map<String, Object> c = newCase(records.get("Contact").get(contactId), now, "New");
      changed.get("Case").add((String) c.get("Id"));
    }
    if (random.nextInt(3) == 0) {
      Map<String, Object> a = records.get("Account").get(accountIds.get(random.nextInt(accountIds.size())));
      a.put("NumberOfEmployees", 5 + random.nextInt(5000));
      touch(a, now);
      changed.get("Account").add((String) a.get("Id"));
    }
    changed.values().removeIf(Set::isEmpty);
    return changed;
  }

  // ---- seeding

  private void seed(int contacts, int accounts) {
    for (int i = 0; i < accounts; i++) {
      Instant created = ANCHOR.minus(Duration.ofMinutes(400L * 24 * 60 + random.nextInt(320 * 24 * 60)));
      Instant modified = created.plus(Duration.ofMinutes(random.nextInt(300 * 24 * 60)));
      String country = List.of("US", "US", "US", "GB", "DE").get(random.nextInt(5));
      Map<String, Object> a = new LinkedHashMap<>();
      String id = nextId("Account");
      a.put("Id", id);
      a.put("IsDeleted", false);
      a.put("Name", pick(COMPANY_A) + " " + pick(COMPANY_B) + (i >= COMPANY_A.size() * COMPANY_B.size() / 2 ? " " + (i + 1) : ""));
      a.put("Type", random.nextInt(5) == 0 ? "Prospect" : "Customer - Direct");
      a.put("Industry", pick(INDUSTRIES));
      a.put("BillingCity", pick(CITIES.get(country)));
      a.put("BillingCountry", COUNTRY_NAMES.get(country));
      a.put("BillingCountryCode", country);
      a.put("Phone", null);
      a.put("Website", "https://www." + ((String) a.get("Name")).toLowerCase().replaceAll("[^a-z0-9]+", "") + ".example.com");
      a.put("NumberOfEmployees", 5 + random.nextInt(5000));
      a.put("CreatedDate", created);
      a.put("LastModifiedDate", modified);
      a.put("SystemModstamp", modified);
      records.get("Account").put(id, a);
      accountIds.add(id);
    }
    for (int k = 0; k < contacts; k++) {
      Person p = people.person(firstPerson + k);
      Rendering r = people.rendering(p, "salesforce");
      Instant created;
      Instant modified;
      if (k < Math.min(1000, contacts / 3)) {
        created = IMPORT;
        modified = IMPORT;
      } else {
        created = ANCHOR.minus(Duration.ofMinutes(30L * 24 * 60 + random.nextInt(500 * 24 * 60)));
        modified = created.plus(Duration.ofMinutes(random.nextInt(25 * 24 * 60)));
      }
      Map<String, Object> c = new LinkedHashMap<>();
      String id = nextId("Contact");
      int phones = random.nextInt(100);
      String street = random.nextInt(12) == 0 ? null : street(p.country());
      c.put("Id", id);
      c.put("IsDeleted", false);
      c.put("AccountId", accountIds.isEmpty() ? null : accountIds.get(random.nextInt(accountIds.size())));
      c.put("Salutation", random.nextInt(3) == 0 ? null : random.nextBoolean() ? "Mr." : "Ms.");
      c.put("FirstName", p.firstName());
      c.put("LastName", p.lastName());
      c.put("Email", r.email());
      c.put("Phone", phones < 40 || phones >= 80 ? r.phone() : null);
      c.put("MobilePhone", phones >= 40 ? (phones >= 80 ? people.rendering(p, "salesforce-mobile").phone() : r.phone()) : null);
      c.put("MailingStreet", street);
      c.put("MailingCity", street == null ? null : pick(CITIES.get(p.country())));
      c.put("MailingPostalCode", street == null ? null : postalCode(p.country()));
      // with State and Country Picklists on, the country is a picklist with an ISO code beside its name
      c.put("MailingCountry", COUNTRY_NAMES.get(p.country()));
      c.put("MailingCountryCode", p.country());
      c.put("LeadSource", List.of("Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other").get(random.nextInt(5)));
      c.put("HasOptedOutOfEmail", random.nextInt(10) == 0);
      c.put("Description", null);
      c.put("CreatedDate", created);
      c.put("LastModifiedDate", modified);
      c.put("SystemModstamp", modified);
      records.get("Contact").put(id, c);
      contactIds.add(id);
      contactPerson.put(id, p.index());
      int n = random.nextInt(100);
      int cases = n < 45 ? 0 : n < 75 ? 1 : n < 90 ? 2 : 3;
      for (int j = 0; j < cases; j++) {
        Instant opened = created.plus(Duration.ofMinutes(random.nextInt(200 * 24 * 60)));
        if (opened.isAfter(ANCHOR)) {
          opened = ANCHOR.minus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 30)));
        }
        int s = random.nextInt(100);
        newCase(c, opened, s < 60 ? "Closed" : s < 72 ? "New" : s < 90 ? "Working" : "Escalated");
      }
    }
    for (String accountId : accountIds) {
      if (random.nextInt(10) < 6) {
        newOpportunity(accountId);
      }
    }
  }

  private Map<String, Object> newCase(Map<String, Object> contact, Instant opened, String status) {
    Map<String, Object> c = new LinkedHashMap<>();
    String id = nextId("Case");
    String origin = pick(ORIGINS);
    c.put("Id", id);
    c.put("IsDeleted", false);
    c.put("CaseNumber", String.format("%08d", ++caseNumber));
    c.put("ContactId", contact.get("Id"));
    c.put("AccountId", contact.get("AccountId"));
    c.put("SuppliedEmail", origin.equals("Email") || origin.equals("Web") ? contact.get("Email") : null);
    c.put("Type", List.of("Problem", "Question", "Feature Request").get(random.nextInt(3)));
    c.put("Status", "New");
    c.put("Reason", pick(REASONS));
    c.put("Origin", origin);
    c.put("Subject", pick(SUBJECTS));
    c.put("Priority", pick(PRIORITIES));
    c.put("Description", null);
    c.put("IsClosed", false);
    c.put("IsEscalated", false);
    c.put("ClosedDate", null);
    c.put("CreatedDate", opened);
    c.put("LastModifiedDate", opened);
    c.put("SystemModstamp", opened);
    Instant modified = opened;
    if (!status.equals("New")) {
      modified = opened.isBefore(ANCHOR) ? opened.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 5))) : opened;
      if (modified.isAfter(ANCHOR) && opened.isBefore(ANCHOR)) {
        modified = ANCHOR.minusSeconds(1);
      }
    }
    setStatus(c, status, modified);
    touch(c, modified);
    records.get("Case").put(id, c);
    return c;
  }

  private void newOpportunity(String accountId) {
    Map<String, Object> a = records.get("Account").get(accountId);
    Instant created = ((Instant) a.get("CreatedDate")).plus(Duration.ofDays(1 + random.nextInt(200)));
    Instant modified = created.plus(Duration.ofDays(random.nextInt(60)));
    String stage = pick(STAGES);
    Map<String, Object> o = new LinkedHashMap<>();
    String id = nextId("Opportunity");
    o.put("Id", id);
    o.put("IsDeleted", false);
    o.put("AccountId", accountId);
    o.put("Name", a.get("Name") + " - " + List.of("Renewal", "Upgrade", "New Business", "Add-on").get(random.nextInt(4)));
    o.put("StageName", stage);
    o.put("Amount", (double) (1000 + random.nextInt(200) * 250));
    o.put("Probability", (double) (stage.equals("Closed Won") ? 100 : stage.equals("Closed Lost") ? 0 : 10 + 10 * STAGES.indexOf(stage)));
    o.put("CloseDate", LocalDate.ofInstant(modified, ZoneOffset.UTC).plusDays(30));
    o.put("Type", random.nextBoolean() ? "Existing Customer - Upgrade" : "New Customer");
    o.put("IsClosed", stage.startsWith("Closed"));
    o.put("IsWon", stage.equals("Closed Won"));
    o.put("CreatedDate", created);
    o.put("LastModifiedDate", modified);
    o.put("SystemModstamp", modified);
    records.get("Opportunity").put(id, o);
  }

  private static void setStatus(Map<String, Object> c, String status, Instant at) {
    c.put("Status", status);
    boolean closed = status.equals("Closed");
    c.put("IsClosed", closed);
    c.put("IsEscalated", status.equals("Escalated") || Boolean.TRUE.equals(c.get("IsEscalated")));
    c.put("ClosedDate", closed ? at : null);
  }

  private static void touch(Map<String, Object> r, Instant at) {
    r.put("LastModifiedDate", at);
    r.put("SystemModstamp", at);
  }

  private Instant nextStamp() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    lastStamp = now.isAfter(lastStamp) ? now : lastStamp.plusMillis(1);
    return lastStamp;
  }

  private String nextId(String type) {
    long serial = serials.merge(type, 1L, Long::sum);
    // spread the serials so ids do not look sequential, as real ids do not
    return SalesforceIds.of(SalesforceSchema.KEY_PREFIXES.get(type), 3_000_000L + serial * 7919L);
  }

  private String street(String country) {
    int number = 1 + random.nextInt(180);
    return country.equals("DE") ? pick(STREETS_DE) + " " + number : number + " " + pick(STREETS_EN);
  }

  private String postalCode(String country) {
    return switch (country) {
      case "US" -> String.format("%05d", 10000 + random.nextInt(89999));
      case "GB" -> List.of("SW1A 1AA", "M1 1AE", "LS1 4AP", "BS1 5TR", "EH1 1YZ", "CF10 1EP").get(random.nextInt(6));
      default -> String.format("%05d", 10000 + random.nextInt(89999));
    };
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
