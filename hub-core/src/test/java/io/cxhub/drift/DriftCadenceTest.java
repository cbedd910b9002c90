package io.cxhub.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftCadenceTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T00:00:00Z"));
  private final Cadence cadence = new Cadence("billing", "customers", Cadence.Settings.defaults(), clock);

  @Test
  void streamPolledEveryFiveMinutesIsSilentAfterItsLearnedCadence() {
    for (int poll = 0; poll < 24; poll++) {
      for (int page = 0; page < 3; page++) {
        cadence.arrived(500);
        clock.advance(Duration.ofMillis(200));
      }
      clock.advance(Duration.ofMinutes(5));
      assertEquals(List.of(), cadence.check());
    }
    clock.advance(Duration.ofMinutes(8));
    assertEquals(List.of(), cadence.check(), "13 minutes is within 3 x the 5-minute cadence");
    clock.advance(Duration.ofMinutes(5));
    List<Drift> drifts = cadence.check();
    assertEquals(1, drifts.size());
    assertEquals(DriftKind.STREAM_SILENT, drifts.get(0).kind());
    assertTrue(drifts.get(0).evidence().after().startsWith("no record for PT18M"), drifts.get(0).evidence().after());
  }

  @Test
  void tooFewArrivalsAreNoCadenceYet() {
    cadence.arrived(1);
    clock.advance(Duration.ofDays(2));
    assertEquals(List.of(), cadence.check());
  }

  @Test
  void hourWithAFractionOfTheUsualRecordsIsAVolumeDrop() {
    for (int hour = 0; hour < 8; hour++) {
      for (int minute = 0; minute < 60; minute += 2) {
        cadence.arrived(hour < 7 ? 10 : 1);
        clock.advance(Duration.ofMinutes(2));
      }
      if (hour < 7) {
        assertEquals(List.of(), cadence.check(), "hour " + hour);
      }
    }
    List<Drift> drifts = cadence.check();
    assertEquals(1, drifts.size(), drifts.toString());
    assertEquals(DriftKind.VOLUME_DROP, drifts.get(0).kind());
    assertEquals("30 records in the last PT1H", drifts.get(0).evidence().after());
    assertEquals("median 300 records per PT1H", drifts.get(0).evidence().before());
  }
}
