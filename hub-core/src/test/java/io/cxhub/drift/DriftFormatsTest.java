package io.cxhub.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class DriftFormatsTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void textFormats() {
    assertEquals(ValueFormat.ISO_DATE, Formats.ofText("2024-05-01"));
    assertEquals(ValueFormat.ISO_DATE_TIME, Formats.ofText("2024-05-01T12:00:00Z"));
    assertEquals(ValueFormat.ISO_DATE_TIME, Formats.ofText("2024-05-01T12:00:00.000+0000"));
    assertEquals(ValueFormat.ISO_DATE_TIME, Formats.ofText("2024-05-01 12:00:00"));
    assertEquals(ValueFormat.EMAIL, Formats.ofText("jane.doe@example.co.uk"));
    assertEquals(ValueFormat.NONE, Formats.ofText("@janedoe"));
    assertEquals(ValueFormat.PHONE, Formats.ofText("(415) 555-0100"));
    assertEquals(ValueFormat.PHONE, Formats.ofText("+44 20 7946 0958"));
    assertEquals(ValueFormat.PHONE, Formats.ofText("+14155550100"));
    assertEquals(ValueFormat.NUMBER_STRING, Formats.ofText("4155550100"));
    assertEquals(ValueFormat.NUMBER_STRING, Formats.ofText("-12.50"));
    assertEquals(ValueFormat.CURRENCY_AMOUNT, Formats.ofText("$12.50"));
    assertEquals(ValueFormat.CURRENCY_AMOUNT, Formats.ofText("EUR 1,299.00"));
    assertEquals(ValueFormat.CURRENCY_AMOUNT, Formats.ofText("12,50 \u20ac"));
    assertEquals(ValueFormat.NONE, Formats.ofText("CUS12345"), "an id is no amount");
    assertEquals(ValueFormat.NONE, Formats.ofText("INV-2024-0042"));
    assertEquals(ValueFormat.NONE, Formats.ofText("Main St 12"));
    assertEquals(ValueFormat.NONE, Formats.ofText(""));
  }

  @Test
  void numbersInTheEpochRangesAreEpochs() {
    assertEquals(ValueFormat.EPOCH_SECONDS, Formats.of(NODES.numberNode(1_714_564_800L)));
    assertEquals(ValueFormat.EPOCH_MILLIS, Formats.of(NODES.numberNode(1_714_564_800_000L)));
    assertEquals(ValueFormat.NONE, Formats.of(NODES.numberNode(129_900)));
    assertEquals(ValueFormat.NONE, Formats.of(NODES.numberNode(12.5)));
  }

  @Test
  void concatenationHashesEqualTheHashOfTheJoinedText() {
    int street = "Baker Street".hashCode();
    assertEquals("Baker Street 221".hashCode(), ValueHash.concat(street, " ", ValueHash.decimal(221), ValueHash.decimalLength(221)));
    assertEquals("Baker Street, 221b".hashCode(), ValueHash.concat(street, ", ", "221b".hashCode(), 4));
    assertEquals("-42".hashCode(), ValueHash.decimal(-42));
    assertEquals(String.valueOf(Long.MAX_VALUE).hashCode(), ValueHash.decimal(Long.MAX_VALUE));
    assertEquals("Baker".hashCode(), ValueHash.range("Baker Street", 0, 5));
  }
}
