package io.cxhub.profile;

import static io.cxhub.profile.Records.T0;
import static io.cxhub.profile.Records.billingCustomer;
import static io.cxhub.profile.Records.email;
import static io.cxhub.profile.Records.invoice;
import static io.cxhub.profile.Records.party;
import static io.cxhub.profile.Records.phone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cxhub.identity.IdentityRules;
import io.cxhub.identity.IdentityRules.KeyRule;
import io.cxhub.identity.IdentityRules.SourceRule;
import io.cxhub.identity.KeyBlockList;
import io.cxhub.mapping.EntityRecord;
import io.cxhub.mapping.IdentityKey;
import io.cxhub.mapping.MappedRecord;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.store.Database;
import io.cxhub.taxonomy.Taxonomy;
import io.cxhub.testkit.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merge rules, survivorship per taxonomy field, and un-merge, on a real PostgreSQL. */
class IdentityRulesIT {

  private static final Map<String, SourceRule> SOURCES = Map.of("salesforce", new SourceRule("crm", 1.0),
      "stripe", new SourceRule("billing", 1.0), "genesys", new SourceRule("ccaas", 0.3));

  @TempDir
  Path taxonomyDir;

  private Database db;
  private ProfileQueries queries;
  private Taxonomy taxonomy;

  @BeforeEach
  void open() throws IOException {
    db = Database.open(TestPostgres.newDatabase("identity"), null, null, 4);
    queries = new ProfileQueries(db.dataSource());
    Files.writeString(taxonomyDir.resolve("ltv.yaml"), """
        version: 1
        entities:
          party:
            fields:
              lifetime_value: { type: decimal, survivorship: sum, description: "Revenue over all systems." }
        """);
    taxonomy = Taxonomy.load(List.of(taxonomyDir));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private ProfileWriter writer(Map<String, KeyRule> keys) {
    return new ProfileWriter(db.dataSource(), new IdentityRules(keys, SOURCES, 0.5, KeyBlockList.none()), taxonomy);
  }

  @Test
  void eachAttributeSurvivesByItsTaxonomyRule() {
    ProfileWriter writer = writer(Map.of());
    writer.write(List.of(party("salesforce", "003A", T0, fields("display_name", "Jane Doe",
        "created_at", "2021-03-01T00:00:00Z", "updated_at", "2025-06-01T00:00:00Z", "lifetime_value", 20),
        email("jane@example.com"))));
    writer.write(List.of(party("stripe", "cus_1", T0.plusSeconds(100), fields("display_name", "J DOE BILLING",
        "created_at", "2019-01-01T00:00:00Z", "updated_at", "2026-01-01T00:00:00Z", "lifetime_value", 100.5),
        email("jane@example.com"))));

    Map<String, Attribute> a = queries.byKey(email("jane@example.com")).orElseThrow().attributes();
    assertEquals("Jane Doe", a.get("display_name").value().asText(), "source_priority: crm before billing, though older");
    assertEquals("salesforce", a.get("display_name").system());
    assertEquals("2021-03-01T00:00:00Z", a.get("created_at").value().asText(), "first_seen: the value observed first");
    assertEquals("2026-01-01T00:00:00Z", a.get("updated_at").value().asText(), "max");
    assertEquals("120.5", a.get("lifetime_value").value().decimalValue().toPlainString(), "sum over the sources");
    assertEquals(T0.plusSeconds(100), a.get("lifetime_value").observedAt(), "provenance of the latest contribution");
  }

  @Test
  void aSourceSendingSomeFieldsKeepsTheOthersAndAStaleObservationLoses() {
    ProfileWriter writer = writer(Map.of());
    writer.write(List.of(party("salesforce", "003A", T0, fields("display_name", "Jane Doe", "language", "en"),
        email("jane@example.com"))));
    writer.write(List.of(party("salesforce", "003A", T0.plusSeconds(60), fields("language", "fr"),
        email("jane@example.com"))));
    WriteResult stale = writer.write(List.of(party("salesforce", "003A", T0.plusSeconds(30), fields("language", "de"),
        email("jane@example.com"))));

    Map<String, Attribute> a = queries.byKey(email("jane@example.com")).orElseThrow().attributes();
    assertEquals("Jane Doe", a.get("display_name").value().asText());
    assertEquals("fr", a.get("language").value().asText());
    assertEquals(T0.plusSeconds(60), a.get("language").observedAt());
    assertEquals(1, stale.unchanged(), "an observation older than the stored value changes nothing");
  }

  @Test
  void aKeyTypeThatMayNotMergeRoutesRecordsButNeverJoinsTwoProfiles() {
    ProfileWriter writer = writer(ordered("email", KeyRule.DEFAULT, "phone", new KeyRule(false, 0)));
    writer.write(List.of(party("salesforce", "003A", T0, fields("display_name", "Jane"), email("jane@example.com"))));
    writer.write(List.of(party("salesforce", "003B", T0, fields("display_name", "Joe"), email("joe@example.com"),
        phone("+14155550100"))));

    WriteResult r = writer.write(List.of(party("stripe", "cus_1", T0.plusSeconds(5), fields("country", "US"),
        email("jane@example.com"), phone("+14155550100")), call("c-1", phone("+14155550100"))));

    assertEquals(0, r.merges());
    assertEquals(2, count("select count(*) from profile"));
    ProfileView jane = queries.byKey(email("jane@example.com")).orElseThrow();
    ProfileView joe = queries.byKey(phone("+14155550100")).orElseThrow();
    assertNotEquals(jane.id(), joe.id());
    assertEquals("US", jane.attributes().get("country").value().asText(), "the record follows its e-mail");
    assertEquals(Map.of("interaction", 1L), joe.eventCounts(), "a call with only the phone goes to its owner");

    writer.write(List.of(party("salesforce", "003C", T0, fields("display_name", "Joe's flatmate"),
        email("flatmate@example.com"), phone("+14155550100"))));
    ProfileView flatmate = queries.byKey(email("flatmate@example.com")).orElseThrow();
    assertNotEquals(joe.id(), flatmate.id(), "a new person sharing the phone gets a profile of their own");
    assertEquals(joe.id(), queries.byKey(phone("+14155550100")).orElseThrow().id());
  }

  @Test
  void aMergeThatWouldGiveAProfileTwoCrmContactsIsRefused() {
    ProfileWriter writer = writer(Map.of("crm_contact_id", new KeyRule(true, 1)));
    writer.write(List.of(party("salesforce", "003A", T0, fields("display_name", "Jane"), crm("003A"),
        email("jane@example.com"))));
    writer.write(List.of(party("salesforce", "003B", T0, fields("display_name", "Jim"), crm("003B"),
        phone("+14155550100"))));

    WriteResult bridge = writer.write(List.of(party("stripe", "cus_9", T0.plusSeconds(9), fields("country", "US"),
        email("jane@example.com"), phone("+14155550100"))));
    WriteResult third = writer.write(List.of(party("salesforce", "003C", T0, fields("display_name", "J"), crm("003C"),
        email("jane@example.com"))));

    assertEquals(0, bridge.merges());
    assertEquals(1, bridge.mergesRefused());
    assertEquals(2, count("select count(*) from profile"));
    assertEquals(1, third.keysDropped(), "a second CRM contact id is not attached to Jane's profile");
    assertEquals(0, count("select count(*) from identity where key_value = '003C'"));
  }

  @Test
  void aSourceBelowTheMergeTrustAttachesButNeverMerges() {
    ProfileWriter writer = writer(Map.of());
    writer.write(List.of(party("salesforce", "003A", T0, fields("display_name", "Jane"), email("jane@example.com"))));
    writer.write(List.of(party("stripe", "cus_1", T0, fields("display_name", "Joe"), phone("+14155550100"))));

    WriteResult r = writer.write(List.of(party("genesys", "cust-7", T0, fields("language", "en"),
        email("jane@example.com"), phone("+14155550100"))));

    assertEquals(0, r.merges());
    assertEquals(2, count("select count(*) from profile"));
  }

  @Test
  void mergeThenUnmergeRestoresBothProfilesExactly() {
    ProfileWriter writer = writer(Map.of());
    writer.write(List.of(billingCustomer("cus_1", "jane@example.com", "Jane Roe", T0), invoice("in_1", "cus_1", "20.00", T0)));
    writer.write(List.of(party("salesforce", "003B", T0.plusSeconds(5), fields("display_name", "J. Roe", "language", "en"),
        phone("+14155550100")), call("c-1", phone("+14155550100"))));
    ProfileView janeBefore = queries.byKey(email("jane@example.com")).orElseThrow();
    ProfileView callerBefore = queries.byKey(phone("+14155550100")).orElseThrow();
    List<TimelineEvent> janeEvents = queries.timeline(janeBefore.id(), 100, null).events();
    List<TimelineEvent> callerEvents = queries.timeline(callerBefore.id(), 100, null).events();

    MappedRecord bridge = survey("r-1", email("jane@example.com"), phone("+14155550100"));
    assertEquals(1, writer.write(List.of(bridge)).merges());
    writer.write(List.of(call("c-2", phone("+14155550100")))); // arrives while merged, belongs to the caller's side
    ProfileView merged = queries.byId(janeBefore.id()).orElseThrow();
    assertTrue(queries.byId(callerBefore.id()).isEmpty());
    assertEquals("J. Roe", merged.attributes().get("display_name").value().asText(), "crm wins display_name");

    ProfileUnmerger unmerger = new ProfileUnmerger(db.dataSource(), writer.rules(), taxonomy, u -> { });
    ProfileUnmerger.Unmerged u = unmerger.unmerge(java.util.UUID.fromString(janeBefore.id()), null, "ops",
        "the caller is Jane's neighbour");

    assertEquals(callerBefore.id(), u.restored().toString());
    ProfileView jane = queries.byId(janeBefore.id()).orElseThrow();
    ProfileView caller = queries.byId(callerBefore.id()).orElseThrow();
    assertEquals(janeBefore.attributes(), jane.attributes());
    assertEquals(janeBefore.identities(), jane.identities());
    assertEquals(callerBefore.createdAt(), caller.createdAt());
    assertEquals(callerBefore.attributes(), caller.attributes());
    assertEquals(callerBefore.identities(), caller.identities());
    assertEquals(ids(janeEvents) + ",survey_response/r-1", ids(queries.timeline(jane.id(), 100, null).events()),
        "the bridging response stays with the survivor");
    assertEquals(ids(callerEvents) + ",interaction/c-2", ids(queries.timeline(caller.id(), 100, null).events()));
    ProfileView.MergeView history = caller.merges().get(0);
    assertEquals("ops", history.unmergedBy());
    assertEquals("survey_response", history.causeEntity());

    WriteResult again = writer.write(List.of(survey("r-2", email("jane@example.com"), phone("+14155550100"))));
    assertEquals(0, again.merges(), "an un-merged pair is not merged again");
    assertEquals(1, again.mergesRefused());
    IllegalStateException none = assertThrows(IllegalStateException.class,
        () -> unmerger.unmerge(java.util.UUID.fromString(jane.id()), null, "ops", "again"));
    assertTrue(none.getMessage().contains("no merge left to undo"), none.getMessage());
  }

  private static String ids(List<TimelineEvent> events) {
    return events.stream().map(e -> e.entity() + "/" + e.sourceId()).sorted().collect(Collectors.joining(","));
  }

  private static Map<String, Object> fields(Object... nameValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      Object v = nameValues[i + 1];
      fields.put((String) nameValues[i], v instanceof Number n ? new java.math.BigDecimal(n.toString()) : v);
    }
    return fields;
  }

  /** Key rules in priority order. */
  private static Map<String, KeyRule> ordered(String type, KeyRule rule, String type2, KeyRule rule2) {
    Map<String, KeyRule> keys = new LinkedHashMap<>();
    keys.put(type, rule);
    keys.put(type2, rule2);
    return keys;
  }

  private static IdentityKey crm(String id) {
    return new IdentityKey("crm_contact_id", id);
  }

  private static MappedRecord call(String id, IdentityKey... keys) {
    return event("genesys", "conversations", "interaction", id, Map.of("channel", "voice"), keys);
  }

  private static MappedRecord survey(String id, IdentityKey... keys) {
    return event("qualtrics", "responses", "survey_response", id, Map.of("score", 2L), keys);
  }

  private static MappedRecord event(String system, String stream, String entity, String id, Map<String, Object> data,
      IdentityKey... keys) {
    Instant at = T0.plusSeconds(30);
    return new MappedRecord(new RawRecord(system, stream, id, at, JsonNodeFactory.instance.objectNode(), null, null),
        List.of(new EntityRecord(entity, id, data, List.of(keys))));
  }

  private long count(String sql) {
    try (var c = db.dataSource().getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }
}
