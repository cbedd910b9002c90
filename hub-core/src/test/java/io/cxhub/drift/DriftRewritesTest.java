package io.cxhub.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.config.YamlLoader;
import io.cxhub.mapping.FlowYaml;
import io.cxhub.taxonomy.FieldType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** New field values per drift kind, including the cases where no value can absorb the drift. */
class DriftRewritesTest {

  @Test
  void renameCarriesArrayIndices() {
    assertEquals("lines[0].total", Paths.renamed("lines[0].amount", "lines[].amount", "lines[].total"));
    assertEquals("items[2].price.net", Paths.renamed("items[2].price.net", "items[].cost", "items[].sum"));
    assertEquals("entries[1].price.net", Paths.renamed("items[1].price.net", "items[]", "entries[]"));
    assertNull(Paths.renamed("lines[0].amount", "lines[].amount", "amount"), "no array left to carry the index");
  }

  @Test
  void splitOfAConcatPartNeedsTheSameSeparator() {
    assertEquals("{ concat: [street, house_number, city], separator: \" \" }", written(SourceRewrites.split(
        yaml("{ concat: [address, city], separator: \" \" }"), "address", List.of("street", "house_number"), " ")));
    Rewrite other = SourceRewrites.split(yaml("{ concat: [address, city], separator: \", \" }"), "address",
        List.of("street", "house_number"), " ");
    assertNull(other.value());
    assertTrue(other.note().contains("joins with \", \" but address splits at \" \""), other.note());
  }

  @Test
  void mergeKeepsTheOtherConcatParts() {
    assertEquals("{ concat: [title, full_name], separator: \" \", default: n/a }", written(SourceRewrites.merged(
        yaml("{ concat: [title, first_name, last_name], separator: \" \", default: n/a }"), "first_name", "last_name",
        "full_name", " ")));
    assertNull(SourceRewrites.merged(yaml("{ concat: [last_name, first_name], separator: \" \" }"), "first_name",
        "last_name", "full_name", " ").value(), "the parts in the other order are not the merged value");
  }

  @Test
  void formatChangeReplacesTheTransformThatReadTheOldFormat() {
    assertEquals("{ path: created, transform: [{ timestamp: epoch_millis }] }", written(FormatRewrites.changed(
        yaml("{ path: created, transform: [trim, { timestamp: \"yyyy-MM-dd HH:mm\" }] }"), "created",
        ValueFormat.ISO_DATE_TIME, ValueFormat.EPOCH_MILLIS, FieldType.TIMESTAMP)), "trim cannot read a number");
    assertEquals("{ path: amount, transform: [to_integer, cents_to_decimal] }", written(FormatRewrites.changed(
        yaml("{ path: amount, transform: [cents_to_decimal] }"), "amount", ValueFormat.NONE, ValueFormat.NUMBER_STRING,
        FieldType.DECIMAL)), "cents stay cents");
    assertEquals("{ path: amount, transform: [to_decimal] }", written(FormatRewrites.changed(
        yaml("{ path: amount, transform: [cents_to_decimal] }"), "amount", ValueFormat.NONE, ValueFormat.NUMBER_STRING,
        FieldType.DECIMAL, true)), "1999 that comes as \"19.99\" is no longer cents");
    assertEquals("{ path: mail, transform: [email], default: none@example.com }", written(FormatRewrites.changed(
        yaml("{ path: mail, default: none@example.com }"), "mail", ValueFormat.NONE, ValueFormat.EMAIL, FieldType.STRING)));
    assertEquals("{ path: opened, transform: [date] }", written(FormatRewrites.changed(yaml("opened"), "opened",
        ValueFormat.ISO_DATE_TIME, ValueFormat.ISO_DATE, FieldType.DATE)));
  }

  @Test
  void aValueThatAlreadyReadsTheNewFormatNeedsNoEdit() {
    assertSame(Rewrite.NONE, FormatRewrites.changed(yaml("{ path: mail, transform: [trim, email] }"), "mail",
        ValueFormat.NONE, ValueFormat.EMAIL, FieldType.STRING));
    assertSame(Rewrite.NONE, FormatRewrites.changed(yaml("{ path: total, transform: [to_decimal] }"), "total",
        ValueFormat.NONE, ValueFormat.NUMBER_STRING, FieldType.DECIMAL));
  }

  private static JsonNode yaml(String flow) {
    return YamlLoader.parse(Path.of("test.yaml"), "v: " + flow + "\n").root().get("v");
  }

  private static String written(Rewrite rewrite) {
    return FlowYaml.write(rewrite.value());
  }
}
