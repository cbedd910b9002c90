package io.cxhub.app;

import static io.cxhub.app.DriftProbe.assertMasked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every drift kind on one running hub, each on a pushed stream of its own (own system, so they do
 * not interfere), from realistic records: a baseline learned from the first records, then the
 * change, then the alert with its kind, fields, severity from the mappings, masked evidence and,
 * where a mapping can absorb the change, the proposal. Streams change at once, in parallel; the
 * cadence streams (silence, volume) are fed in the background from the start. Also the pause
 * policy: a paused stream holds everything until its alert is accepted, then replays once.
 */
class DriftKindsIT {

  private static final int BASELINE = 80;
  private static final int CHANGED = 120;

  private static HubFixture fixture;
  private static DriftProbe probe;
  private static ExecutorService feeders;
  /** Per system of a schema scenario: done once its changed records are pushed. */
  private static final Map<String, CompletableFuture<Void>> changed = new ConcurrentHashMap<>();
  private static CompletableFuture<Void> silenceFed;
  private static CompletableFuture<Void> volumeFed;

  @BeforeAll
  static void startHub() throws Exception {
    fixture = new HubFixture(Map.of());
    probe = new DriftProbe(fixture);
    Files.writeString(fixture.configDir.resolve("hub.yaml"), """
        drift:
          learnRecords: 60
          windowRecords: 1000
          windowSeconds: 1
          checkSeconds: 1
          cadence:
            minSilenceSeconds: 2
            silenceFactor: 2
            volumeIntervalSeconds: 1
        """);
    writeMappings();
    fixture.route("drift.yaml", """
        # the ledger stops on a breaking drift, every stream of it
        - drift:
            system: ledger
            policy: pause
        - drift:
            system: pbx_silent
            streams:
              calls: pause
        """);
    fixture.start();

    feeders = Executors.newFixedThreadPool(16);
    // cadence first: it needs about 10 s of regular arrivals before it judges anything
    silenceFed = CompletableFuture.runAsync(DriftKindsIT::feedThenFallSilent, feeders);
    volumeFed = CompletableFuture.runAsync(DriftKindsIT::feedThenDrop, feeders);

    scenario("crm_added", "contacts", SourceRecords::contact, BASELINE, BASELINE + CHANGED,
        c -> c.put("preferred_language", List.of("en-GB", "de-DE", "fr-FR", "es-ES")
            .get(Math.floorMod(c.path("id").asText().hashCode(), 4))));
    scenario("erp_removed", "invoices", SourceRecords::invoice, BASELINE, BASELINE + CHANGED,
        inv -> without(inv, "due_date"));
    scenario("erp_typed", "invoices", SourceRecords::invoice, BASELINE, BASELINE + CHANGED, inv -> {
      String id = inv.path("customer").asText();
      inv.putObject("customer").put("id", id).put("name", "Acme Ltd " + id.substring(2)).put("vat", "GB123456789");
      return inv;
    });
    scenario("survey_nulls", "responses", SourceRecords::surveyResponse, BASELINE, BASELINE + CHANGED,
        r -> r.path("csat").asInt() % 2 == 0 ? r : r.putNull("email"));
    scenario("erp_dates", "invoices", SourceRecords::invoice, BASELINE, BASELINE + CHANGED,
        inv -> inv.put("updated_at", Instant.parse(inv.path("updated_at").asText()).getEpochSecond()));
    scenario("survey_enum", "responses", SourceRecords::surveyResponse, BASELINE, BASELINE + CHANGED,
        r -> fromChatbot(r) ? r.put("touchpoint", "chatbot") : r);
    // renames, splits and merges: a full re-sync, so the same contacts come again in the new shape
    scenario("crm_renamed", "contacts", SourceRecords::contact, 0, BASELINE + CHANGED,
        c -> renamed(c, "phone", "mobile_phone"));
    // ... and the split begins in the middle of the re-sync: its first 20 contacts still come whole
    scenario("crm_split", "contacts", SourceRecords::contactWithName, 0, 20, BASELINE + CHANGED, c -> {
      String[] name = c.path("name").asText().split(" ");
      ObjectNode out = without(c, "name");
      return out.put("given_name", name[0]).put("family_name", name[1]);
    });
    scenario("crm_merged", "contacts", SourceRecords::contactWithAddress, 0, BASELINE + CHANGED, c -> {
      String line = c.path("street").asText() + " " + c.path("house_number").asText();
      ObjectNode out = without(without(c, "street"), "house_number");
      return out.put("address_line", line);
    });
  }

