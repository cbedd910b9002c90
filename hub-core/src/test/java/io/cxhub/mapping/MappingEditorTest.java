package io.cxhub.mapping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.taxonomy.Taxonomy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edits replace one value's characters and nothing else, or are refused with the file untouched. */
class MappingEditorTest {

  private static final MappingLoader LOADER = new MappingLoader(Taxonomy.loadDefault());
  private static final MappingEditor EDITOR = new MappingEditor(LOADER);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Comments everywhere, a block-style value, quoting, a non-BMP character before the edits. */
  private static final String CUSTOMERS = """
      # Billing customers 🧾 -> party.   (comment with an emoji: marks count code points, Java chars differ)
      system: billing
      stream: customers
      entities:
        - entity: party
          id: customer_id          # the table's key
          fields:
            billing_customer_id: customer_id
            # hand-typed, may be null
            email: { path: email, transform: [email] }   # normalized
            phone:
              path: phone          # national format
              transform: [{ phone: { region: US } }]

            # names
            display_name: { concat: [first_name, last_name], separator: " " }
            country: { path: country, default: "US" }
          required: [billing_customer_id]
          identity: [billing_customer_id, email, phone]
      """;

  @TempDir
  Path dir;

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  private MappingEdit edit(Path file, String key, String source, String was) {
    return new MappingEdit(file.toString(), "party", key, source, was);
  }

  @Test
  void replacesExactlyTheValueAndLeavesEveryOtherByte() throws Exception {
    Path file = write("customers.yaml", CUSTOMERS);
    MappingEditor.Result result = EDITOR.apply(file, List.of(
        edit(file, "fields.email", "{ path: email_address, transform: [email] }", "{ path: email, transform: [email] }"),
        edit(file, "id", "customer_number", "customer_id"),
        edit(file, "fields.billing_customer_id", "customer_number", "customer_id")));

    String expected = CUSTOMERS
        .replace("    id: customer_id  ", "    id: customer_number  ")
        .replace("billing_customer_id: customer_id", "billing_customer_id: customer_number")
        .replace("email: { path: email, transform: [email] }   #", "email: { path: email_address, transform: [email] }   #");
    assertEquals(expected, Files.readString(file));
    assertEquals(List.of(
        new MappingEditor.Change("party", "id", 6, "    id: customer_id          # the table's key",
            "    id: customer_number          # the table's key"),
        new MappingEditor.Change("party", "fields.billing_customer_id", 8, "      billing_customer_id: customer_id",
            "      billing_customer_id: customer_number"),
        new MappingEditor.Change("party", "fields.email", 10, "      email: { path: email, transform: [email] }   # normalized",
            "      email: { path: email_address, transform: [email] }   # normalized")), result.changes());
    assertTrue(result.toString().contains(file + ":10: +       email: { path: email_address"), result.toString());
  }

  @Test
  void aBlockValueIsReplacedWithoutTheCommentsAndBlankLinesAfterIt() throws Exception {
    Path file = write("customers.yaml", CUSTOMERS);
    String was = "path: phone          # national format\n        transform: [{ phone: { region: US } }]";
    EDITOR.apply(file, List.of(edit(file, "fields.phone", "{ path: phone_number, transform: [{ phone: { region: US } }] }",
        was)));
    String edited = Files.readString(file);
    assertEquals(CUSTOMERS.replace(was, "{ path: phone_number, transform: [{ phone: { region: US } }] }"), edited);
    Mapping mapping = LOADER.load(file);
    EntityRecord party = mapping.map(RawRecord.pushed("billing", "customers", "c1",
        JSON.readTree("{\"customer_id\": \"c1\", \"phone_number\": \"(415) 555-0100\"}"))).entities().get(0);
    assertEquals("+14155550100", party.fields().get("phone"));
  }

  @Test
  void windowsLineEndingsStay() throws Exception {
    String crlf = CUSTOMERS.replace("\n", "\r\n");
    Path file = write("customers.yaml", crlf);
    MappingEditor.Result result = EDITOR.apply(file, List.of(edit(file, "fields.country",
        "{ path: country_code, default: US }", "{ path: country, default: \"US\" }")));
    assertEquals(crlf.replace("{ path: country, default: \"US\" }", "{ path: country_code, default: US }"),
        Files.readString(file));
    assertEquals("      country: { path: country_code, default: US }", result.changes().get(0).after());
  }

