package io.cxhub.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransformsTest {

  @Test
  void trimLowerUpper() throws Exception {
    assertEquals("a b", TextTransforms.TRIM.apply("  a b \t"));
    assertEquals("usd", TextTransforms.LOWER.apply("USD"));
    assertEquals("USD", TextTransforms.UPPER.apply("usd"));
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> TextTransforms.TRIM.apply(12L));
    assertTrue(e.expected().contains("found a number"), e.expected());
  }

  @Test
  void splitKeepsOnePartAndMissingPartsAreAbsent() throws Exception {
    Transform street = TextTransforms.split(",", 0);
    Transform last = TextTransforms.split(", ", -1);
    assertEquals("12 Main St", street.apply("12 Main St, Springfield"));
    assertEquals("Springfield", last.apply("12 Main St, Springfield"));
    assertEquals("b", TextTransforms.split("::", 1).apply("a::b::c"));
    assertNull(TextTransforms.split(",", 2).apply("a,b"));
    assertEquals("", TextTransforms.split(",", 1).apply("a,"));
  }

  @Test
  void centsToDecimalHasScaleTwo() throws Exception {
    assertEquals(new BigDecimal("123.45"), NumberTransforms.CENTS_TO_DECIMAL.apply(12345L));
    assertEquals(new BigDecimal("0.00"), NumberTransforms.CENTS_TO_DECIMAL.apply(0L));
    assertEquals(new BigDecimal("-0.05"), NumberTransforms.CENTS_TO_DECIMAL.apply(-5L));
    assertEquals(new BigDecimal("12.00"), NumberTransforms.CENTS_TO_DECIMAL.apply(new BigDecimal("1200.0")));
    assertThrows(InvalidValueException.class, () -> NumberTransforms.CENTS_TO_DECIMAL.apply(new BigDecimal("12.5")));
    assertThrows(InvalidValueException.class, () -> NumberTransforms.CENTS_TO_DECIMAL.apply("1200"));
  }

  @Test
  void toDecimalAndToInteger() throws Exception {
    assertEquals(new BigDecimal("12.50"), NumberTransforms.TO_DECIMAL.apply(" 12.50 "));
    assertEquals(new BigDecimal("7"), NumberTransforms.TO_DECIMAL.apply(7L));
    assertThrows(InvalidValueException.class, () -> NumberTransforms.TO_DECIMAL.apply("twelve"));
    assertEquals(42L, NumberTransforms.TO_INTEGER.apply("42"));
    assertEquals(42L, NumberTransforms.TO_INTEGER.apply(new BigDecimal("42.00")));
    assertThrows(InvalidValueException.class, () -> NumberTransforms.TO_INTEGER.apply(new BigDecimal("4.2")));
    assertThrows(InvalidValueException.class, () -> NumberTransforms.TO_INTEGER.apply(Boolean.TRUE));
  }

  @Test
  void datesWithPatterns() throws Exception {
    assertEquals(LocalDate.of(2024, 5, 1), TimeTransforms.ISO_DATE.apply("2024-05-01"));
    assertEquals(LocalDate.of(2024, 5, 1), TimeTransforms.date("dd/MM/yyyy").apply("01/05/2024"));
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> TimeTransforms.date("yyyy-MM-dd").apply("2024-13-45"));
    assertEquals("expected a date in format yyyy-MM-dd", e.expected());
    assertThrows(IllegalArgumentException.class, () -> TimeTransforms.date("yyyy-MM-dd {"));
  }

  @Test
  void timestampsIsoPatternAndEpoch() throws Exception {
    Instant expected = Instant.parse("2024-05-01T10:15:30Z");
    assertEquals(expected, TimeTransforms.ISO_TIMESTAMP.apply("2024-05-01T12:15:30+02:00"));
    assertEquals(expected, TimeTransforms.ISO_TIMESTAMP.apply("2024-05-01T10:15:30Z"));
    assertThrows(InvalidValueException.class, () -> TimeTransforms.ISO_TIMESTAMP.apply("2024-05-01T10:15:30"));
    assertEquals(expected, TimeTransforms.timestamp("yyyy-MM-dd HH:mm:ss").apply("2024-05-01 10:15:30"));
    assertEquals(expected, TimeTransforms.timestamp("yyyy-MM-dd HH:mm:ssXXX").apply("2024-05-01 11:15:30+01:00"));
    assertEquals(expected, TimeTransforms.EPOCH_SECONDS.apply(expected.getEpochSecond()));
    assertEquals(expected, TimeTransforms.EPOCH_MILLIS.apply(expected.toEpochMilli()));
    assertEquals(expected.plusMillis(500), TimeTransforms.EPOCH_SECONDS.apply(new BigDecimal(expected.getEpochSecond() + ".5")));
    assertEquals(expected, TimeTransforms.EPOCH_SECONDS.apply(String.valueOf(expected.getEpochSecond())));
    assertThrows(InvalidValueException.class, () -> TimeTransforms.EPOCH_MILLIS.apply("yesterday"));
  }

  @Test
  void emailIsTrimmedLowerCasedAndChecked() throws Exception {
    assertEquals("jane.doe@example.com", ContactTransforms.EMAIL_NORMALIZE.apply("  Jane.Doe@Example.COM "));
    assertNull(ContactTransforms.EMAIL_NORMALIZE.apply("   "));
    assertNull(ContactTransforms.EMAIL_NORMALIZE.apply(" \u00A0\u200B"), "blanks of any kind are no value");
    assertNull(ContactTransforms.phone("US").apply("\u00A0"), "blanks of any kind are no value");
    assertThrows(InvalidValueException.class, () -> ContactTransforms.EMAIL_NORMALIZE.apply("jane at example.com"));
    assertThrows(InvalidValueException.class, () -> ContactTransforms.EMAIL_NORMALIZE.apply("jane@localhost"));
    assertThrows(InvalidValueException.class, () -> ContactTransforms.EMAIL_NORMALIZE.apply("ja ne@example.com"));
  }

  @Test
  void phoneFormatsBecomeE164() throws Exception {
    Transform us = ContactTransforms.phone("US");
    for (String written : new String[] {"(415) 555-0100", "+1 415 555 0100", "415.555.0100", "4155550100", "1-415-555-0100"}) {
      assertEquals("+14155550100", us.apply(written), written);
    }
    assertEquals("+442079460000", ContactTransforms.phone("GB").apply("020 7946 0000"));
    assertEquals("+442079460000", us.apply("+44 20 7946 0000"), "a country code wins over the default region");
    assertNull(us.apply(" "));
    assertThrows(InvalidValueException.class, () -> us.apply("12"));
    assertThrows(InvalidValueException.class, () -> us.apply("call me"));
  }

  /**
   * How one person's e-mail arrives from different systems: case, stray spaces, tabs, and the
   * non-breaking spaces that copying from web pages and spreadsheets leaves behind.
   */
  @Test
  void theMessyWaysOfWritingOneEMailAreOneKey() throws Exception {
    for (String written : new String[] {"  Jane.Doe@Example.COM ", "jane.doe@example.com", "JANE.DOE@EXAMPLE.COM",
        "\tjane.doe@example.com\r\n", "\u00A0jane.doe@example.com\u00A0", "\uFEFFJane.Doe@example.com"}) {
      assertEquals("jane.doe@example.com", ContactTransforms.EMAIL_NORMALIZE.apply(written), written);
    }
  }

  /**
   * No provider-specific folding. Gmail ignores dots in the local part and many providers deliver
   * {@code name+tag@} to {@code name@}, but on other domains those are different mailboxes, and a
   * local part is case-sensitive only in theory (RFC 5321) while dots and tags really do tell people
   * apart. Folding them would merge strangers, which is far worse than leaving one person's tagged
   * address on a second profile until another key (a phone, an id) joins them.
   */
  @Test
  void dotsAndPlusTagsInTheLocalPartAreKeptBecauseFoldingThemWouldMergeStrangers() throws Exception {
    assertEquals("jane.doe+billing@example.com", ContactTransforms.EMAIL_NORMALIZE.apply("Jane.Doe+Billing@Example.com"));
    assertEquals("janedoe@gmail.com", ContactTransforms.EMAIL_NORMALIZE.apply("JaneDoe@gmail.com"));
    assertEquals("jane.doe@gmail.com", ContactTransforms.EMAIL_NORMALIZE.apply("Jane.Doe@gmail.com"));
  }

  @Test
  void whatIsNoEMailAddressIsRejectedSayingWhatWasExpected() {
    for (String written : new String[] {"jane.doe@", "@example.com", "jane@@example.com", "jane.doe@example",
        "Jane Doe <jane.doe@example.com>", "jane\u00A0doe@example.com", "jane.doe@example.com."}) {
      InvalidValueException e = assertThrows(InvalidValueException.class,
          () -> ContactTransforms.EMAIL_NORMALIZE.apply(written), written);
      assertEquals("expected an e-mail address like name@example.com", e.expected(), written);
      assertEquals(written, e.value());
    }
  }

  /** One US number as people, CRMs, carriers (tel: URIs) and European data entry (00 for abroad) write it. */
  @Test
  void theMessyWaysOfWritingOneUsNumberAreOneKey() throws Exception {
    Transform us = ContactTransforms.phone("US");
    Transform gb = ContactTransforms.phone("GB");
    for (String written : new String[] {"(415) 555-0100", "415.555.0100", "415-555-0100", "4155550100", "1-415-555-0100",
        "+1 415 555 0100", "+1 (415) 555-0100", "001 415 555 0100", "011 1 415 555 0100", "tel:+14155550100",
        "tel:+1-415-555-0100", " \u00A0(415) 555-0100 "}) {
      assertEquals("+14155550100", us.apply(written), written + " read in US");
    }
    for (String written : new String[] {"+1 415 555 0100", "001 415 555 0100", "tel:+14155550100"}) {
      assertEquals("+14155550100", gb.apply(written), written + " read in GB: the country code wins");
    }
  }

  @Test
  void theMessyWaysOfWritingOneUkNumberAreOneKey() throws Exception {
    Transform gb = ContactTransforms.phone("GB");
    Transform us = ContactTransforms.phone("US");
    for (String written : new String[] {"020 7946 0958", "(020) 7946 0958", "020/79460958", "+44 20 7946 0958",
        "+44 (0)20 7946 0958", "0044 20 7946 0958", "tel:+442079460958"}) {
      assertEquals("+442079460958", gb.apply(written), written + " read in GB");
    }
    for (String written : new String[] {"+44 20 7946 0958", "+44 (0)20 7946 0958", "0044 20 7946 0958", "011 44 20 7946 0958"}) {
      assertEquals("+442079460958", us.apply(written), written + " read in US: the country code wins");
    }
  }

  @Test
  void whatIsNoValidNumberIsRejectedNamingTheRegionItWasReadIn() {
    Transform us = ContactTransforms.phone("US");
    for (String written : new String[] {"555-0100", "12", "call me", "+1 415 555 01000", "020 7946 0958", "00"}) {
      InvalidValueException e = assertThrows(InvalidValueException.class, () -> us.apply(written), written);
      assertEquals("expected a valid phone number (E.164 like +14155550100, or a national US number)", e.expected(),
          written);
    }
    InvalidValueException gb = assertThrows(InvalidValueException.class, () -> ContactTransforms.phone("GB").apply("415.555.0100"));
    assertTrue(gb.expected().endsWith("or a national GB number)"), gb.expected());
  }

  @Test
  void phoneRegionCanComeFromTheRecordsOwnCountry() throws Exception {
    Transform byCountry = ContactTransforms.phone("US", PayloadPath.parse("address.country"));
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    assertEquals("+442079460000", byCountry.apply("020 7946 0000", json.readTree("{\"address\":{\"country\":\"gb \"}}")));
    assertEquals("+4930123456", byCountry.apply("030 123456", json.readTree("{\"address\":{\"country\":\"DE\"}}")));
    assertEquals("+14155550100", byCountry.apply("(415) 555-0100", json.readTree("{\"address\":{}}")),
        "no country: the default region");
    assertEquals("+14155550100", byCountry.apply("(415) 555-0100", json.readTree("{\"address\":{\"country\":\"Atlantis\"}}")),
        "an unknown country: the default region");
  }

  @Test
  void enumMapsCodesAndRejectsUnknownsUnlessDefaulted() throws Exception {
    EnumTransform strict = new EnumTransform(Map.of("open", "OPEN", "1", "PAID"), null);
    assertEquals("OPEN", strict.apply("open"));
    assertEquals("PAID", strict.apply(1L), "numeric codes are looked up by their text");
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> strict.apply("closed"));
    assertEquals("expected one of [1, open]", e.expected());
    assertEquals("OTHER", new EnumTransform(Map.of("open", "OPEN"), "OTHER").apply("closed"));
  }
}