  @AfterAll
  static void stopHub() {
    if (feeders != null) {
      feeders.shutdownNow();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void anUnmappedAddedFieldIsInfo() {
    JsonNode alert = onlyAlert("crm_added", "contacts", "FIELD_ADDED");
    assertFields(alert, "[]", "[\"preferred_language\"]");
    assertEquals("INFO", alert.path("severity").asText());
    assertEquals(0, alert.path("affected").size(), "no mapping reads preferred_language: " + alert);
    assertTrue(alert.path("proposal").isNull(), alert.toString());
    JsonNode evidence = alert.path("evidence");
    assertEquals(CHANGED, evidence.path("windowRecords").asLong(), evidence.toString());
    assertEquals(CHANGED, evidence.path("occurrences").asLong(), "every changed contact has it: " + evidence);
    assertEquals("absent", evidence.path("before").asText());
    assertTrue(evidence.path("after").asText().startsWith("string"), evidence.toString());
    assertFalse(evidence.path("examplesAfter").isEmpty(), evidence.toString());
    // records go on being mapped: warn is the default policy
    HubFixtureAwait.until("the changed contacts stored",
        () -> probe.stored("crm_added", "contacts") == BASELINE + CHANGED);
  }

  @Test
  void aRemovedMappedFieldIsBreakingAndNamesTheMapping() {
    JsonNode alert = onlyAlert("erp_removed", "invoices", "FIELD_REMOVED");
    assertFields(alert, "[\"due_date\"]", "[]");
    assertEquals("BREAKING", alert.path("severity").asText());
    JsonNode affected = onlyAffected(alert);
    assertTrue(affected.path("file").asText().endsWith("erp_removed/invoices.yaml"), affected.toString());
    assertEquals("[\"due_date\"]", affected.path("paths").toString());
    assertEquals("[\"invoice.due_on\"]", affected.path("taxonomyFields").toString());
    JsonNode evidence = alert.path("evidence");
    assertEquals(CHANGED, evidence.path("occurrences").asLong(), evidence.toString());
    assertEquals("absent from " + CHANGED + " of " + CHANGED + " records", evidence.path("after").asText());
    assertEquals(List.of("####-##-##"), texts(evidence.path("examplesBefore")).stream().distinct().toList(),
        "dates are masked to their shape: " + evidence);
  }

  @Test
  void aFieldThatBecomesAnObjectIsATypeChangeOnly() {
    JsonNode alert = onlyAlert("erp_typed", "invoices", "TYPE_CHANGED");
    assertFields(alert, "[\"customer\"]", "[\"customer\"]");
    assertEquals("BREAKING", alert.path("severity").asText());
    assertEquals("[\"invoice.billing_customer_id\"]", onlyAffected(alert).path("taxonomyFields").toString());
    JsonNode evidence = alert.path("evidence");
    assertTrue(evidence.path("before").asText().startsWith("string"), evidence.toString());
    assertTrue(evidence.path("after").asText().startsWith("object"), evidence.toString());
    assertEquals(evidence.path("windowRecords").asLong(), evidence.path("occurrences").asLong(), evidence.toString());
  }

  @Test
  void aFieldThatTurnsNullIsANullabilityChange() {
    JsonNode alert = onlyAlert("survey_nulls", "responses", "NULLABILITY_CHANGED");
    assertFields(alert, "[\"email\"]", "[\"email\"]");
    assertEquals("BREAKING", alert.path("severity").asText());
    assertEquals("[\"survey_response.email\"]", onlyAffected(alert).path("taxonomyFields").toString());
    JsonNode evidence = alert.path("evidence");
    long window = evidence.path("windowRecords").asLong();
    long nulls = evidence.path("occurrences").asLong();
    assertTrue(nulls > 0.3 * window && nulls < 0.7 * window, "about half the responses lost their e-mail: " + evidence);
    assertTrue(evidence.path("before").asText().contains("null or absent 0%"), evidence.toString());
    assertMasked(alert, emails(0, BASELINE + CHANGED));
  }

  @Test
  void anIsoDateThatBecomesEpochSecondsProposesTheEpochTransform() {
    JsonNode alert = onlyAlert("erp_dates", "invoices", "FORMAT_CHANGED");
    assertFields(alert, "[\"updated_at\"]", "[\"updated_at\"]");
    assertEquals("BREAKING", alert.path("severity").asText());
    JsonNode evidence = alert.path("evidence");
    assertEquals("ISO_DATE_TIME", evidence.path("formatBefore").asText(), evidence.toString());
    assertEquals("EPOCH_SECONDS", evidence.path("formatAfter").asText(), evidence.toString());
    assertEquals(evidence.path("windowRecords").asLong(), evidence.path("occurrences").asLong(), evidence.toString());
    String proposal = alert.path("proposal").asText();
    assertTrue(proposal.contains("updated_at: { path: updated_at, transform: [{ timestamp: epoch_seconds }] }"),
        proposal);
    assertTrue(proposal.contains("erp_dates/invoices.yaml"), proposal);
    // the mapping still reads ISO, so the changed invoices cannot be mapped: held, not lost
    HubFixtureAwait.until("the epoch invoices quarantined by the mapping",
        () -> probe.held("erp_dates", "invoices").size() >= CHANGED);
    List<JsonNode> held = probe.held("erp_dates", "invoices");
    assertEquals(CHANGED, held.size(), held.toString());
    assertTrue(held.stream().allMatch(e -> e.path("record").path("stage").asText().equals("MAPPING")), held.toString());
  }

  @Test
  void aNewTouchpointIsANewEnumValue() {
    JsonNode alert = onlyAlert("survey_enum", "responses", "ENUM_VALUE_ADDED");
    assertFields(alert, "[\"touchpoint\"]", "[\"touchpoint\"]");
    assertEquals("BREAKING", alert.path("severity").asText());
    JsonNode evidence = alert.path("evidence");
    assertEquals("[\"c******\"]", evidence.path("newValues").toString(), "new values are masked: " + evidence);
    long chatbot = 0;
    for (int i = BASELINE; i < BASELINE + CHANGED; i++) {
      if (fromChatbot(SourceRecords.surveyResponse(i))) {
        chatbot++;
      }
    }
    assertTrue(chatbot > 10, "the test changes enough responses: " + chatbot);
    assertTrue(evidence.path("occurrences").asLong() <= chatbot && evidence.path("occurrences").asLong() > 0,
        chatbot + " responses came from the chatbot: " + evidence);
    assertTrue(evidence.path("before").asText().contains("s******_c***"), "known values, masked: " + evidence);
  }

  @Test
  void aRenamedMappedFieldProposesTheNewPath() {
    JsonNode alert = onlyAlert("crm_renamed", "contacts", "RENAMED");
    assertFields(alert, "[\"phone\"]", "[\"mobile_phone\"]");
    assertEquals("BREAKING", alert.path("severity").asText());
    assertEquals("[\"party.phone\"]", onlyAffected(alert).path("taxonomyFields").toString());
    String proposal = alert.path("proposal").asText();
    assertTrue(proposal.contains("phone: { path: mobile_phone, transform: [{ phone: { region: GB } }] }"), proposal);
    JsonNode evidence = alert.path("evidence");
    assertTrue(evidence.path("matchShare").asDouble() >= 0.5, evidence.toString());
    assertTrue(evidence.path("matchSample").asInt() >= 5, evidence.toString());
    assertTrue(texts(evidence.path("examplesAfter")).stream().allMatch(e -> e.matches("\\+## ## #### ####")),
        "phones keep their shape only: " + evidence);
    assertMasked(alert, phones(0, BASELINE + CHANGED));
  }

  @Test
  void aSplitNameProposesTheConcatenationFromTheWindowItBeganIn() {
    JsonNode alert = onlyAlert("crm_split", "contacts", "SPLIT");
    assertEquals(BASELINE + CHANGED - 20, alert.path("evidence").path("occurrences").asLong(), alert.toString());
    assertFields(alert, "[\"name\"]", "[\"given_name\",\"family_name\"]");
    assertEquals("BREAKING", alert.path("severity").asText());
    assertEquals(" ", alert.path("evidence").path("separator").asText());
    String proposal = alert.path("proposal").asText();
    assertTrue(proposal.contains(
        "display_name: { concat: [given_name, family_name], separator: \" \", transform: [trim] }"), proposal);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < BASELINE + CHANGED; i++) {
      names.add(SourceRecords.first(i) + " " + SourceRecords.last(i));
    }
    assertMasked(alert, names);
  }

  @Test
  void aMergedAddressProposesTheNewField() {
    JsonNode alert = onlyAlert("crm_merged", "contacts", "MERGED");
    assertFields(alert, "[\"street\",\"house_number\"]", "[\"address_line\"]");
    assertEquals("BREAKING", alert.path("severity").asText());
    assertEquals(" ", alert.path("evidence").path("separator").asText());
    String proposal = alert.path("proposal").asText();
    assertTrue(proposal.contains("street: { path: address_line }"), proposal);
  }

  @Test
  void aStreamThatStopsIsSilentAffectsItsMappingAndDoesNotPause() {
    silenceFed.join();
    JsonNode alert = probe.awaitAlert("pbx_silent", "calls", "STREAM_SILENT");
    assertEquals("BREAKING", alert.path("severity").asText());
    assertFields(alert, "[]", "[]");
    JsonNode affected = onlyAffected(alert);
    assertTrue(affected.path("file").asText().endsWith("pbx_silent/calls.yaml"), affected.toString());
    assertTrue(affected.path("taxonomyFields").toString().contains("interaction.ani"), affected.toString());
    JsonNode evidence = alert.path("evidence");
    assertTrue(evidence.path("before").asText().contains("silence allowed"), evidence.toString());
    assertTrue(evidence.path("after").asText().startsWith("no record for"), evidence.toString());
    assertEquals(1, probe.alerts("pbx_silent", "calls").size(), "one alert per silence: "
        + probe.alerts("pbx_silent", "calls"));
    // the calls stream has policy pause, yet silence holds nothing: the calls that come again flow
    assertTrue(probe.stream("pbx_silent", "calls").orElseThrow().path("pausedByAlert").isNull());
    HttpResponse<String> back = probe.push("pbx_silent", "calls", 80, 88, SourceRecords::call);
    assertEquals(0, fixture.json(back).path("quarantined").asInt(), back.body());
    // and the silence is over: the detector resolves its alert, saying so in the audit trail
    HubFixtureAwait.until("the silence alert resolved", () -> fixture.json(fixture.get("/api/drift/alerts/"
        + alert.path("id").asLong())).path("status").asText().equals("RESOLVED"));
    JsonNode history = fixture.json(fixture.get("/api/drift/alerts/" + alert.path("id").asLong())).path("history");
    JsonNode last = history.get(history.size() - 1);
    assertEquals("drift-detector", last.path("actor").asText(), history.toString());
    assertEquals("records arrive again", last.path("comment").asText(), history.toString());
  }

  @Test
  void aStreamWhoseVolumeDropsIsAVolumeDrop() {
    JsonNode alert = probe.awaitAlert("shop_volume", "orders", "VOLUME_DROP");
    volumeFed.join();
    assertEquals("INFO", alert.path("severity").asText(), "no mapping reads the orders");
    JsonNode evidence = alert.path("evidence");
    assertTrue(evidence.path("before").asText().startsWith("median "), evidence.toString());
    assertTrue(evidence.path("after").asText().endsWith("records in the last PT1S"), evidence.toString());
    long median = Long.parseLong(evidence.path("before").asText().split(" ")[1]);
    assertTrue(median >= 20, evidence.toString());
    assertEquals(List.of("VOLUME_DROP"), probe.alerts("shop_volume", "orders").stream()
        .map(a -> a.path("kind").asText()).toList(), "the orders did not fall silent");
  }

  /**
   * The pause policy: on a breaking drift the stream stops (every record held, at stage DRIFT)
   * while the system's other stream goes on; accepting the alert resumes it and replays what it
   * held, once.
   */
  @Test
  void aPausedStreamHoldsEverythingUntilAcceptedThenReplaysItOnce() {
    CompletableFuture<Void> learnt = CompletableFuture.allOf(
        CompletableFuture.runAsync(() -> probe.push("ledger", "invoices", 0, BASELINE, DriftKindsIT::ledgerInvoice),
            feeders),
        CompletableFuture.runAsync(() -> probe.push("ledger", "payments", 0, BASELINE, DriftKindsIT::ledgerPayment),
            feeders));
    learnt.join();
    probe.awaitBaseline("ledger", "invoices");
    probe.awaitBaseline("ledger", "payments");
    HubFixtureAwait.until("the first invoices stored", () -> probe.stored("ledger", "invoices") == BASELINE);

    // the ERP stops sending due dates: the mapped field is missing, so those invoices are held at once
    HttpResponse<String> undated = probe.push("ledger", "invoices", BASELINE, BASELINE + CHANGED,
        i -> without(ledgerInvoice(i), "due_date"));
    assertEquals(CHANGED, fixture.json(undated).path("quarantined").asInt(), undated.body());
    JsonNode alert = probe.awaitAlert("ledger", "invoices", "FIELD_REMOVED");
    assertEquals("BREAKING", alert.path("severity").asText());
    long id = alert.path("id").asLong();
    HubFixtureAwait.until("ledger/invoices paused", () -> probe.stream("ledger", "invoices")
        .map(s -> s.path("pausedByAlert").asLong() == id).orElse(false));

    // paused: even invoices that fit are held; the payments go on
    HttpResponse<String> dated = probe.push("ledger", "invoices", BASELINE + CHANGED, BASELINE + CHANGED + 40,
        DriftKindsIT::ledgerInvoice);
    assertEquals(40, fixture.json(dated).path("quarantined").asInt(), dated.body());
    HttpResponse<String> payments = probe.push("ledger", "payments", BASELINE, 2 * BASELINE,
        DriftKindsIT::ledgerPayment);
    assertEquals(0, fixture.json(payments).path("quarantined").asInt(), payments.body());
    List<JsonNode> held = probe.held("ledger", "invoices");
    assertEquals(CHANGED + 40, held.size());
    assertTrue(held.stream().allMatch(e -> e.path("record").path("stage").asText().equals("DRIFT")), held.toString());
    assertTrue(held.get(held.size() - 1).path("record").path("reason").asText()
        .contains("paused by breaking drift alert #" + id), held.get(held.size() - 1).toString());
    HubFixtureAwait.until("the payments stored", () -> probe.stored("ledger", "payments") == 2 * BASELINE);
    assertEquals(BASELINE, probe.stored("ledger", "invoices"), "nothing of the paused stream was stored");

    HttpResponse<String> accepted = fixture.post("/api/drift/alerts/" + id + "/accept",
        "{\"comment\":\"the ERP no longer sends due dates; payment terms come from the contract\"}");
    assertEquals(200, accepted.statusCode(), accepted.body());
    HubFixtureAwait.until("the held invoices replayed", () -> probe.held("ledger", "invoices").isEmpty()
        && probe.stored("ledger", "invoices") == BASELINE + CHANGED + 40);
    JsonNode status = probe.stream("ledger", "invoices").orElseThrow();
    assertTrue(status.path("pausedByAlert").isNull(), status.toString());
    assertEquals(2, status.path("baselineVersion").asInt(), status.toString());
    assertEquals(0, status.path("windowRecords").asLong(), "replayed records were observed when they came, not again: "
        + status);
    JsonNode replay = fixture.json(fixture.post("/api/quarantine/replay?system=ledger&stream=invoices", ""));
    assertEquals(0, replay.path("replayed").asInt(), "nothing is left to replay: " + replay);
    assertEquals(BASELINE + CHANGED + 40, probe.stored("ledger", "invoices"), "each held invoice stored once");
    for (String account : List.of("LG-05180", "LG-05230")) { // held undated, held while paused
      HubFixtureAwait.until("the profile of " + account, () -> fixture.json(
          fixture.get("/api/profiles?key=billing_customer_id:" + account)).path("items").size() == 1);
    }
  }

  /**
   * Resolving also resumes a paused stream: the ERP fixed its export, so the records it sent
   * meanwhile flow, and the broken ones it sent before are held again (not lost, not looping).
   */
  @Test
  void aPausedStreamResumesWhenItsAlertIsResolvedAndHoldsWhatStillDoesNotFit() {
    probe.push("ledger", "refunds", 0, BASELINE, DriftKindsIT::ledgerRefund);
    probe.awaitBaseline("ledger", "refunds");
    // a broken export: local times without zone, which the mapping cannot read
    probe.push("ledger", "refunds", BASELINE, BASELINE + 40, i -> {
      ObjectNode r = ledgerRefund(i);
      Instant at = Instant.parse(r.path("refunded_at").asText());
      return r.put("refunded_at", DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
          .withZone(ZoneOffset.UTC).format(at));
    });
    JsonNode alert = probe.awaitAlert("ledger", "refunds", "FORMAT_CHANGED");
    long id = alert.path("id").asLong();
    HubFixtureAwait.until("ledger/refunds paused", () -> probe.stream("ledger", "refunds")
        .map(s -> s.path("pausedByAlert").asLong() == id).orElse(false));
    HttpResponse<String> fixed = probe.push("ledger", "refunds", BASELINE + 40, BASELINE + 100,
        DriftKindsIT::ledgerRefund);
    assertEquals(60, fixture.json(fixed).path("quarantined").asInt(), "held while paused: " + fixed.body());

    HttpResponse<String> resolved = fixture.post("/api/drift/alerts/" + id + "/resolve",
        "{\"comment\":\"ERP export fixed; the 40 broken refunds will be re-sent by finance\"}");
    assertEquals(200, resolved.statusCode(), resolved.body());
    assertEquals("RESOLVED", fixture.json(resolved).path("status").asText());
    HubFixtureAwait.until("the fixed refunds stored", () -> probe.stored("ledger", "refunds") == BASELINE + 60);
    HubFixtureAwait.until("the broken refunds held again", () -> probe.held("ledger", "refunds").size() == 40);
    List<JsonNode> held = probe.held("ledger", "refunds");
    assertTrue(held.stream().allMatch(e -> e.path("record").path("reason").asText()
        .contains("field 'refunded_at' is not date-time")), held.get(0).toString());
    JsonNode status = probe.stream("ledger", "refunds").orElseThrow();
    assertTrue(status.path("pausedByAlert").isNull(), status.toString());
    assertEquals(1, status.path("baselineVersion").asInt(), "resolving changes no baseline: " + status);
  }

  // ------------------------------------------------------------------ scenarios and feeders

  /**
   * Pushes {@code BASELINE} records, waits for the baseline, then pushes records {@code from..to-1}
   * changed by {@code change}; all in the background.
   */
  private static void scenario(String system, String stream, IntFunction<ObjectNode> record, int from, int to,
      UnaryOperator<ObjectNode> change) {
    scenario(system, stream, record, from, from, to, change);
  }

  /** As above, in one batch with records {@code from..changeFrom-1} as they were. */
  private static void scenario(String system, String stream, IntFunction<ObjectNode> record, int from, int changeFrom,
      int to, UnaryOperator<ObjectNode> change) {
    changed.put(system, CompletableFuture.runAsync(() -> {
      probe.push(system, stream, 0, BASELINE, record);
      probe.awaitBaseline(system, stream);
      probe.push(system, stream, from, to, i -> i < changeFrom ? record.apply(i) : change.apply(record.apply(i)));
    }, feeders));
  }

  /** Calls arrive in small batches every 1.2 s for 12 s, then stop. */
  private static void feedThenFallSilent() {
    for (int batch = 0; batch < 10; batch++) {
      probe.push("pbx_silent", "calls", batch * 8, batch * 8 + 8, SourceRecords::call);
      pause(1_200);
    }
  }

  /** Orders arrive at about 40 a second for 8 s, then at about 4 a second. */
  private static void feedThenDrop() {
    int next = 0;
    long end = System.nanoTime() + 8_000_000_000L;
    while (System.nanoTime() < end) {
      probe.push("shop_volume", "orders", next, next + 10, SourceRecords::order);
      next += 10;
      pause(250);
    }
    end = System.nanoTime() + 6_000_000_000L;
    while (System.nanoTime() < end && probe.alerts("shop_volume", "orders").isEmpty()) {
      probe.push("shop_volume", "orders", next, next + 1, SourceRecords::order);
      next++;
      pause(250);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ assertions

  /** The stream's one alert, of {@code kind}: nothing else (no added or removed fields beside a rename). */
  private static JsonNode onlyAlert(String system, String stream, String kind) {
    changed.get(system).join();
    JsonNode alert = probe.awaitAlert(system, stream, kind);
    List<JsonNode> all = probe.alerts(system, stream);
    assertEquals(1, all.size(), "only " + kind + " on " + system + "/" + stream + ": " + all);
    assertEquals("OPEN", alert.path("status").asText());
    assertEquals(1, alert.path("baselineVersion").asInt());
    JsonNode full = probe.alert(alert.path("id").asLong());
    List<String> raw = new ArrayList<>();
    for (int i = 0; i < BASELINE + CHANGED; i++) {
      raw.add(SourceRecords.email(i));
      raw.add(SourceRecords.phone(i));
    }
    assertMasked(full, raw);
    return full;
  }

  private static void assertFields(JsonNode alert, String old, String now) {
    assertEquals(old, alert.path("fields").path("old").toString(), alert.toString());
    assertEquals(now, alert.path("fields").path("new").toString(), alert.toString());
  }

  private static JsonNode onlyAffected(JsonNode alert) {
    assertEquals(1, alert.path("affected").size(), alert.toString());
    return alert.path("affected").get(0);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> emails(int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(SourceRecords.email(i));
    }
    return out;
  }

  private static List<String> phones(int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(SourceRecords.phone(i));
      out.add(SourceRecords.phone(i).substring(SourceRecords.phone(i).length() - 9));
    }
    return out;
  }

  /** One response in three came through the new chatbot. */
  private static boolean fromChatbot(JsonNode response) {
    return Math.floorMod(response.path("responseId").asText().hashCode(), 3) == 0;
  }

  /** A ledger invoice: billed to accounts of the ledger's own ({@code LG-}), so its profiles are its own. */
  private static ObjectNode ledgerInvoice(int i) {
    return SourceRecords.invoice(i).put("customer", String.format("LG-%05d", 5000 + i));
  }

  private static ObjectNode ledgerRefund(int i) {
    return SourceRecords.refund(i).put("customer", String.format("LG-%05d", 5000 + i));
  }

  private static ObjectNode ledgerPayment(int i) {
    return SourceRecords.payment(i).put("customer", String.format("LG-%05d", 5000 + i));
  }

  private static ObjectNode without(ObjectNode record, String field) {
    record.remove(field);
    return record;
  }

  private static ObjectNode renamed(ObjectNode record, String from, String to) {
    ObjectNode out = SourceRecords.JSON.createObjectNode();
    record.properties().forEach(e -> out.set(e.getKey().equals(from) ? to : e.getKey(), e.getValue()));
    return out;
  }

  // ------------------------------------------------------------------ configuration

  private static void writeMappings() throws IOException {
    for (String system : List.of("crm_added", "crm_renamed")) {
      mapping(system, "contacts", "party", "id", """
              crm_contact_id: id
              first_name: { path: first_name, transform: [trim] }
              last_name: { path: last_name, transform: [trim] }
              email: { path: email, transform: [email] }
              phone: { path: phone, transform: [{ phone: { region: GB } }] }
              city: city
              created_at: { path: created_at, transform: [timestamp] }
            required: [crm_contact_id]
            identity: [crm_contact_id, email, phone]
          """);
    }
    mapping("crm_split", "contacts", "party", "id", """
              crm_contact_id: id
              display_name: { path: name, transform: [trim] }
              email: { path: email, transform: [email] }
            required: [crm_contact_id]
            identity: [crm_contact_id, email]
          """);
    mapping("crm_merged", "contacts", "party", "id", """
              crm_contact_id: id
              street: { concat: [street, house_number], separator: " " }
              postal_code: postal_code
              city: city
              email: { path: email, transform: [email] }
            required: [crm_contact_id]
            identity: [crm_contact_id, email]
          """);
    for (String system : List.of("erp_removed", "erp_typed", "erp_dates", "ledger")) {
      mapping(system, "invoices", "invoice", "id", """
              invoice_id: id
              number: number
              billing_customer_id: customer
              status: { path: status, transform: [{ enum: { open: OPEN, paid: PAID, void: VOID } }] }
              currency: { path: currency, transform: [upper] }
              amount_due: { path: amount_due, transform: [to_decimal] }
              issued_on: { path: issued_on, transform: [date] }
              due_on: { path: due_date, transform: [date] }
              updated_at: { path: updated_at, transform: [timestamp] }
            required: [invoice_id]
            identity: [billing_customer_id]
          """);
    }
    mapping("ledger", "payments", "payment", "id", """
              payment_id: id
              invoice_id: invoice
              billing_customer_id: customer
              amount: { path: amount, transform: [to_decimal] }
              currency: { path: currency, transform: [upper] }
              method: { path: method, transform: [{ enum: { card: CARD, wire: WIRE }, default: OTHER }] }
              paid_at: { path: paid_at, transform: [timestamp] }
            required: [payment_id]
            identity: [billing_customer_id]
          """);
    mapping("ledger", "refunds", "payment", "id", """
              payment_id: id
              invoice_id: payment
              billing_customer_id: customer
              amount: { path: amount, transform: [to_decimal] }
              currency: { path: currency, transform: [upper] }
              status: { value: REFUNDED }
              paid_at: { path: refunded_at, transform: [timestamp] }
            required: [payment_id]
            identity: [billing_customer_id]
          """);
    for (String system : List.of("survey_nulls", "survey_enum")) {
      mapping(system, "responses", "survey_response", "responseId", """
              response_id: responseId
              survey: surveyId
              survey_respondent_id: respondent
              email: { path: email, transform: [email] }
              touchpoint: touchpoint
              csat_score: { path: csat, transform: [to_integer] }
              verbatim: { path: comment, transform: [trim] }
              responded_at: { path: recorded_at, transform: [timestamp] }
            required: [response_id, survey]
            identity: [survey_respondent_id, email]
          """);
    }
    mapping("pbx_silent", "calls", "interaction", "id", """
              interaction_id: id
              channel: { value: VOICE }
              ani: { path: ani, transform: [{ phone: { region: GB } }] }
              queue: queue
              direction: { path: direction, transform: [{ enum: { inbound: INBOUND, outbound: OUTBOUND } }] }
              started_at: { path: started_at, transform: [timestamp] }
              handle_seconds: { path: handle_seconds, transform: [to_integer] }
            required: [interaction_id]
            identity: [ani]
          """);
  }

  /** {@code mappings/system/stream.yaml} with one entity; {@code body} is its fields and what follows. */
  private static void mapping(String system, String stream, String entity, String id, String body) throws IOException {
    Path dir = Files.createDirectories(fixture.configDir.resolve("mappings").resolve(system));
    Files.writeString(dir.resolve(stream + ".yaml"), "system: " + system + "\nstream: " + stream
        + "\nentities:\n  - entity: " + entity + "\n    id: " + id + "\n    fields:\n" + body.indent(2));
  }
}
