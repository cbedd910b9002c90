package io.cxhub.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.simulator.billing.BillingOptions;
import io.cxhub.simulator.billing.BillingSimulator;
import io.cxhub.simulator.genesys.GenesysOptions;
import io.cxhub.simulator.genesys.GenesysSimulator;
import io.cxhub.simulator.people.People;
import io.cxhub.simulator.people.Person;
import io.cxhub.simulator.qualtrics.QualtricsSimulator;
import io.cxhub.simulator.salesforce.SalesforceOptions;
import io.cxhub.simulator.salesforce.SalesforceSimulator;
import io.cxhub.simulator.stripe.StripeOptions;
import io.cxhub.simulator.stripe.StripeSimulator;
import io.cxhub.testkit.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The five bundled source systems talk about the same simulated people ({@link People}, seed 42):
 * persons {@code 0..PEOPLE-1} are billing customers, Salesforce contacts and Stripe customers at
 * once; the contact centre's callers and the surveys' respondents are drawn from persons
 * {@code 0..3999}. Each system writes a person's e-mail and phone its own messy way (case, spaces,
 * national or international format) and knows them by its own id. The hub reads all five through
 * their connector plugins and must put every record of a person that carries that person's e-mail
 * or phone on one profile, and never put two people on one.
 *
 * <p>What is expected is worked out here without the hub: who a record is about comes from the
 * simulators (Stripe's {@code metadata.cxhub_person}, Qualtrics' {@code externalDataReference},
 * billing's {@code cus_<index+1>}, the Salesforce and Genesys simulators' {@code person(id)}); the
 * normalized e-mail and phone come from the generator's canonical {@link Person} (never from
 * libphonenumber); a record contributes them only when it shows an e-mail or a phone at all. The
 * records' keys are then joined transitively (a union-find over the keys), which is what the
 * profiles must be, key for key.
 *
 * <p>Billing's invoices and payments and Stripe's invoices, charges and subscriptions are not read:
 * they carry only the customer's id, which adds nothing to the joins, and would triple the records.
 */
class CrossSystemJoinIT {

  /** Persons 0..PEOPLE-1 are customers of billing, Salesforce and Stripe. */
  private static final int PEOPLE = 250;
  private static final int CONVERSATIONS = 1000;
  private static final int RESPONSES_PER_SURVEY = 200;
  private static final Duration INGEST = Duration.ofSeconds(60);

  private static final People POPULATION = new People(People.DEFAULT_SEED);

  private static BillingSimulator billing;
  private static SalesforceSimulator salesforce;
  private static StripeSimulator stripe;
  private static GenesysSimulator genesys;
  private static QualtricsSimulator qualtrics;
  private static HubFixture fixture;
  private static Expected expected;

