package io.cxhub.drift;

import io.cxhub.mapping.MappingEdit;
import static io.cxhub.drift.Payloads.changed;
import static io.cxhub.drift.Payloads.learn;
import static io.cxhub.drift.Payloads.ofKind;
import static io.cxhub.drift.Payloads.records;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cxhub.mapping.EntityRecord;
import io.cxhub.mapping.Mapping;
import io.cxhub.mapping.MappingEditException;
import io.cxhub.mapping.MappingEditor;
import io.cxhub.mapping.MappingException;
import io.cxhub.mapping.MappingLoader;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.taxonomy.Taxonomy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every proposal kind, end to end: drift detected against a copy of a shipped mapping, its edits
 * written with {@link MappingEditor}, and the edited file maps records of the new shape to the same
 * taxonomy values the original gave records of the old shape.
 */
class DriftEditsTest {

  private static final Taxonomy TAXONOMY = Taxonomy.loadDefault();
  private static final MappingLoader LOADER = new MappingLoader(TAXONOMY);
  private static final MappingEditor EDITOR = new MappingEditor(LOADER);
  private static final Path SHIPPED = Path.of("..", "mappings", "billing");

  @TempDir
  Path dir;
  private Path customers;
  private String original;

  @BeforeEach
  void copyShippedMapping() throws Exception {
    customers = dir.resolve("customers.yaml");
    // the shipped mapping does not read the address; a street read from it gives the split something to break
    original = Files.readString(SHIPPED.resolve("customers.yaml"))
        .replace("      country: {", "      street: { path: address, transform: [trim] }    # kept as typed\n      country: {");
    Files.writeString(customers, original);
  }

  @Test
  void renameEditsEveryValueThatReadsTheOldName() throws Exception {
    Drift rename = only(DriftKind.RENAMED, row -> {
      row.set("email_address", row.remove("email"));
      return row;
    });
    assertEquals(List.of(new MappingEdit(customers.toString(), "party", "fields.email",
        "{ path: email_address, transform: [email] }", "{ path: email, transform: [email] }")), rename.edits());
    assertSameValues(rename, row -> {
      row.set("email_address", row.remove("email"));
      return row;
    });
  }

  @Test
  void renamedPhoneKeepsItsPhoneTransform() throws Exception {
    UnaryOperator<ObjectNode> change = row -> {
      row.set("phone_number", row.remove("phone"));
      return row;
    };
    Drift rename = only(DriftKind.RENAMED, change);
    assertEquals(List.of("{ path: phone_number, transform: [{ phone: { region_from: country } }] }"),
        rename.edits().stream().map(MappingEdit::source).toList());
    assertSameValues(rename, change);
  }

  /** Three country codes are too few values for the detector to call a rename, so this drift is stated. */
  @Test
  void renamedCountryFollowsIntoThePhoneTransformThatConsultsIt() throws Exception {
    Drift stated = new Drift("billing", "customers", DriftKind.RENAMED, List.of("country"), List.of("country_code"),
        Severity.INFO, new Evidence(300, 300, "string", "absent", null, null, null, 1.0, 3, List.of(), List.of(), null,
            Payloads.NOW, Payloads.NOW), List.of(), null, null);
    Drift rename = new Lineage(List.of(LOADER.load(customers)), TAXONOMY).assess(stated);
    assertEquals(List.of("fields.phone", "fields.country"), rename.edits().stream().map(MappingEdit::key).toList());
    assertEquals("{ path: phone, transform: [{ phone: { region_from: country_code } }] }",
        rename.edits().get(0).source());
    assertSameValues(rename, row -> {
      row.set("country_code", row.remove("country"));
      return row;
    });
  }

  @Test
  void renamedIdRenamesTheEntityIdToo() throws Exception {
    UnaryOperator<ObjectNode> change = row -> {
      row.set("customer_number", row.remove("customer_id"));
      return row;
    };
    Drift rename = only(DriftKind.RENAMED, change);
    assertEquals(List.of(new MappingEdit(customers.toString(), "party", "id", "customer_number", "customer_id"),
        new MappingEdit(customers.toString(), "party", "fields.billing_customer_id", "customer_number", "customer_id")),
        rename.edits());
    assertTrue(rename.proposal().contains("    id: customer_number    # was: customer_id\n"), rename.proposal());
    assertSameValues(rename, change);
  }

