package io.cxhub.drift;

import static io.cxhub.drift.Payloads.changed;
import static io.cxhub.drift.Payloads.learn;
import static io.cxhub.drift.Payloads.ofKind;
import static io.cxhub.drift.Payloads.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxhub.mapping.EntityRecord;
import io.cxhub.mapping.Mapping;
import io.cxhub.mapping.MappingLoader;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.taxonomy.Taxonomy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Severity and proposals from the shipped billing mapping; every proposal is applied and must load and map. */
class DriftLineageTest {

  private static final Taxonomy TAXONOMY = Taxonomy.loadDefault();
  private static final MappingLoader LOADER = new MappingLoader(TAXONOMY);
  private static final Path CUSTOMERS_FILE = Path.of("..", "mappings", "billing", "customers.yaml");

  private final Baseline customers = learn("billing", "customers", records(0, 300, Payloads::billingCustomer));
  private final String shipped = read(CUSTOMERS_FILE);
  /** The shipped mapping plus the street, which the shipped one does not map. */
  private final String yaml = shipped.replace("      country: {", "      street: { path: address, transform: [trim] }\n      country: {");
  private final Mapping mapping = LOADER.parse(CUSTOMERS_FILE, yaml);
  private final Lineage lineage = new Lineage(List.of(mapping), TAXONOMY);

  @Test
  void unmappedAddedFieldIsInfo() {
    List<Drift> drifts = detect(changed(records(300, 400, Payloads::billingCustomer), row -> row.put("loyalty_tier", "gold")));
    assertEquals(1, drifts.size(), drifts.toString());
    assertEquals(Severity.INFO, drifts.get(0).severity());
    assertEquals(List.of(), drifts.get(0).affected());
    assertNull(drifts.get(0).proposal());
  }

  @Test
  void removedMappedFieldIsBreakingAndNamesTheMappingAndTaxonomyField() {
    List<Drift> drifts = detect(changed(records(300, 400, Payloads::billingCustomer), row -> { row.remove("phone"); return row; }));
    assertEquals(1, drifts.size(), drifts.toString());
    Drift drift = drifts.get(0);
    assertEquals(DriftKind.FIELD_REMOVED, drift.kind());
    assertEquals(Severity.BREAKING, drift.severity());
    assertEquals(CUSTOMERS_FILE.toString(), drift.affected().get(0).file());
    assertEquals(List.of("phone"), drift.affected().get(0).paths());
    assertEquals(List.of("party.phone"), drift.affected().get(0).taxonomyFields());
  }

  @Test
  void removedUnmappedFieldIsInfo() {
    List<Drift> drifts = detect(changed(records(300, 400, Payloads::billingCustomer), row -> { row.remove("fax"); return row; }));
    assertEquals(Severity.INFO, drifts.get(0).severity());
  }

  @Test
  void addressSplitProposesTheConcatThatRecombinesIt() {
    List<Drift> drifts = detect(changed(records(0, 300, Payloads::billingCustomer), row -> {
      row.remove("address");
      int i = id(row);
      row.put("street", Payloads.street(i)).put("house_number", Payloads.houseNumber(i));
      return row;
    }));
    Drift split = ofKind(drifts, DriftKind.SPLIT).get(0);
    assertEquals(Severity.BREAKING, split.severity());
    assertEquals(List.of("party.street"), split.affected().get(0).taxonomyFields());
    assertTrue(split.proposal().contains("street: { concat: [street, house_number], separator: \" \", transform: [trim] }"
        + "    # was: { path: address, transform: [trim] }"), split.proposal());

    Mapping patched = LOADER.parse(CUSTOMERS_FILE, apply(yaml, split.proposal()));
    ObjectNode row = Payloads.billingCustomer(9);
    row.remove("address");
    row.put("street", "Baker Street").put("house_number", 221);
    assertEquals("Baker Street 221", party(patched, row).fields().get("street"));
  }

  @Test
  void dateTimeBecomingEpochSecondsProposesTheEpochTransform() {
    List<Drift> drifts = detect(changed(records(300, 400, Payloads::billingCustomer),
        row -> row.put("created_at", Instant.parse(row.get("created_at").asText()).getEpochSecond())));
    Drift drift = drifts.get(0);
    assertEquals(DriftKind.FORMAT_CHANGED, drift.kind());
    assertEquals(Severity.BREAKING, drift.severity());
    assertTrue(drift.proposal().contains("created_at: { path: created_at, transform: [{ timestamp: epoch_seconds }] }"),
        drift.proposal());

    Mapping patched = LOADER.parse(CUSTOMERS_FILE, apply(yaml, drift.proposal()));
    ObjectNode row = Payloads.billingCustomer(9).put("created_at", 1_714_564_800L);
    assertEquals(Instant.parse("2024-05-01T12:00:00Z"), party(patched, row).fields().get("created_at"));
  }