  @BeforeAll
  static void start() throws Exception {
    String billingUrl = TestPostgres.newDatabase("billing");
    billing = new BillingSimulator(billingUrl, BillingOptions.defaults().withCustomers(PEOPLE));
    billing.start();
    SalesforceOptions sf = SalesforceOptions.defaults(); // but persons 0..PEOPLE-1, as billing's and Stripe's
    salesforce = SalesforceSimulator.start(new SalesforceOptions(0, sf.seed(), 0, PEOPLE, 20, sf.pageSize(),
        sf.tokenLifetime(), sf.dailyRequestLimit(), sf.clientId(), sf.clientSecret(), sf.username(), sf.password()));
    StripeOptions st = StripeOptions.defaults();
    stripe = StripeSimulator.start(new StripeOptions(st.seed(), 0, PEOPLE, st.anchor(), st.apiKey()));
    genesys = GenesysSimulator.start(GenesysOptions.defaults().withConversations(CONVERSATIONS)
        .withHistory(Duration.ofDays(2)).withAnchor(Instant.now().minus(Duration.ofHours(1))), 0);
    qualtrics = new QualtricsSimulator(0, RESPONSES_PER_SURVEY);

    Map<String, String> variables = new LinkedHashMap<>();
    variables.put("BILLING_JDBC_URL", billingUrl);
    variables.put("SALESFORCE_LOGIN_URL", salesforce.baseUri().toString());
    variables.put("SALESFORCE_CLIENT_ID", sf.clientId());
    variables.put("SALESFORCE_CLIENT_SECRET", sf.clientSecret());
    variables.put("SALESFORCE_USERNAME", sf.username());
    variables.put("SALESFORCE_PASSWORD", sf.password());
    variables.put("STRIPE_API_BASE", stripe.baseUri().toString());
    variables.put("STRIPE_API_KEY", stripe.apiKey());
    variables.put("GENESYS_URL", genesys.apiUri().toString());
    variables.put("GENESYS_CLIENT_ID", genesys.clientId());
    variables.put("GENESYS_CLIENT_SECRET", genesys.clientSecret());
    variables.put("QUALTRICS_BASE_URL", qualtrics.baseUri().toString());
    variables.put("QUALTRICS_API_TOKEN", qualtrics.apiToken());
    variables.put("QUALTRICS_SURVEY_IDS", String.join(",", qualtrics.surveyIds()));
    fixture = new HubFixture(variables);
    for (String module : List.of("connector-salesforce", "connector-stripe", "connector-genesys", "connector-qualtrics")) {
      fixture.plugin(module);
    }
    fixture.route("sources.yaml", """
        - templatedRoute:
            routeTemplateRef: billing-jdbc
            routeId: billing-joins
            parameters:
              - { name: jdbcUrl, value: "${env:BILLING_JDBC_URL}" }
              - { name: streams, value: customers }
              - { name: schedule, value: "* * * * * ?" }
              - { name: batchSize, value: "2000" }
        - templatedRoute:
            routeTemplateRef: salesforce
            routeId: salesforce-joins
            parameters:
              - { name: loginUrl, value: "${env:SALESFORCE_LOGIN_URL}" }
              - { name: authenticationType, value: USERNAME_PASSWORD }
              - { name: clientId, value: "${env:SALESFORCE_CLIENT_ID}" }
              - { name: clientSecret, value: "${env:SALESFORCE_CLIENT_SECRET}" }
              - { name: userName, value: "${env:SALESFORCE_USERNAME}" }
              - { name: password, value: "${env:SALESFORCE_PASSWORD}" }
              - { name: streams, value: "contacts,accounts,cases" }
              - { name: schedule, value: "* * * * * ?" }
        - templatedRoute:
            routeTemplateRef: stripe
            routeId: stripe-joins
            parameters:
              - { name: apiBase, value: "${env:STRIPE_API_BASE}" }
              - { name: apiKey, value: "${env:STRIPE_API_KEY}" }
              - { name: streams, value: customers }
              - { name: schedule, value: "* * * * * ?" }
        - templatedRoute:
            routeTemplateRef: genesys
            routeId: genesys-joins
            parameters:
              - { name: loginUrl, value: "${env:GENESYS_URL}" }
              - { name: apiUrl, value: "${env:GENESYS_URL}" }
              - { name: clientId, value: "${env:GENESYS_CLIENT_ID}" }
              - { name: clientSecret, value: "${env:GENESYS_CLIENT_SECRET}" }
              - { name: schedule, value: "* * * * * ?" }
              - { name: settleTime, value: "1s" }
              - { name: initialLookback, value: "3d" }
        - templatedRoute:
            routeTemplateRef: qualtrics
            routeId: qualtrics-joins
            parameters:
              - { name: baseUrl, value: "${env:QUALTRICS_BASE_URL}" }
              - { name: apiToken, value: "${env:QUALTRICS_API_TOKEN}" }
              - { name: surveyIds, value: "${env:QUALTRICS_SURVEY_IDS}" }
              - { name: schedule, value: "* * * * * ?" }
        """);
    fixture.start();
    // the simulators do not change: what they hold is worked out while the hub reads it
    expected = Expected.of(billingUrl);
    awaitEverySourceRead();
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
    for (AutoCloseable sim : new AutoCloseable[] {qualtrics, genesys, stripe, salesforce, billing}) {
      if (sim != null) {
        try {
          sim.close();
        } catch (Exception e) {
          // closing the others matters more
        }
      }
    }
  }

