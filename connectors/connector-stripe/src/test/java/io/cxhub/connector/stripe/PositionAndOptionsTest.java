package io.cxhub.connector.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.connector.stripe.Position.Anchor;
import io.cxhub.spi.config.ConfigException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PositionAndOptionsTest {

  @Test
  void cursorsRoundTrip() {
    Anchor a = new Anchor(1_700_000_000L, "evt_1");
    Position listing = Position.parse(Position.listCursor(a, "cus_9"));
    assertTrue(listing.listing());
    assertEquals("cus_9", listing.after());
    assertEquals(a, listing.anchor());
    Position before = Position.parse(Position.listCursor(Anchor.BEFORE_ALL, "in_1"));
    assertEquals(Anchor.BEFORE_ALL, before.anchor());
    Position events = Position.parse(Position.eventCursor(1_700_000_100L, "evt_2"));
    assertFalse(events.listing());
    assertNull(events.after());
    assertEquals(new Anchor(1_700_000_100L, "evt_2"), events.anchor());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Position.parse("2024-01-01|x"));
    assertTrue(e.getMessage().contains("2024-01-01|x"));
  }

  @Test
  void defaultsAndSecrets() {
    var config = StripeOptions.DEF.parse("t", Map.of("apiKey", "sk_test_abcdefgh1234", "webhookSecret", "whsec_xyz987"));
    StripeSettings s = StripeSettings.of(config);
    assertEquals("https://api.stripe.com", s.apiBase());
    assertEquals(Duration.ofSeconds(300), s.webhookTolerance());
    assertEquals(List.of("customers", "invoices", "charges", "subscriptions"), s.streams());
    assertEquals(100, s.pageSize());
    for (String shown : List.of(config.toString(), s.toString())) {
      assertFalse(shown.contains("sk_test_abcdefgh1234") || shown.contains("whsec_xyz987"), shown);
    }
    assertTrue(StripeOptions.DEF.option("apiKey").orElseThrow().secret());
    assertTrue(StripeOptions.DEF.option("webhookSecret").orElseThrow().secret());
  }

  @Test
  void everyProblemIsNamed() {
    ConfigException e = assertThrows(ConfigException.class, () -> StripeOptions.DEF.parse("t",
        Map.of("apiBase", "ftp://x", "pageSize", "500", "streams", "customers,refunds")));
    for (String named : List.of("apiKey", "apiBase", "pageSize", "streams")) {
      assertTrue(e.getMessage().contains(named), named + " in " + e.getMessage());
    }
  }
}