  @Test
  void addressSplitBecomesAConcatThatGivesTheSameStreet() throws Exception {
    UnaryOperator<ObjectNode> change = row -> {
      String address = row.remove("address").asText();
      int space = address.lastIndexOf(' ');
      row.put("street", address.substring(0, space)).put("house_number", address.substring(space + 1));
      return row;
    };
    Drift split = only(DriftKind.SPLIT, change);
    assertEquals(List.of(new MappingEdit(customers.toString(), "party", "fields.street",
        "{ concat: [street, house_number], separator: \" \", transform: [trim] }", "{ path: address, transform: [trim] }")),
        split.edits());
    Mapping before = LOADER.load(customers);
    Mapping after = assertSameValues(split, change);
    ObjectNode old = Payloads.billingCustomer(0).put("address", "Main Street 12");
    ObjectNode now = change.apply(old.deepCopy());
    assertEquals("Main Street 12", party(before, old).fields().get("street"));
    assertEquals("Main Street 12", party(after, now).fields().get("street"));
  }

  @Test
  void mergedNameIsSplitForEachPartAndReadWholeForTheConcat() throws Exception {
    UnaryOperator<ObjectNode> change = row -> {
      row.put("full_name", row.remove("first_name").asText() + " " + row.remove("last_name").asText());
      return row;
    };
    Drift merge = only(DriftKind.MERGED, change);
    assertEquals(List.of(
        "first_name: { path: full_name, transform: [{ split: { separator: \" \", index: 0 } }, trim] }",
        "last_name: { path: full_name, transform: [{ split: { separator: \" \", index: -1 } }, trim] }",
        "display_name: { path: full_name, transform: [trim] }"),
        merge.edits().stream().map(e -> e.key().substring("fields.".length()) + ": " + e.source()).toList());
    assertSameValues(merge, change);
  }

  @Test
  void dateTimeBecomingEpochSecondsSwapsTheTimestampTransform() throws Exception {
    UnaryOperator<ObjectNode> change =
        row -> row.put("created_at", Instant.parse(row.get("created_at").asText()).getEpochSecond());
    Drift format = only(DriftKind.FORMAT_CHANGED, change);
    assertEquals(List.of(new MappingEdit(customers.toString(), "party", "fields.created_at",
        "{ path: created_at, transform: [{ timestamp: epoch_seconds }] }", "{ path: created_at, transform: [timestamp] }")),
        format.edits());
    assertTrue(format.proposal().contains("created_at: { path: created_at, transform: [{ timestamp: epoch_seconds }] }"
        + "    # was: { path: created_at, transform: [timestamp] }; was date-time, now epoch-seconds"), format.proposal());
    assertSameValues(format, change);
  }

  @Test
  void aFormatNoTransformReadsHasATextProposalButNoEdit() throws Exception {
    Path invoices = dir.resolve("invoices.yaml");
    Files.copy(SHIPPED.resolve("invoices.yaml"), invoices);
    Lineage lineage = new Lineage(List.of(LOADER.load(invoices)), TAXONOMY);
    List<ObjectNode> rows = records(0, 200, DriftEditsTest::invoice);
    Baseline baseline = learn("billing", "invoices", rows);
    Drift drift = new DriftDetector(Payloads.SETTINGS).detect(baseline, Payloads.window(baseline, changed(rows,
        row -> row.put("due_date", LocalDate.parse(row.get("due_date").asText()).atStartOfDay(ZoneOffset.UTC)
            .toEpochSecond()))), lineage).get(0);
    assertEquals(DriftKind.FORMAT_CHANGED, drift.kind());
    assertTrue(drift.proposal().contains("a new transform is needed"), drift.proposal());
    assertEquals(List.of(), drift.edits());
  }