  @Test
  void theProfilesAreExactlyThePeoplesJoinedKeys() throws InterruptedException {
    Set<Set<String>> want = expected.profiles();
    AtomicReference<Set<Set<String>>> got = new AtomicReference<>();
    try {
      HubFixture.await("the hub's profiles to hold exactly the joined keys", Duration.ofSeconds(10), () -> {
        got.set(hubProfiles());
        return got.get().equals(want);
      });
    } catch (AssertionError timedOut) {
      Set<Set<String>> missing = new TreeSet<>(Expected.ORDER);
      missing.addAll(want);
      missing.removeAll(got.get());
      Set<Set<String>> unexpected = new TreeSet<>(Expected.ORDER);
      unexpected.addAll(got.get());
      unexpected.removeAll(want);
      throw new AssertionError(want.size() + " profiles expected, " + got.get().size() + " found; expected but not found: "
          + first(missing, 5) + "; found but not expected: " + first(unexpected, 5), timedOut);
    }
  }

  @Test
  void everyCallAndSurveyResponseOfAPersonIsOnTheProfileOfItsKeys() throws SQLException {
    Map<String, String> profileOfEvent = new HashMap<>();
    query("select system || '/' || source_id, profile_id::text from profile_event where system in ('genesys', 'qualtrics')",
        rs -> profileOfEvent.put(rs.getString(1), rs.getString(2)));
    Map<String, Set<String>> byId = hubProfilesById();
    List<String> wrong = new ArrayList<>();
    expected.eventKeys.forEach((event, keys) -> {
      Set<String> component = expected.componentOf(keys.iterator().next());
      String profile = profileOfEvent.get(event);
      Set<String> actual = profile == null ? null : byId.get(profile);
      if (!component.equals(actual)) {
        wrong.add(event + " expected on " + component + ", found on " + actual);
      }
    });
    assertTrue(wrong.isEmpty(), wrong.size() + " of " + expected.eventKeys.size() + " events misplaced, e.g. "
        + wrong.subList(0, Math.min(5, wrong.size())));
    assertTrue(expected.eventKeys.size() > CONVERSATIONS, "calls and responses with keys: " + expected.eventKeys.size());
  }

  @Test
  void peopleKnownToAllFiveSystemsAreOneProfileWithEachSystemsIdentity() {
    List<Integer> everywhere = expected.peopleInEverySystem();
    assertTrue(everywhere.size() >= 5, "the population has people known to all five systems: " + everywhere);
    for (int index : everywhere) {
      Person p = POPULATION.person(index);
      JsonNode items = fixture.json(fixture.get("/api/profiles?key="
          + URLEncoder.encode("email:" + p.email(), StandardCharsets.UTF_8))).path("items");
      assertEquals(1, items.size(), "one profile for " + p);
      JsonNode profile = items.get(0);
      Set<String> keys = new TreeSet<>();
      Map<String, String> systemOfKey = new HashMap<>();
      profile.path("identities").forEach(i -> {
        keys.add(i.path("key").asText());
        systemOfKey.put(i.path("key").asText(), i.path("system").asText());
      });
      assertEquals(expected.componentOf("email:" + p.email()), keys, "identities of " + p);
      assertTrue(keys.contains("phone:" + p.phone()), p + ": " + keys);
      assertEquals("billing", systemOfKey.get(String.format("billing_customer_id:cus_%06d", index + 1)), p + ": " + keys);
      assertEquals("qualtrics", systemOfKey.get(String.format("survey_respondent_id:P%05d", index)), p + ": " + keys);
      assertEquals(Set.of("billing", "salesforce", "stripe", "qualtrics"), keys.stream()
          .filter(k -> !k.startsWith("email:") && !k.startsWith("phone:") && !k.startsWith("ccaas_customer_id:"))
          .map(systemOfKey::get).collect(Collectors.toSet()), p + ": " + keys);
      assertEquals(expected.events("genesys", index), profile.path("eventCounts").path("interaction").asLong(),
          "calls, chats and e-mails of " + p + " on " + profile);
      assertEquals(expected.events("qualtrics", index), profile.path("eventCounts").path("survey_response").asLong(),
          "survey responses of " + p + " on " + profile);
    }
  }

