package io.cxhub.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.app.DriftCommandIT.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cxhub identity simulate|unmerge} against a running hub. Three billing customers pushed
 * through {@code POST /api/ingest}: the third shares its phone with the first and its e-mail with
 * the second, so the hub (default rules: every key merges) makes them one profile.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityCommandIT {

  private static HubFixture fixture;
  private static String url;
  private static String survivor;

  @TempDir
  Path dir;

  @BeforeAll
  static void mergeThreeCustomers() throws Exception {
    fixture = new HubFixture(Map.of());
    fixture.start();
    url = "http://127.0.0.1:" + fixture.hub.httpPort();
    fixture.post("/api/ingest/billing/customers", """
        {"customer_id":"cus_m1","email":"m1@example.com","phone":"(415) 555-0171","first_name":"Ann","updated_at":"2026-11-01T10:00:00Z"}""");
    HubFixtureAwait.until("first profile", () -> profiles("billing_customer_id:cus_m1").size() == 1);
    fixture.post("/api/ingest/billing/customers", """
        {"customer_id":"cus_m2","email":"m2@example.com","first_name":"Bo","updated_at":"2026-11-01T10:00:00Z"}""");
    HubFixtureAwait.until("second profile", () -> profiles("billing_customer_id:cus_m2").size() == 1);
    fixture.post("/api/ingest/billing/customers", """
        {"customer_id":"cus_m3","email":"M2@example.com ","phone":"415.555.0171","updated_at":"2026-11-02T10:00:00Z"}""");
    HubFixtureAwait.until("one profile for all three", () -> profiles("billing_customer_id:cus_m3").size() == 1
        && profiles("email:m2@example.com").path(0).path("id").equals(profiles("email:m1@example.com").path(0).path("id")));
    survivor = profiles("email:m1@example.com").path(0).path("id").asText();
  }

  @AfterAll
  static void stopHub() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  @Order(1)
  void simulateReportsTheSplitsCandidateRulesWouldMakeAndNothingForTheCurrentOnes() throws Exception {
    Path current = Files.writeString(dir.resolve("current.yaml"), "identity: {}\n");
    Run same = cxhub("identity", "simulate", "--rules", current.toString());
    assertEquals(0, same.exit(), same.err());
    assertTrue(same.out().contains("would merge: 0 profiles") && same.out().contains("would split: 0 profiles"), same.out());

    Path phonesApart = Files.writeString(dir.resolve("phones.yaml"), """
        identity:
          keys:
            billing_customer_id: {}
            email: {}
            phone: { merge: false }   # households share phones
        """);
    Run split = cxhub("identity", "simulate", "--rules", phonesApart.toString());
    assertEquals(0, split.exit(), split.err());
    assertTrue(split.out().contains("would split: 1 profiles"), split.out());
    assertTrue(split.out().contains("split e.g. " + survivor), split.out());
    assertEquals(1, profiles("email:m1@example.com").size(), "a dry run changes nothing");
    assertEquals(survivor, profiles("email:m2@example.com").path(0).path("id").asText());

    Path bad = Files.writeString(dir.resolve("bad.yaml"), "identity:\n  keys:\n    phone: { limit: 0 }\n");
    Run refused = cxhub("identity", "simulate", "--rules", bad.toString());
    assertEquals(1, refused.exit());
    assertTrue(refused.err().contains("bad.yaml:3") && refused.err().contains("(HTTP 400)"), refused.err());
  }

  @Test
  @Order(2) // after the dry runs, which expect the merged profile
  void unmergeSplitsTheLastMergeOffAndRecordsWhoAndWhy() {
    JsonNode before = fixture.json(fixture.get("/api/profiles/" + survivor));
    assertEquals(1, before.path("merges").size(), before.toString());
    String merged = before.path("merges").get(0).path("merged").asText();
    assertEquals("billing", before.path("merges").get(0).path("causeSystem").asText());

    Run noComment = cxhub("identity", "unmerge", survivor, "-m", " ");
    assertEquals(1, noComment.exit());
    assertTrue(noComment.err().contains("comment: say why") && noComment.err().contains("(HTTP 400)"), noComment.err());

    Run undo = cxhub("identity", "unmerge", survivor, "-m", "Bo is Ann's flatmate");
    assertEquals(0, undo.exit(), undo.err());
    assertTrue(undo.out().startsWith("profile " + survivor + " split off " + merged + ": "), undo.out());
    JsonNode restored = fixture.json(fixture.get("/api/profiles/" + merged));
    assertEquals("Bo", restored.path("attributes").path("first_name").path("value").asText(), restored.toString());
    assertEquals("admin", restored.path("merges").get(0).path("unmergedBy").asText(), restored.toString());
    assertEquals("Bo is Ann's flatmate", restored.path("merges").get(0).path("unmergeComment").asText());

    Run again = cxhub("identity", "unmerge", survivor, "-m", "again");
    assertEquals(1, again.exit());
    assertTrue(again.err().contains("has no merge left to undo (HTTP 409)"), again.err());
    Run unknown = cxhub("identity", "unmerge", "00000000-0000-0000-0000-000000000000", "-m", "x");
    assertTrue(unknown.err().contains("(HTTP 404)"), unknown.err());
  }

  private static JsonNode profiles(String key) {
    return fixture.json(fixture.get("/api/profiles?key=" + key)).path("items");
  }

  private static Run cxhub(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--url", url, "--token", HubFixture.TOKEN));
    return DriftCommandIT.run(all.toArray(String[]::new));
  }
}