  @Test
  void isoDateBecomingEpochSecondsSaysNoTransformReadsAnEpochIntoADate() throws IOException {
    Path file = Path.of("..", "mappings", "billing", "invoices.yaml");
    Lineage invoices = new Lineage(List.of(LOADER.load(file)), TAXONOMY);
    List<ObjectNode> rows = records(0, 200, DriftLineageTest::invoice);
    Baseline baseline = learn("billing", "invoices", rows);
    List<Drift> drifts = new DriftDetector(Payloads.SETTINGS).detect(baseline, Payloads.window(baseline,
        changed(rows, row -> row.put("due_date", java.time.LocalDate.parse(row.get("due_date").asText())
            .atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond()))), invoices);
    Drift drift = drifts.get(0);
    assertEquals(DriftKind.FORMAT_CHANGED, drift.kind());
    assertEquals(List.of("invoice.due_on"), drift.affected().get(0).taxonomyFields());
    assertTrue(drift.proposal().contains("no mapping transform reads epoch-seconds into a date; a new transform is needed"),
        drift.proposal());
  }

  @Test
  void renameProposesTheNewPath() {
    List<Drift> drifts = detect(changed(records(0, 300, Payloads::billingCustomer), row -> {
      row.set("email_address", row.remove("email"));
      return row;
    }));
    Drift rename = drifts.get(0);
    assertEquals(DriftKind.RENAMED, rename.kind());
    assertTrue(rename.proposal().contains("email: { path: email_address, transform: [email] }"
        + "    # was: { path: email, transform: [email] }"), rename.proposal());
  }

  @Test
  void mergeProposesSplittingTheMergedFieldAndReadingItWhole() {
    List<Drift> drifts = detect(changed(records(0, 300, Payloads::billingCustomer), row -> {
      row.put("full_name", row.remove("first_name").asText() + " " + row.remove("last_name").asText());
      return row;
    }));
    Drift merge = drifts.get(0);
    assertEquals(DriftKind.MERGED, merge.kind());
    assertEquals(List.of("party.first_name", "party.last_name", "party.display_name"), merge.affected().get(0).taxonomyFields());
    Mapping patched = LOADER.parse(CUSTOMERS_FILE, apply(yaml, merge.proposal()));
    ObjectNode row = Payloads.billingCustomer(0);
    row.remove("first_name");
    row.remove("last_name");
    row.put("full_name", "Jane Doe");
    EntityRecord party = party(patched, row);
    assertEquals("Jane", party.fields().get("first_name"));
    assertEquals("Doe", party.fields().get("last_name"));
    assertEquals("Jane Doe", party.fields().get("display_name"));
  }

  private List<Drift> detect(List<ObjectNode> window) {
    return new DriftDetector(Payloads.SETTINGS).detect(customers, Payloads.window(customers, window), lineage);
  }

  /** Replaces each field line of the mapping with the proposal's line for it (comments dropped). */
  static String apply(String yaml, String proposal) {
    Matcher line = Pattern.compile("(?m)^      (\\w+): (\\{.*})    #.*$").matcher(proposal);
    String patched = yaml;
    int applied = 0;
    while (line.find()) {
      patched = patched.replaceFirst("(?m)^      " + line.group(1) + ":.*$", Matcher.quoteReplacement("      "
          + line.group(1) + ": " + line.group(2)));
      applied++;
    }
    assertTrue(applied > 0, "nothing to apply in " + proposal);
    return patched;
  }

  private static EntityRecord party(Mapping mapping, ObjectNode row) {
    return mapping.map(RawRecord.pushed("billing", "customers", row.get("customer_id").asText(), row)).entities().get(0);
  }

  private static int id(ObjectNode row) {
    return Integer.parseInt(row.get("customer_id").asText().substring(4));
  }

  private static ObjectNode invoice(int i) {
    ObjectNode row = Payloads.JSON.createObjectNode();
    row.put("invoice_id", String.format("in_%08d", i)).put("customer_id", String.format("cus_%06d", i % 90))
        .put("number", String.format("INV-2024-%04d", i)).put("amount_due_cents", 1_000 + (i * 37) % 90_000)
        .put("amount_paid_cents", 0).put("currency", "usd").put("status", i % 3 == 0 ? "paid" : "open")
        .put("issued_on", java.time.LocalDate.of(2024, 1, 1).plusDays(i % 300).toString())
        .put("due_date", java.time.LocalDate.of(2024, 1, 31).plusDays(i % 300).toString())
        .putNull("paid_at").put("updated_at", "2024-05-01T12:00:00-07:00");
    return row;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