  @Test
  void distinctPeopleNeverShareAProfile() throws SQLException {
    List<String> shared = new ArrayList<>();
    hubProfilesById().forEach((id, keys) -> {
      Set<Integer> people = new TreeSet<>();
      keys.forEach(k -> {
        Integer person = expected.personOfKey.get(k);
        if (person != null) {
          people.add(person);
        }
      });
      if (people.size() > 1) {
        shared.add(id + " " + people + " " + keys);
      }
    });
    assertTrue(shared.isEmpty(), "profiles holding several people: " + shared);
    assertTrue(expected.personOfKey.values().stream().distinct().count() > PEOPLE, "people seen: "
        + expected.personOfKey.values().stream().distinct().count());
  }

  @Test
  void onlyCallsAndChatsWithoutAnyKeyAreHeldBackAsUnlinkable() {
    long keyless = CONVERSATIONS - expected.eventKeys.keySet().stream().filter(e -> e.startsWith("genesys/")).count();
    Map<String, Long> quarantined = new TreeMap<>();
    for (JsonNode s : fixture.json(fixture.get("/api/streams")).path("items")) {
      if (s.path("quarantined").asLong() > 0) {
        quarantined.put(s.path("system").asText() + "/" + s.path("stream").asText(), s.path("quarantined").asLong());
      }
    }
    assertTrue(keyless > 0, "withheld numbers and guest chats: " + keyless);
    assertEquals(Map.of("genesys/conversations", keyless), quarantined, "nothing else is held back: "
        + fixture.get("/api/quarantine?limit=5").body());
  }

  // ------------------------------------------------------------------ waiting and reading the hub

  /** Every record each simulator holds was stored or held by the hub. */
  private static void awaitEverySourceRead() throws InterruptedException {
    Map<String, Long> want = new TreeMap<>();
    want.put("billing/customers", billing.counts().get("customers"));
    want.put("salesforce/contacts", (long) salesforce.ids("Contact").size());
    want.put("salesforce/accounts", (long) salesforce.ids("Account").size());
    want.put("salesforce/cases", (long) salesforce.ids("Case").size());
    want.put("stripe/customers", (long) stripe.counts().get("customers"));
    want.put("genesys/conversations", (long) CONVERSATIONS);
    want.put("qualtrics/responses", (long) qualtrics.size());
    Map<String, Long> seen = new TreeMap<>();
    try {
      HubFixture.await("every source record read", INGEST, () -> {
        for (JsonNode s : fixture.json(fixture.get("/api/streams")).path("items")) {
          seen.put(s.path("system").asText() + "/" + s.path("stream").asText(),
              s.path("records").asLong() + s.path("quarantined").asLong());
        }
        return want.entrySet().stream().allMatch(e -> seen.getOrDefault(e.getKey(), 0L) >= e.getValue());
      });
    } catch (AssertionError e) {
      throw new AssertionError("records stored or held per stream: " + seen + ", at least these expected: " + want, e);
    }
  }

