package io.cxhub.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Records pushed over {@code POST /api/ingest}: quarantine of what cannot be read or mapped, idempotent writes. */
class IngestEndToEndIT {

  private static HubFixture fixture;

  @BeforeAll
  static void startHub() throws Exception {
    fixture = new HubFixture(Map.of());
    fixture.start();
  }

  @AfterAll
  static void stopHub() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void malformedPayloadsAreQuarantinedWithTheirReasonAndIngestKeepsWorking() {
    HttpResponse<String> notJson = fixture.post("/api/ingest/shop/orders", "this is {not json");
    assertEquals(202, notJson.statusCode());
    assertEquals(0, fixture.json(notJson).path("accepted").asInt());
    assertEquals(1, fixture.json(notJson).path("quarantined").asInt());

    HttpResponse<String> ndjson = fixture.post("/api/ingest/billing/customers",
        "{\"customer_id\":\"cus_e2e_1\",\"email\":\" Ada.Lovelace@Example.COM \",\"first_name\":\"Ada\"}\n"
            + "{\"customer_id\": \"cus_e2e_2\", truncated\n"
            + "{\"customer_id\":\"cus_e2e_3\",\"email\":\"not-an-email\"}\n");
    assertEquals(202, ndjson.statusCode());
    assertEquals(1, fixture.json(ndjson).path("accepted").asInt(), ndjson.body());
    assertEquals(2, fixture.json(ndjson).path("quarantined").asInt(), ndjson.body());

    HttpResponse<String> unmapped = fixture.post("/api/ingest/shop/orders", "[{\"id\":\"o1\",\"total\":12.5}]");
    assertEquals(1, fixture.json(unmapped).path("quarantined").asInt());

    String held = fixture.get("/api/quarantine?system=shop&stream=orders").body();
    assertTrue(held.contains("not JSON"), held);
    assertTrue(held.contains("no mapping for shop/orders"), held);
    String heldBilling = fixture.get("/api/quarantine?system=billing&stream=customers").body();
    assertTrue(heldBilling.contains("line 2 is not JSON"), heldBilling);
    assertTrue(heldBilling.contains("email"), heldBilling);

    // the good record went through
    HubFixtureAwait.until("Ada's profile", () -> fixture.json(fixture.get("/api/profiles?key=email:ada.lovelace@example.com"))
        .path("items").size() == 1);
  }

  @Test
  void aProfilesTimelineIsPagedNewestFirst() {
    fixture.post("/api/ingest/billing/customers", "{\"customer_id\":\"cus_tl_1\",\"email\":\"tl@example.com\"}");
    StringBuilder invoices = new StringBuilder();
    for (int i = 1; i <= 3; i++) {
      invoices.append("{\"invoice_id\":\"in_tl_").append(i).append("\",\"customer_id\":\"cus_tl_1\",")
          .append("\"amount_due_cents\":").append(1000 * i).append(",\"currency\":\"usd\",\"status\":\"open\",")
          .append("\"updated_at\":\"2026-11-0").append(i).append("T10:00:00Z\"}\n");
    }
    fixture.post("/api/ingest/billing/invoices", invoices.toString());
    HubFixtureAwait.until("three invoices on the timeline", () -> {
      JsonNode p = fixture.json(fixture.get("/api/profiles?key=billing_customer_id:cus_tl_1")).path("items");
      return p.size() == 1 && p.get(0).path("eventCounts").path("invoice").asLong() == 3;
    });
    String id = fixture.json(fixture.get("/api/profiles?key=billing_customer_id:cus_tl_1")).path("items").get(0)
        .path("id").asText();
    JsonNode first = fixture.json(fixture.get("/api/profiles/" + id + "/timeline?limit=2"));
    assertEquals(2, first.path("events").size(), first.toString());
    String next = first.path("nextBefore").asText();
    JsonNode second = fixture.json(fixture.get("/api/profiles/" + id + "/timeline?limit=2&before=" + next));
    assertEquals(1, second.path("events").size(), second.toString());
    assertTrue(second.path("nextBefore").isNull(), second.toString());
    List<String> ids = new ArrayList<>();
    first.path("events").forEach(e -> ids.add(e.path("sourceId").asText()));
    second.path("events").forEach(e -> ids.add(e.path("sourceId").asText()));
    assertEquals(3, ids.stream().distinct().count(), ids.toString());
    assertEquals(404, fixture.get("/api/profiles/00000000-0000-0000-0000-000000000000/timeline").statusCode());
    assertEquals(400, fixture.get("/api/profiles/" + id + "/timeline?before=nope").statusCode());
  }

  @Test
  void theSameBatchIngestedTwiceLeavesTheStoreUnchanged() throws Exception {
    String batch = """
        [{"customer_id":"cus_twice_1","email":"Grace@Example.com","phone":"(415) 555-0142","first_name":"Grace","last_name":"Hopper","country":"us","updated_at":"2026-11-01T10:00:00Z"},
         {"customer_id":"cus_twice_2","email":"alan@example.com","first_name":"Alan","last_name":"Turing","country":"gb","updated_at":"2026-11-01T11:00:00Z"}]
        """;
    assertEquals(2, fixture.json(fixture.post("/api/ingest/billing/customers", batch)).path("accepted").asInt());
    HubFixtureAwait.until("both stored", () -> countHubUnchecked(
        "select count(*) from identity where key_value in ('cus_twice_1','cus_twice_2')") == 2);
    List<String> before = snapshot();
    long storedBefore = storedRecords("billing", "customers");

    assertEquals(2, fixture.json(fixture.post("/api/ingest/billing/customers", batch)).path("accepted").asInt());
    HubFixtureAwait.until("second batch processed", () -> storedRecords("billing", "customers") >= storedBefore + 2);
    assertEquals(before, snapshot(), "no row of profiles, identities or events changed");
  }

  private static long storedRecords(String system, String stream) {
    for (JsonNode s : fixture.json(fixture.get("/api/streams")).path("items")) {
      if (s.path("system").asText().equals(system) && s.path("stream").asText().equals(stream)) {
        return s.path("records").asLong();
      }
    }
    return 0;
  }

  private static long countHubUnchecked(String sql) {
    try (Connection c = DriverManager.getConnection(fixture.hubDbUrl); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every row version of the profile store, by xmin: any update shows up as a change. */
  private static List<String> snapshot() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(fixture.hubDbUrl)) {
      for (String table : new String[] {"profile", "identity", "profile_event"}) {
        try (ResultSet rs = c.createStatement().executeQuery(
            "select xmin::text || ':' || t::text from " + table + " t order by 1")) {
          while (rs.next()) {
            rows.add(table + " " + rs.getString(1));
          }
        }
      }
    }
    return rows;
  }
}
