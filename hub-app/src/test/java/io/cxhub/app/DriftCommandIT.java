package io.cxhub.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code cxhub drift …} against a running hub: two alerts are raised through {@code POST /api/ingest}
 * (an unmapped order stream gains a field: INFO; a mapped contact stream splits its address:
 * BREAKING, with a proposal), then the commands run in-process as a user would type them.
 */
class DriftCommandIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static HubFixture fixture;
  private static String url;
  private static long splitId;
  private static long addedId;

  @BeforeAll
  static void raiseTwoAlerts() throws Exception {
    fixture = new HubFixture(Map.of());
    DriftScenario.configure(fixture, "");
    fixture.start();
    url = "http://127.0.0.1:" + fixture.hub.httpPort();

    DriftProbe probe = new DriftProbe(fixture);
    probe.push("shop", "orders", 0, 80, i -> DriftScenario.order(i, false));
    probe.push("crm", "contacts", 0, 80, i -> DriftScenario.contact(i, false));
    probe.awaitBaseline("shop", "orders");
    probe.awaitBaseline("crm", "contacts");
    probe.push("shop", "orders", 80, 200, i -> DriftScenario.order(i, true));
    probe.push("crm", "contacts", 80, 200, i -> DriftScenario.contact(i, true));
    addedId = probe.awaitAlert("shop", "orders", "FIELD_ADDED").path("id").asLong();
    splitId = probe.awaitAlert("crm", "contacts", "SPLIT").path("id").asLong();
  }

  @AfterAll
  static void stopHub() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void listShowsTheAlertsAndItsFiltersNarrowThem() throws Exception {
    Run all = cxhub("drift", "list");
    assertEquals(0, all.exit, all.err);
    assertTrue(all.out.startsWith("ID  "), all.out);
    assertTrue(all.out.matches("(?s).*\\n" + splitId + " +BREAKING +SPLIT +crm/contacts +address → street_name, "
        + "house_number +[A-Z]+ +\\d+ +\\d{4}-.*"), all.out); // the status depends on the test order

    assertTrue(all.out.matches("(?s).*\\n" + addedId + " +INFO +FIELD_ADDED +shop/orders +\\+ coupon +OPEN .*"),
        all.out);

    Run breaking = cxhub("drift", "list", "--severity", "breaking");
    assertTrue(breaking.out.contains("SPLIT") && !breaking.out.contains("FIELD_ADDED"), breaking.out);
    Run shop = cxhub("drift", "list", "--system", "shop", "--kind", "FIELD_ADDED");
    assertTrue(shop.out.contains("FIELD_ADDED") && !shop.out.contains("crm/contacts"), shop.out);
    Run none = cxhub("drift", "list", "--stream", "no-such-stream");
    assertEquals("no drift alerts match these filters\n", none.out);

    Run json = cxhub("drift", "list", "--stream", "contacts", "--json");
    JsonNode items = JSON.readTree(json.out).path("items");
    assertTrue(items.size() >= 1 && items.get(0).path("id").asLong() == splitId, json.out);

    Run page = cxhub("drift", "list", "--limit", "1");
    assertTrue(page.out.contains("(1 shown; older ones: add --before "), page.out);

    Run bad = cxhub("drift", "list", "--status", "nonsense");
    assertEquals(1, bad.exit);
    assertEquals("cxhub drift list: status=nonsense: expected one of [OPEN, ACKNOWLEDGED, ACCEPTED, RESOLVED] "
        + "(HTTP 400)\n", bad.err);
  }

  @Test
  void showPrintsEvidenceLineageProposalAndHistory() {
    Run show = cxhub("drift", "show", String.valueOf(splitId));
    assertEquals(0, show.exit, show.err);
    String out = show.out;
    assertTrue(out.startsWith("drift alert #" + splitId + "  BREAKING SPLIT on crm/contacts"), out);
    assertTrue(out.contains("address → street_name, house_number"), out);
    assertTrue(out.contains("\nevidence (latest window, "), out);
    assertTrue(out.contains("examples before"), out);
    assertFalse(out.contains("Main Street 8"), "examples stay masked: " + out);
    assertTrue(out.matches("(?s).*affected mappings\\n  \\S*contacts\\.yaml +address → party\\.street.*"), out);
    // verbatim, so it can be pasted into the mapping
    assertTrue(out.contains("proposal (mapping change, YAML):\n# "), out);
    assertTrue(out.contains("\n      street: { concat: [street_name, house_number]"), out);
    assertTrue(out.matches("(?s).*\\nhistory\\n  \\S+Z  OPENED +drift-detector.*"), out);

    Run json = cxhub("drift", "show", String.valueOf(splitId), "--json");
    assertTrue(json.out.contains("\"proposal\""), json.out);

    Run info = cxhub("drift", "show", String.valueOf(addedId));
    assertTrue(info.out.contains("none: no mapping reads these fields"), info.out);
    assertTrue(info.out.contains("proposal: none"), info.out);
  }

  @Test
  void ackThenAcceptIsAuditedAndASecondAcceptIsAConflict() {
    Run ack = cxhub("drift", "ack", String.valueOf(splitId), "-m", "asking the CRM team");
    assertEquals(0, ack.exit, ack.err);
    assertEquals("drift alert #" + splitId + " SPLIT on crm/contacts: ACKNOWLEDGED by admin\n", ack.out);
    assertTrue(cxhub("drift", "list", "--status", "acknowledged").out.contains("\n" + splitId + " "));

    Run accept = cxhub("drift", "accept", String.valueOf(splitId), "--comment", "CRM split the address on purpose");
    assertEquals(0, accept.exit, accept.err);
    assertTrue(accept.out.startsWith("drift alert #" + splitId + " SPLIT on crm/contacts: ACCEPTED by admin; "
        + "baseline v2 of crm/contacts takes"), accept.out);

    String history = cxhub("drift", "show", String.valueOf(splitId)).out;
    assertTrue(history.matches("(?s).*  ACKNOWLEDGED +admin  \"asking the CRM team\"\\n.*"), history);
    assertTrue(history.matches("(?s).*  ACCEPTED +admin  \"CRM split the address on purpose\"\\n +baseline v2 .*"),
        history);
    assertTrue(cxhub("drift", "baselines", "crm/contacts").out.matches("(?s)VERSION.*\\nv1 .*\\nv2 .* admin .*"));

    Run again = cxhub("drift", "accept", String.valueOf(splitId), "-m", "again");
    assertEquals(1, again.exit);
    assertEquals("cxhub drift accept: drift alert " + splitId + " is ACCEPTED already: only OPEN or ACKNOWLEDGED "
        + "alerts can be acted on (HTTP 409)\n", again.err);
    assertEquals("", again.out);

    Run blank = cxhub("drift", "resolve", String.valueOf(addedId), "-m", " ");
    assertEquals(1, blank.exit);
    assertTrue(blank.err.contains("comment: expected a few words on why") && blank.err.contains("(HTTP 400)"),
        blank.err);
    Run missing = cxhub("drift", "resolve", String.valueOf(addedId));
    assertEquals(2, missing.exit);
    assertTrue(missing.err.contains("Missing required option: '--comment=TEXT'"), missing.err);
    Run unknown = cxhub("drift", "ack", "999999", "-m", "typo");
    assertEquals(1, unknown.exit);
    assertEquals("cxhub drift ack: no drift alert 999999 (HTTP 404)\n", unknown.err);
  }

  @Test
  void streamsShowPolicyBaselineAndWindow() {
    Run streams = cxhub("drift", "streams");
    assertEquals(0, streams.exit, streams.err);
    assertTrue(streams.out.startsWith("STREAM  "), streams.out);
    assertTrue(streams.out.matches(
        "(?s).*\\ncrm/contacts +warn +v\\d [a-z]+ \\(\\d+ records\\) +\\d+ records since .*"), streams.out);
    assertTrue(streams.out.contains("\nshop/orders "), streams.out);
    Run bad = cxhub("drift", "baselines", "crm");
    assertEquals(2, bad.exit);
    assertEquals("cxhub drift baselines: 'crm': expected SYSTEM/STREAM, such as crm/contacts\n", bad.err);
  }

  @Test
  void aMissingOrWrongTokenGetsTheHubsAnswerAndNeverEchoesTheToken() {
    Run missing = run("drift", "list", "--url", url, "--token", "");
    assertEquals(1, missing.exit);
    assertEquals("cxhub drift list: missing or unknown bearer token: send Authorization: Bearer <token> (HTTP 401); "
        + "no token given: set CXHUB_ADMIN_TOKEN or --token\n", missing.err);

    String wrong = "wrong-token-abcdefghijklmnop";
    Run refused = run("drift", "show", String.valueOf(splitId), "--url", url, "--token", wrong);
    assertEquals(1, refused.exit);
    assertTrue(refused.err.contains("the token from --token or CXHUB_ADMIN_TOKEN was refused"), refused.err);
    assertFalse(refused.err.contains(wrong) || refused.out.contains(wrong), refused.err);
  }

  /** Runs a drift command against the fixture's hub as the admin. */
  private static Run cxhub(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--url", url, "--token", HubFixture.TOKEN));
    return run(all.toArray(String[]::new));
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new Cxhub()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  record Run(int exit, String out, String err) {}
}