  /** Each profile's identity keys ({@code type:value}), by profile id. */
  private static Map<String, Set<String>> hubProfilesById() throws SQLException {
    Map<String, Set<String>> byProfile = new HashMap<>();
    query("select profile_id::text, key_type || ':' || key_value from identity",
        rs -> byProfile.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2)));
    return byProfile;
  }

  private static Set<Set<String>> hubProfiles() {
    try {
      return new HashSet<>(hubProfilesById().values());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  private static void query(String sql, Row row) throws SQLException {
    try (Connection c = DriverManager.getConnection(fixture.hubDbUrl); ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        row.accept(rs);
      }
    }
  }

  private static <T> List<T> first(Set<T> set, int n) {
    return set.stream().limit(n).toList();
  }

  // ------------------------------------------------------------------ what the sources say

  /**
   * The identity keys each source record carries, worked out from the simulators and the people
   * generator, and the profiles they make when joined transitively.
   */
  private static final class Expected {

    static final Comparator<Set<String>> ORDER = Comparator.comparing(Set::toString);

    /** Union-find over keys: parent of each key. */
    private final Map<String, String> parent = new HashMap<>();
    /** The person each key belongs to (keys of nobody in the population, e.g. unknown callers, are absent). */
    final Map<String, Integer> personOfKey = new HashMap<>();
    /** {@code system/sourceId} of each call and survey response with keys, to its keys. */
    final Map<String, Set<String>> eventKeys = new LinkedHashMap<>();

    static Expected of(String billingUrl) throws Exception {
      Expected e = new Expected();
      e.billing(billingUrl);
      e.salesforce();
      e.stripe();
      e.genesys();
      e.qualtrics();
      return e;
    }

    /** Customers {@code cus_<index+1>} with their e-mail and phone as the billing database has them. */
    private void billing(String url) throws SQLException {
      try (Connection c = DriverManager.getConnection(url);
          ResultSet rs = c.createStatement().executeQuery("select customer_id, email, phone from billing.customers")) {
        while (rs.next()) {
          String id = rs.getString(1);
          Person p = POPULATION.person(Integer.parseInt(id.substring(4)) - 1);
          record(p, List.of("billing_customer_id:" + id), rs.getString(2) != null, rs.getString(3) != null);
        }
      }
    }

    /** Contacts (with Phone or MobilePhone) and accounts; cases only repeat their contact's id and e-mail. */
    private void salesforce() {
      for (String id : salesforce.ids("Contact")) {
        Map<String, Object> c = salesforce.record("Contact", id);
        Person p = POPULATION.person(salesforce.person(id).orElseThrow());
        record(p, List.of("crm_contact_id:" + id), c.get("Email") != null,
            c.get("Phone") != null || c.get("MobilePhone") != null);
      }
      salesforce.ids("Account").forEach(id -> union("crm_account_id:" + id, "crm_account_id:" + id));
    }

    /** Customers over the simulated API, each naming its person in {@code metadata.cxhub_person}. */
    private void stripe() {
      String after = null;
      do {
        JsonNode page = stripeGet("/v1/customers?limit=100" + (after == null ? "" : "&starting_after=" + after));
        for (JsonNode c : page.path("data")) {
          Person p = POPULATION.person(c.path("metadata").path("cxhub_person").asInt());
          record(p, List.of("billing_customer_id:" + c.path("id").asText()), c.hasNonNull("email"), c.hasNonNull("phone"));
          after = c.path("id").asText();
        }
        if (!page.path("has_more").asBoolean()) {
          after = null;
        }
      } while (after != null);
    }

    /**
     * Conversations: a call shows the customer's number (ANI inbound, DNIS outbound) unless withheld,
     * an e-mail its sender, and non-voice contacts of known people carry the contact-centre
     * customer id. Chats of guests carry nothing.
     */
    private void genesys() {
      for (String id : genesys.conversationIds()) {
        JsonNode conversation = genesys.conversation(id);
        boolean outbound = "outbound".equals(conversation.path("originatingDirection").asText());
        JsonNode customer = null;
        for (JsonNode participant : conversation.path("participants")) {
          String purpose = participant.path("purpose").asText();
          if (purpose.equals("customer") || purpose.equals("external")) {
            customer = participant;
            break;
          }
        }
        JsonNode session = customer.path("sessions").get(0);
        String media = session.path("mediaType").asText();
        String address = media.equals("email") ? session.path(outbound ? "addressTo" : "addressFrom").asText(null)
            : session.path(outbound ? "dnis" : "ani").asText(null);
        boolean phone = address != null && address.startsWith("tel:");
        boolean email = address != null && media.equals("email");
        List<String> ids = customer.hasNonNull("externalContactId")
            ? List.of("ccaas_customer_id:" + customer.path("externalContactId").asText()) : List.of();
        OptionalInt person = genesys.person(id);
        List<String> keys;
        if (person.isPresent()) {
          keys = record(POPULATION.person(person.getAsInt()), ids, email, phone);
        } else {
          // nobody of the population: an unknown number (E.164 already) or a visitor's e-mail
          keys = new ArrayList<>(ids);
          if (phone) {
            keys.add("phone:" + address.substring("tel:".length()));
          } else if (email) {
            keys.add("email:" + address);
          }
          keys.forEach(k -> union(keys.get(0), k));
        }
        event("genesys/" + id, keys);
      }
    }

    /** Responses name their respondent ({@code P<index>}); the e-mail is embedded data, sometimes missing. */
    private void qualtrics() {
      for (String id : qualtrics.responseIds()) {
        JsonNode values = qualtrics.response(id).path("values");
        int index = Integer.parseInt(values.path("externalDataReference").asText().substring(1));
        Person p = POPULATION.person(index);
        List<String> keys = record(p, List.of("survey_respondent_id:" + values.path("externalDataReference").asText()),
            values.hasNonNull("email"), false);
        event("qualtrics/" + id, keys);
      }
    }

    /** A record of person {@code p}: its own ids, plus p's canonical e-mail and phone when it shows them. */
    private List<String> record(Person p, List<String> ids, boolean showsEmail, boolean showsPhone) {
      List<String> keys = new ArrayList<>(ids);
      if (showsEmail) {
        keys.add("email:" + p.email());
      }
      if (showsPhone) {
        keys.add("phone:" + p.phone());
      }
      for (String k : keys) {
        personOfKey.put(k, p.index());
        union(keys.get(0), k);
      }
      return keys;
    }

    private void event(String event, List<String> keys) {
      if (!keys.isEmpty()) { // a record without any key is held by the hub as unlinkable
        eventKeys.put(event, new TreeSet<>(keys));
      }
    }

    /** Calls (or survey responses) of person {@code index} that end on the profile of their e-mail. */
    long events(String system, int index) {
      Person p = POPULATION.person(index);
      Set<String> profile = componentOf("email:" + p.email());
      return eventKeys.entrySet().stream().filter(e -> e.getKey().startsWith(system + "/"))
          .filter(e -> profile.containsAll(e.getValue())).count();
    }

    /**
     * People whose one profile (found by e-mail) holds their billing, Salesforce, Stripe and Qualtrics
     * ids and at least one call: the join across all five systems.
     */
    List<Integer> peopleInEverySystem() {
      List<Integer> out = new ArrayList<>();
      for (int index = 0; index < PEOPLE; index++) {
        Person p = POPULATION.person(index);
        if (!parent.containsKey("email:" + p.email()) || !parent.containsKey("phone:" + p.phone())) {
          continue;
        }
        Set<String> keys = componentOf("email:" + p.email());
        boolean all = keys.contains(String.format("billing_customer_id:cus_%06d", index + 1))
            && keys.stream().anyMatch(k -> k.startsWith("crm_contact_id:"))
            && keys.stream().filter(k -> k.startsWith("billing_customer_id:")).count() == 2
            && keys.contains(String.format("survey_respondent_id:P%05d", index))
            && events("genesys", index) > 0;
        if (all) {
          out.add(index);
        }
      }
      return out;
    }

    /** The expected profiles: each one the set of keys its records share, directly or through others. */
    Set<Set<String>> profiles() {
      return new HashSet<>(components().values());
    }

    /** The keys that end on one profile with {@code key}. */
    Set<String> componentOf(String key) {
      return components().getOrDefault(key, Set.of(key));
    }

    private Map<String, Set<String>> components;

    /** Key to its component, worked out once every source was read. */
    private Map<String, Set<String>> components() {
      if (components == null) {
        Map<String, Set<String>> byRoot = new HashMap<>();
        for (String key : new ArrayList<>(parent.keySet())) {
          byRoot.computeIfAbsent(find(key), r -> new TreeSet<>()).add(key);
        }
        components = new HashMap<>();
        byRoot.values().forEach(keys -> keys.forEach(k -> components.put(k, keys)));
      }
      return components;
    }

    private void union(String a, String b) {
      String ra = find(a);
      String rb = find(b);
      if (!ra.equals(rb)) {
        parent.put(ra, rb);
      }
    }

    private String find(String key) {
      parent.putIfAbsent(key, key);
      String root = key;
      while (!parent.get(root).equals(root)) {
        root = parent.get(root);
      }
      parent.put(key, root);
      return root;
    }
  }

  private static JsonNode stripeGet(String path) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stripe.baseUri().resolve(path))
          .header("Authorization", "Bearer " + stripe.apiKey()).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), path + ": " + r.body());
      return new ObjectMapper().readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