  @Test
  void aProposalAppliedTwiceIsRefusedTheSecondTime() throws Exception {
    Drift rename = only(DriftKind.RENAMED, row -> {
      row.set("email_address", row.remove("email"));
      return row;
    });
    EDITOR.apply(customers, rename.edits());
    byte[] once = Files.readAllBytes(customers);
    MappingEditException e = assertThrows(MappingEditException.class, () -> EDITOR.apply(customers, rename.edits()));
    assertTrue(e.getMessage().contains("the file changed since the proposal was made"), e.getMessage());
    assertArrayEquals(once, Files.readAllBytes(customers));
  }

  @Test
  void storedDriftWithoutEditsStillReads() throws Exception {
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    Drift drift = only(DriftKind.RENAMED, row -> {
      row.set("email_address", row.remove("email"));
      return row;
    });
    ObjectNode stored = json.valueToTree(drift);
    stored.remove("edits");
    Drift read = json.treeToValue(stored, Drift.class);
    assertEquals(List.of(), read.edits());
    assertEquals(drift.proposal(), read.proposal());
  }

  /** The one drift of {@code kind} that changing every record this way causes, with its edits. */
  private Drift only(DriftKind kind, UnaryOperator<ObjectNode> change) {
    Lineage lineage = new Lineage(List.of(LOADER.load(customers)), TAXONOMY);
    List<ObjectNode> rows = records(0, 300, Payloads::billingCustomer);
    Baseline baseline = learn("billing", "customers", rows);
    List<Drift> drifts = new DriftDetector(Payloads.SETTINGS).detect(baseline,
        Payloads.window(baseline, changed(rows, change)), lineage);
    List<Drift> ofKind = ofKind(drifts, kind);
    assertEquals(1, ofKind.size(), drifts.toString());
    assertNotNull(ofKind.get(0).proposal());
    return ofKind.get(0);
  }

  /**
   * Applies the drift's edits and checks the edited file against the original: only the edited lines
   * differ, and every record maps to the same taxonomy values in its new shape as it did in its old.
   */
  private Mapping assertSameValues(Drift drift, UnaryOperator<ObjectNode> change) throws Exception {
    Mapping before = LOADER.load(customers);
    MappingEditor.Result result = EDITOR.apply(customers, drift.edits());
    String edited = Files.readString(customers);
    String expected = original;
    for (MappingEditor.Change line : result.changes()) {
      expected = expected.replace(line.before() + "\n", line.after() + "\n");
    }
    assertEquals(expected, edited, "only the edited lines change");
    assertEquals(drift.edits().size(), result.changes().size());

    Mapping after = LOADER.load(customers);
    for (int i = 0; i < 40; i++) {
      ObjectNode old = Payloads.billingCustomer(i);
      assertEquals(outcome(before, old), outcome(after, change.apply(old.deepCopy())), "record " + i + " after " + result);
    }
    return after;
  }

  /** The mapped party, or the field it fails on (some generated phones are not valid in their country). */
  private static Object outcome(Mapping mapping, ObjectNode row) {
    try {
      return party(mapping, row);
    } catch (MappingException e) {
      return "fails on " + e.field() + ": " + e.expected();
    }
  }

  private static EntityRecord party(Mapping mapping, ObjectNode row) {
    String id = row.has("customer_id") ? row.get("customer_id").asText() : row.get("customer_number").asText();
    return mapping.map(RawRecord.pushed("billing", "customers", id, row)).entities().get(0);
  }

  private static ObjectNode invoice(int i) {
    ObjectNode row = Payloads.JSON.createObjectNode();
    row.put("invoice_id", String.format("in_%08d", i)).put("customer_id", String.format("cus_%06d", i % 90))
        .put("number", String.format("INV-2024-%04d", i)).put("amount_due_cents", 1_000 + (i * 37) % 90_000)
        .put("amount_paid_cents", 0).put("currency", "usd").put("status", i % 3 == 0 ? "paid" : "open")
        .put("issued_on", LocalDate.of(2024, 1, 1).plusDays(i % 300).toString())
        .put("due_date", LocalDate.of(2024, 1, 31).plusDays(i % 300).toString())
        .putNull("paid_at").put("updated_at", "2024-05-01T12:00:00-07:00");
    return row;
  }
}
