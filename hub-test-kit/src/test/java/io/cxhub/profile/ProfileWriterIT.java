package io.cxhub.profile;

import static io.cxhub.profile.Records.T0;
import static io.cxhub.profile.Records.billing;
import static io.cxhub.profile.Records.billingCustomer;
import static io.cxhub.profile.Records.email;
import static io.cxhub.profile.Records.invoice;
import static io.cxhub.profile.Records.party;
import static io.cxhub.profile.Records.phone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cxhub.mapping.EntityRecord;
import io.cxhub.mapping.MappedRecord;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.store.Database;
import io.cxhub.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProfileWriterIT {

  private Database db;
  private ProfileWriter writer;
  private ProfileQueries queries;

  @BeforeEach
  void open() {
    db = Database.open(TestPostgres.newDatabase("profiles"), null, null, 4);
    writer = new ProfileWriter(db.dataSource());
    queries = new ProfileQueries(db.dataSource());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aBlockedSharedValueNeverGluesTwoPeopleTogether() {
    ProfileWriter guarded = new ProfileWriter(db.dataSource(), io.cxhub.identity.KeyBlockList.of(Map.of(
        "phone", List.of("+18005550142"), "email", List.of("noreply@*"))));
    // two customers who both left the company switchboard and a no-reply address with the CRM
    WriteResult r = guarded.write(List.of(
        party("crm", "003A", T0, Map.of("name", "Ann Lee"), new io.cxhub.mapping.IdentityKey("crm_contact_id", "003A"),
            phone("+18005550142"), email("noreply@acme.example")),
        party("crm", "003B", T0, Map.of("name", "Bo Chan"), new io.cxhub.mapping.IdentityKey("crm_contact_id", "003B"),
            phone("+18005550142"), email("noreply@acme.example"))));
    assertEquals(2, r.profilesCreated(), r.toString());
    assertEquals(0, r.merges());
    ProfileView ann = queries.byKey(new io.cxhub.mapping.IdentityKey("crm_contact_id", "003A")).orElseThrow();
    assertEquals(List.of("crm_contact_id:003A"), ann.identities().stream().map(ProfileView.IdentityView::key).toList());
    assertTrue(queries.byKey(phone("+18005550142")).isEmpty(), "the switchboard is no one's key");

    // a record whose only key is blocked is held as unlinkable, saying why without the value
    WriteResult onlyBlocked = guarded.write(List.of(party("ccaas", "call-1", T0, Map.of(), phone("+18005550142"))));
    assertEquals(1, onlyBlocked.unlinkable().size());
    String reason = onlyBlocked.unlinkable().get(0).reason();
    assertTrue(reason.startsWith("only blocked identity keys (phone)"), reason);
    assertTrue(!reason.contains("5550142"), reason);

    // without the block list the same two records are one profile: the shared values glue them
    WriteResult unguarded = writer.write(List.of(
        party("crm", "003C", T0, Map.of(), new io.cxhub.mapping.IdentityKey("crm_contact_id", "003C"),
            phone("+18005550199")),
        party("crm", "003D", T0, Map.of(), new io.cxhub.mapping.IdentityKey("crm_contact_id", "003D"),
            phone("+18005550199"))));
    assertEquals(1, unguarded.profilesCreated(), unguarded.toString());
  }

  @Test
  void blockedValuesMustBeWrittenAsTheMappingsNormalizeThem() {
    IllegalArgumentException phone = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> io.cxhub.identity.KeyBlockList.of(Map.of("phone", List.of("(800) 555-0142"))));
    assertEquals("blocked phone '(800) 555-0142': expected E.164 as the mappings normalize it, e.g. +18005550142 "
        + "(digits after +, * for any)", phone.getMessage());
    IllegalArgumentException email = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> io.cxhub.identity.KeyBlockList.of(Map.of("email", List.of("NoReply@Acme.example"))));
    assertTrue(email.getMessage().contains("lower-case"), email.getMessage());
    var list = io.cxhub.identity.KeyBlockList.of(Map.of("email", List.of("*@example.invalid", "noreply@*")));
    assertTrue(list.blocks(email("a@example.invalid")));
    assertTrue(list.blocks(email("noreply@shop.example")));
    assertTrue(!list.blocks(email("jane@example.com")));
  }

  @Test
  void partyRecordsBecomeProfilesWithAttributesAndProvenance() {
    WriteResult r = writer.write(List.of(
        billingCustomer("cus_000001", "jane@example.com", "Jane Roe", T0),
        billingCustomer("cus_000002", "john@example.com", "John Doe", T0)));

    assertEquals(2, r.profilesCreated());
    assertEquals(0, r.unchanged());
    ProfileView jane = queries.byKey(email("jane@example.com")).orElseThrow();
    assertEquals("Jane Roe", jane.attributes().get("name").value().asText());
    assertEquals("49.90", jane.attributes().get("mrr").value().decimalValue().toPlainString());
    assertEquals(3L, jane.attributes().get("seats").value().asLong());
    assertEquals("2024-02-29", jane.attributes().get("customer_since").value().asText());
    Attribute name = jane.attributes().get("name");
    assertEquals(List.of("billing", "customers", "cus_000001", T0.toString()),
        List.of(name.system(), name.stream(), name.sourceId(), name.observedAt().toString()));
    assertEquals(List.of("billing_customer_id:cus_000001", "email:jane@example.com"),
        jane.identities().stream().map(ProfileView.IdentityView::key).toList());
    assertEquals(jane.id(), queries.byKey(billing("cus_000001")).orElseThrow().id());
  }

  @Test
  void eventsLinkToThePartysProfileByBillingCustomerId() {
    writer.write(List.of(billingCustomer("cus_000123", "jane@example.com", "Jane Roe", T0)));
    WriteResult r = writer.write(List.of(
        invoice("in_1", "cus_000123", "120.00", T0.plusSeconds(60)),
        invoice("in_2", "cus_000123", "80.50", T0.plusSeconds(120))));

    assertEquals(0, r.profilesCreated());
    assertEquals(2, r.eventsWritten());
    ProfileView jane = queries.byKey(email("jane@example.com")).orElseThrow();
    assertEquals(Map.of("invoice", 2L), jane.eventCounts());
    TimelinePage page = queries.timeline(jane.id(), 1, null);
    assertEquals("in_2", page.events().get(0).sourceId());
    assertEquals("80.50", page.events().get(0).data().get("amount").decimalValue().toPlainString());
    assertEquals("in_1", queries.timeline(jane.id(), 1, page.nextBefore()).events().get(0).sourceId());
  }

  @Test
  void recordsOfANewCustomerInOneBatchEndOnOneProfile() throws SQLException {
    WriteResult r = writer.write(List.of(
        invoice("in_1", "cus_000777", "10.00", T0),
        invoice("in_2", "cus_000777", "20.00", T0),
        billingCustomer("cus_000777", "new@example.com", "New Customer", T0)));

    assertEquals(1, r.profilesCreated());
    assertEquals(2, r.eventsWritten());
    assertEquals(1, count("select count(*) from profile"));
    assertEquals(1, count("select count(distinct profile_id) from profile_event"));
  }

  @Test
  void theSameBatchTwiceChangesNoRow() throws SQLException {
    List<MappedRecord> batch = List.of(
        billingCustomer("cus_000001", "jane@example.com", "Jane Roe", T0),
        invoice("in_1", "cus_000001", "120.00", T0),
        invoice("in_2", "cus_000002", "15.00", T0),
        billingCustomer("cus_000002", "john@example.com", "John Doe", T0));
    WriteResult first = writer.write(batch);
    String rowsBefore = rowVersions();

    WriteResult second = writer.write(batch);

    assertEquals(new WriteResult(2, 0, 2, 0, 0, 0, 0, List.of(), first.timelineChanged(), java.util.Set.of()), first);
    assertEquals(2, first.timelineChanged().size(), "both profiles got an invoice");
    assertEquals(new WriteResult(0, 0, 0, 4, 0, 0, 0, List.of(), java.util.Set.of(), java.util.Set.of()), second);
    assertEquals(rowsBefore, rowVersions(), "xmin and updated_at of every row");
  }

  @Test
  void keysPointingAtTwoProfilesMergeIntoTheOlderOne() throws SQLException {
    writer.write(List.of(billingCustomer("cus_000001", "jane@example.com", "Jane Roe", T0),
        invoice("in_1", "cus_000001", "120.00", T0)));
    writer.write(List.of(party("crm", "003A", T0.plusSeconds(10), Map.of("name", "Jane R."), phone("+14155550100")),
        new MappedRecord(new RawRecord("ccaas", "contacts", "ct-1", T0, JsonNodeFactory.instance.objectNode(), null, null),
            List.of(new EntityRecord("interaction", "ct-1", Map.of("channel", "voice"), List.of(phone("+14155550100")))))));
    String older = queries.byKey(email("jane@example.com")).orElseThrow().id();
    String newer = queries.byKey(phone("+14155550100")).orElseThrow().id();
    assertTrue(older.compareTo(newer) < 0);

    WriteResult r = writer.write(List.of(party("crm", "003A", T0.plusSeconds(20), Map.of("title", "CFO"),
        phone("+14155550100"), email("jane@example.com"))));

    assertEquals(1, r.merges());
    assertEquals(1, r.profilesUpdated());
    assertEquals(java.util.Set.of(java.util.UUID.fromString(older)), r.mergeSurvivors());
    assertEquals(r.mergeSurvivors(), r.timelineChanged(), "the survivor's timeline took the merged one's events");
    ProfileView merged = queries.byId(older).orElseThrow();
    assertTrue(queries.byId(newer).isEmpty());
    assertEquals(merged.id(), queries.byKey(phone("+14155550100")).orElseThrow().id());
    assertEquals(Map.of("interaction", 1L, "invoice", 1L), merged.eventCounts());
    assertEquals("Jane R.", merged.attributes().get("name").value().asText(), "the newer observation survives");
    assertEquals("CFO", merged.attributes().get("title").value().asText());
    assertEquals(3, merged.identities().size());
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select survivor_id::text, merged_id::text, cause_system, cause_source_id,"
            + " cause_key, jsonb_array_length(identities_moved), cardinality(events_moved) from profile_merge")) {
      assertTrue(rs.next());
      assertEquals(List.of(older, newer, "crm", "003A", "phone:+14155550100", "1", "1"), List.of(rs.getString(1),
          rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
    }
  }

  @Test
  void survivorshipKeepsTheMostRecentObservationAndBreaksTiesBySystemName() {
    writer.write(List.of(party("crm", "1", T0.plusSeconds(60), Map.of("name", "Newest"), email("a@example.com"))));
    WriteResult stale = writer.write(List.of(party("billing", "b1", T0, Map.of("name", "Stale"), email("a@example.com"))));
    writer.write(List.of(
        party("zendesk", "z1", T0.plusSeconds(90), Map.of("tier", "gold"), email("a@example.com")),
        party("billing", "b1", T0.plusSeconds(90), Map.of("tier", "silver"), email("a@example.com"))));

    assertEquals(0, stale.unchanged(), "a new source record is kept, for un-merge and changed rules");
    assertEquals(1, writer.write(List.of(party("billing", "b1", T0, Map.of("name", "Stale"), email("a@example.com"))))
        .unchanged(), "the same record again changes nothing");
    ProfileView p = queries.byKey(email("a@example.com")).orElseThrow();
    assertEquals("Newest", p.attributes().get("name").value().asText());
    assertEquals("silver", p.attributes().get("tier").value().asText());
    assertEquals("billing", p.attributes().get("tier").system());
  }

  @Test
  void anEventWithoutKeysIsReturnedAsUnlinkable() {
    MappedRecord orphan = new MappedRecord(
        new RawRecord("survey", "responses", "r1", T0, JsonNodeFactory.instance.objectNode(), null, null),
        List.of(new EntityRecord("survey_response", "r1", Map.of("score", 9L), List.of())));

    WriteResult r = writer.write(List.of(orphan, billingCustomer("cus_1", "x@example.com", "X", T0)));

    assertEquals(1, r.profilesCreated());
    assertEquals(1, r.unlinkable().size());
    assertEquals("r1", r.unlinkable().get(0).entity().sourceId());
    assertTrue(r.unlinkable().get(0).reason().contains("no identity keys"), r.unlinkable().get(0).reason());
  }

  @Test
  void concurrentWritersWithOverlappingKeysEndOnOneProfilePerCustomer() throws Exception {
    int customers = 60;
    List<MappedRecord> parties = new ArrayList<>();
    List<MappedRecord> invoices = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      String id = String.format("cus_%06d", i);
      parties.add(billingCustomer(id, "c" + i + "@example.com", "Customer " + i, T0));
      invoices.add(invoice("in_" + i, id, "10.00", T0));
      invoices.add(party("crm", "crm" + i, T0, Map.of("segment", "smb"), email("c" + i + "@example.com"),
          phone("+1415555" + String.format("%04d", i))));
    }
    CountDownLatch start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(2);
    try {
      var a = pool.submit(() -> writeInBatches(start, parties, 5));
      var b = pool.submit(() -> writeInBatches(start, invoices, 10));
      start.countDown();
      a.get(60, TimeUnit.SECONDS);
      b.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    assertEquals(customers, count("select count(*) from profile"));
    assertEquals(customers * 3L, count("select count(*) from identity"));
    assertEquals(customers, count("select count(distinct profile_id) from identity"));
    assertEquals(customers, count("select count(*) from profile_event e join identity i"
        + " on i.profile_id = e.profile_id and i.key_type = 'billing_customer_id'"
        + " and i.key_value = 'cus_' || lpad(substr(e.source_id, 4), 6, '0')"));
  }

  @Test
  void concurrentMergesAndUpdatesLoseNothing() throws Exception {
    int customers = 40;
    List<MappedRecord> seed = new ArrayList<>();
    List<MappedRecord> links = new ArrayList<>();
    List<MappedRecord> updates = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      String mail = "m" + i + "@example.com";
      String tel = "+1415666" + String.format("%04d", i);
      seed.add(party("crm", "crm" + i, T0, Map.of("name", "Old " + i), email(mail)));
      seed.add(party("ccaas", "ani" + i, T0, Map.of("language", "en"), phone(tel)));
      links.add(party("crm", "crm" + i, T0.plusSeconds(1), Map.of("title", "t" + i), email(mail), phone(tel)));
      updates.add(party("crm", "crm" + i, T0.plusSeconds(2), Map.of("name", "New " + i), email(mail)));
      updates.add(new MappedRecord(new RawRecord("ccaas", "contacts", "ct" + i, T0, JsonNodeFactory.instance.objectNode(),
          null, null), List.of(new EntityRecord("interaction", "ct" + i, Map.of("channel", "voice"), List.of(phone(tel))))));
    }
    writer.write(seed);
    CountDownLatch start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(2);
    try {
      var a = pool.submit(() -> writeInBatches(start, links, 4));
      var b = pool.submit(() -> writeInBatches(start, updates, 6));
      start.countDown();
      a.get(60, TimeUnit.SECONDS);
      b.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    assertEquals(customers, count("select count(*) from profile"));
    assertEquals(customers, count("select count(*) from profile_merge"));
    assertEquals(customers, count("select count(*) from profile where attributes->'name'->>'value' like 'New %'"
        + " and attributes ? 'title' and attributes ? 'language'"));
    assertEquals(customers, count("select count(*) from profile_event e join identity i"
        + " on i.profile_id = e.profile_id and i.key_type = 'phone'"));
  }

  private Void writeInBatches(CountDownLatch start, List<MappedRecord> records, int size)
      throws InterruptedException {
    start.await();
    for (int i = 0; i < records.size(); i += size) {
      writer.write(records.subList(i, Math.min(records.size(), i + size)));
    }
    return null;
  }

  private long count(String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Every row of the profile tables with its xmin (changes on any update) and updated_at. */
  private String rowVersions() throws SQLException {
    StringBuilder out = new StringBuilder();
    for (String sql : List.of(
        "select id::text, xmin::text, updated_at::text from profile order by id",
        "select key_type || ':' || key_value, xmin::text, profile_id::text from identity order by 1",
        "select id::text, xmin::text, updated_at::text from profile_event order by id",
        "select system || '/' || source_id, xmin::text, profile_id::text from profile_source order by 1")) {
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          out.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ').append(rs.getString(3)).append('\n');
        }
      }
    }
    assertTrue(out.length() > 0);
    return out.toString();
  }
}
