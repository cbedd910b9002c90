package io.cxhub.connector.billing;

import io.cxhub.spi.connector.PollBackoff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CursorAndBackoffTest {

  @Test
  void aCursorRoundTripsWithMicroseconds() {
    Cursor c = new Cursor(Instant.parse("2026-03-01T10:15:30.000120Z"), "in_0000042");
    assertEquals("2026-03-01T10:15:30.000120+00:00|in_0000042", c.toString());
    assertEquals(c, Cursor.parse(c.toString()));
    assertEquals("-infinity", Cursor.START.queryTimestamp());
  }

  @Test
  void aForeignCursorIsRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cursor.parse("12345"));
    assertTrue(e.getMessage().contains("'12345'"), e.getMessage());
  }

  @Test
  void backoffDoublesUpToFiveMinutesAndResetsOnSuccess() {
    MutableClock clock = new MutableClock();
    PollBackoff b = PollBackoff.standard(clock);
    assertTrue(b.ready());
    assertEquals(Duration.ofSeconds(5), b.failed());
    assertFalse(b.ready());
    clock.now = clock.now.plusSeconds(5);
    assertTrue(b.ready());
    assertEquals(Duration.ofSeconds(10), b.failed());
    for (int i = 0; i < 20; i++) {
      b.failed();
    }
    assertEquals(Duration.ofMinutes(5), b.failed());
    b.succeeded();
    assertTrue(b.ready());
    assertEquals(Duration.ofSeconds(5), b.failed());
  }

  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