  @Test
  void aValueThatChangedSinceTheProposalIsRefused() throws Exception {
    Path file = write("customers.yaml", CUSTOMERS.replace("{ path: email, transform: [email] }",
        "{ path: mail, transform: [email] }"));
    byte[] before = Files.readAllBytes(file);
    MappingEditException e = assertThrows(MappingEditException.class, () -> EDITOR.apply(file, List.of(
        edit(file, "fields.email", "{ path: email_address, transform: [email] }", "{ path: email, transform: [email] }"))));
    assertEquals("cannot edit " + file + ", entity party, fields.email: the file changed since the proposal was made: "
        + "line 10 has { path: mail, transform: [email] }, the proposal expected { path: email, transform: [email] }",
        e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void anEditThatWouldBreakTheMappingIsRefusedWithTheLoadersProblems() throws Exception {
    Path file = write("customers.yaml", CUSTOMERS);
    byte[] before = Files.readAllBytes(file);
    MappingEditException e = assertThrows(MappingEditException.class, () -> EDITOR.apply(file, List.of(
        edit(file, "fields.email", "{ path: email, transform: [emial] }", "{ path: email, transform: [email] }"))));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertEquals(10, e.problems().get(0).line());
    assertTrue(e.getMessage().startsWith("cannot edit " + file + ": the edited mapping would not load, so it was not "
        + "written"), e.getMessage());
    assertTrue(e.getMessage().contains(file + ":10: "), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void aNewValueMustStandAlone() throws Exception {
    Path file = write("customers.yaml", CUSTOMERS);
    byte[] before = Files.readAllBytes(file);
    MappingEditException e = assertThrows(MappingEditException.class, () -> EDITOR.apply(file, List.of(
        edit(file, "fields.billing_customer_id", "customer_number # renamed", "customer_id"))));
    assertTrue(e.getMessage().contains("fields.billing_customer_id: the new value customer_number # renamed reads back "
        + "as customer_number"), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void missingOrAmbiguousTargetsAreRefusedByName() throws Exception {
    Path file = write("customers.yaml", CUSTOMERS);
    assertRefused(file, new MappingEdit(file.toString(), "invoice", "id", "x", "y"),
        "entity invoice, id: no entities[] entry has 'entity: invoice': expected one of [party]");
    assertRefused(file, edit(file, "fields.city", "town", "city"),
        "entity party, fields.city: entities[0] (line 5) has no fields.city");
    assertRefused(file, edit(file, "description", "x", "y"),
        "entity party, description: unknown key: expected id or fields.<taxonomy field>");
    assertRefused(file, new MappingEdit(dir.resolve("other.yaml").toString(), "party", "id", "x", "customer_id"),
        "the edit is for " + dir.resolve("other.yaml") + ": expected edits of this file only");

    Path twice = write("twice.yaml", CUSTOMERS + """
          - entity: party
            id: contact_id
            fields: { email: contact_email }
        """);
    assertRefused(twice, edit(twice, "id", "x", "customer_id"), "entity party appears 2 times in entities[]");
  }

  @Test
  void writesThroughATempFileAndKeepsPermissions() throws Exception {
    Path file = write("customers.yaml", CUSTOMERS);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    EDITOR.apply(file, List.of(edit(file, "id", "customer_number", "customer_id")));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temp file is left behind");
    }
  }

  @Test
  void nonBmpTextBeforeTheValueKeepsOffsetsRight() throws Exception {
    String text = CUSTOMERS.replace("# names", "# names 🙂🙂 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢");
    Path file = write("customers.yaml", text);
    EDITOR.apply(file, List.of(edit(file, "fields.display_name", "{ concat: [given_name, family_name], separator: \" \" }",
        "{ concat: [first_name, last_name], separator: \" \" }")));
    assertEquals(text.replace("[first_name, last_name]", "[given_name, family_name]"),
        Files.readString(file, StandardCharsets.UTF_8));
  }

  private static void assertRefused(Path file, MappingEdit edit, String expected) throws Exception {
    byte[] before = Files.readAllBytes(file);
    MappingEditException e = assertThrows(MappingEditException.class, () -> EDITOR.apply(file, List.of(edit)));
    assertTrue(e.getMessage().startsWith("cannot edit " + file + ", "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertFalse(e.getMessage().isBlank());
    assertArrayEquals(before, Files.readAllBytes(file));
  }
}
