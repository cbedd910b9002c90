package io.cxhub.simulator.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator over HTTP, as a client of the Salesforce REST API sees it. */
class SalesforceSimulatorTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SalesforceSimulator sim;

  @BeforeAll
  static void start() {
    sim = SalesforceSimulator.start(SalesforceOptions.defaults().withContacts(300, 30).withPageSize(120));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  record Answer(int status, Map<String, java.util.List<String>> headers, JsonNode body) {}

  static Answer send(String method, String path, String token, String body, String contentType) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUri() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.headers().map(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
  }

  static String form(Map<String, String> fields) {
    StringBuilder s = new StringBuilder();
    fields.forEach((k, v) -> s.append(s.length() == 0 ? "" : "&").append(k).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return s.toString();
  }

  static String login() throws Exception {
    SalesforceOptions o = sim.options();
    Answer a = send("POST", "/services/oauth2/token", null, form(Map.of("grant_type", "password", "client_id", o.clientId(),
        "client_secret", o.clientSecret(), "username", o.username(), "password", o.password())),
        "application/x-www-form-urlencoded");
    assertEquals(200, a.status());
    return a.body().path("access_token").asText();
  }

  static Answer query(String token, String soql) throws Exception {
    return send("GET", "/services/data/v62.0/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8), token, null, null);
  }

  @Test
  void bothOAuthFlowsIssueTokensAndBadCredentialsAreRefused() throws Exception {
    SalesforceOptions o = sim.options();
    Answer ok = send("POST", "/services/oauth2/token", null, form(Map.of("grant_type", "client_credentials",
        "client_id", o.clientId(), "client_secret", o.clientSecret())), "application/x-www-form-urlencoded");
    assertEquals(200, ok.status());
    assertEquals(sim.baseUri().toString(), ok.body().path("instance_url").asText());
    assertEquals("Bearer", ok.body().path("token_type").asText());
    for (String field : new String[] {"access_token", "id", "issued_at", "signature"}) {
      assertTrue(ok.body().path(field).isTextual(), field);
    }
    Answer bad = send("POST", "/services/oauth2/token", null, form(Map.of("grant_type", "password", "client_id", o.clientId(),
        "client_secret", o.clientSecret(), "username", o.username(), "password", "wrong")), "application/x-www-form-urlencoded");
    assertEquals(400, bad.status());
    assertEquals("invalid_grant", bad.body().path("error").asText());
    assertEquals("authentication failure", bad.body().path("error_description").asText());
  }

  @Test
  void aQueryPagesThroughNextRecordsUrlInSystemModstampOrder() throws Exception {
    String token = login();
    Answer first = query(token, "SELECT Id, Email, Account.Name, SystemModstamp FROM Contact ORDER BY SystemModstamp, Id");
    assertEquals(200, first.status());
    assertTrue(first.headers().get("sforce-limit-info").get(0).matches("api-usage=\\d+/15000"));
    assertEquals(300, first.body().path("totalSize").asInt());
    Set<String> ids = new HashSet<>();
    String previous = "";
    JsonNode page = first.body();
    int pages = 0;
    while (true) {
      pages++;
      for (JsonNode r : page.path("records")) {
        assertEquals("Contact", r.path("attributes").path("type").asText());
        String id = r.path("Id").asText();
        assertTrue(id.startsWith("003") && id.length() == 18 && SalesforceIds.wellFormed(id), id);
        assertTrue(r.path("SystemModstamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000"));
        String key = r.path("SystemModstamp").asText() + id;
        assertTrue(key.compareTo(previous) > 0, "order");
        previous = key;
        ids.add(id);
        assertTrue(r.path("Account").isNull() || r.path("Account").path("Name").isTextual());
      }
      if (page.path("done").asBoolean()) {
        assertFalse(page.has("nextRecordsUrl"));
        break;
      }
      page = send("GET", page.path("nextRecordsUrl").asText(), token, null, null).body();
    }
    assertEquals(3, pages);
    assertEquals(sim.ids("Contact"), ids);
  }

  @Test
  void incrementalQueriesSeeTicksAndTicksShareOneStamp() throws Exception {
    String token = login();
    Map<String, Set<String>> changed = sim.tick();
    Set<String> expected = changed.get("Contact");
    String stamp = sim.record("Contact", expected.iterator().next()).get("SystemModstamp").toString();
    String literal = stamp.replace("+0000", "Z");
    Answer a = query(token, "SELECT Id FROM Contact WHERE SystemModstamp >= " + literal + " ORDER BY SystemModstamp, Id");
    Set<String> ids = new HashSet<>();
    a.body().path("records").forEach(r -> ids.add(r.path("Id").asText()));
    assertEquals(expected, ids);
    assertEquals(0, query(token, "SELECT Id FROM Contact WHERE SystemModstamp > " + literal).body().path("totalSize").asInt());
  }

  @Test
  void errorsHaveSalesforcesShape() throws Exception {
    String token = login();
    Answer malformed = query(token, "SELECT Id FROM");
    assertEquals(400, malformed.status());
    assertEquals("MALFORMED_QUERY", malformed.body().get(0).path("errorCode").asText());
    Answer field = query(token, "SELECT Nope FROM Contact");
    assertEquals("INVALID_FIELD", field.body().get(0).path("errorCode").asText());
    Answer unauthorized = query("00D!bogus", "SELECT Id FROM Contact");
    assertEquals(401, unauthorized.status());
    assertEquals("INVALID_SESSION_ID", unauthorized.body().get(0).path("errorCode").asText());
    sim.faults().rateLimit(1, Duration.ofSeconds(1));
    Answer limited = query(token, "SELECT Id FROM Contact");
    assertEquals(429, limited.status());
    assertEquals("1", limited.headers().get("retry-after").get(0));
    sim.expireTokens();
    assertEquals(401, query(token, "SELECT Id FROM Contact").status());
  }

  @Test
  void writeBackCreatesTasksAndUpdatesContacts() throws Exception {
    String token = login();
    String contact = sim.ids("Contact").iterator().next();
    Answer created = send("POST", "/services/data/v62.0/sobjects/Task", token,
        "{\"WhoId\":\"" + contact + "\",\"Subject\":\"Call back\"}", "application/json");
    assertEquals(201, created.status());
    assertTrue(created.body().path("success").asBoolean());
    assertTrue(created.body().path("id").asText().startsWith("00T"));
    assertEquals(contact, sim.created().get(sim.created().size() - 1).fields().get("WhoId"));
    Answer updated = send("PATCH", "/services/data/v62.0/sobjects/Contact/" + contact, token,
        "{\"Description\":\"VIP\"}", "application/json");
    assertEquals(204, updated.status());
    assertEquals("VIP", sim.record("Contact", contact).get("Description"));
    Answer readOnly = send("PATCH", "/services/data/v62.0/sobjects/Contact/" + contact, token,
        "{\"SystemModstamp\":\"2020-01-01T00:00:00Z\"}", "application/json");
    assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", readOnly.body().get(0).path("errorCode").asText());
  }

  @Test
  void formatChangesReshapeDescribeAndRecords() throws Exception {
    String token = login();
    String contact = sim.ids("Contact").iterator().next();
    try {
      sim.setFormat(SalesforceSchema.RENAME_PHONE, true);
      sim.setFormat(SalesforceSchema.MAILING_ADDRESS_SPLIT, true);
      JsonNode describe = send("GET", "/services/data/v62.0/sobjects/Contact/describe", token, null, null).body();
      Set<String> fields = new HashSet<>();
      describe.path("fields").forEach(f -> fields.add(f.path("name").asText()));
      assertTrue(fields.containsAll(Set.of("Phone__c", "MailingStreetName__c", "MailingHouseNumber__c")));
      assertFalse(fields.contains("Phone"));
      assertEquals("INVALID_FIELD", query(token, "SELECT Phone FROM Contact").body().get(0).path("errorCode").asText());
      assertTrue(sim.record("Contact", contact).containsKey("Phone__c"));
      sim.setFormat(SalesforceSchema.EPOCH_DATES, true);
      String someCase = sim.ids("Case").iterator().next();
      assertTrue(sim.record("Case", someCase).get("CreatedDate") instanceof Long);
    } finally {
      sim.setFormat(SalesforceSchema.RENAME_PHONE, false);
      sim.setFormat(SalesforceSchema.MAILING_ADDRESS_SPLIT, false);
      sim.setFormat(SalesforceSchema.EPOCH_DATES, false);
    }
    assertNull(sim.record("Contact", "003000000000000AAA"));
  }

  @Test
  void theSameSeedGivesTheSameOrg() {
    // (other tests tick the shared simulator: compare what ticks do not change)
    try (SalesforceSimulator again = SalesforceSimulator.start(SalesforceOptions.defaults().withContacts(300, 30))) {
      assertEquals(sim.ids("Contact"), again.ids("Contact"));
      assertEquals(sim.ids("Account"), again.ids("Account"));
      for (String id : again.ids("Contact")) {
        assertEquals(again.record("Contact", id).get("LastName"), sim.record("Contact", id).get("LastName"));
        assertEquals(again.record("Contact", id).get("CreatedDate"), sim.record("Contact", id).get("CreatedDate"));
      }
    }
  }

  @Test
  void idsCarryTheirChecksum() {
    assertEquals("AAA", SalesforceIds.checksum("001000000000000"));
    assertTrue(SalesforceIds.wellFormed(SalesforceIds.of("500", 12345)));
    assertFalse(SalesforceIds.wellFormed("500000000000000AAB"));
  }
}
