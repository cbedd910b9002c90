package io.cxhub.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.decisions.ContactPolicy.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContactPolicyTest {

  private final QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

  @Test
  void quietHoursOverMidnight() {
    assertTrue(night.contains(LocalTime.of(21, 0)));
    assertTrue(night.contains(LocalTime.of(23, 59)));
    assertTrue(night.contains(LocalTime.of(0, 0)));
    assertTrue(night.contains(LocalTime.of(7, 59)));
    assertFalse(night.contains(LocalTime.of(8, 0)));
    assertFalse(night.contains(LocalTime.of(20, 59)));
  }

  @Test
  void quietHoursWithinOneDay() {
    QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
    assertTrue(lunch.contains(LocalTime.of(13, 0)));
    assertFalse(lunch.contains(LocalTime.of(14, 0)));
    ZoneId utc = ZoneId.of("UTC");
    assertEquals(
        Optional.of(Instant.parse("2026-03-10T14:00:00Z")),
        lunch.endOf(Instant.parse("2026-03-10T12:30:00Z"), utc));
  }

  @Test
  void endOfQuietHoursIsTheNextMorningInTheCustomersZone() {
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    // 13:00 UTC = 22:00 in Tokyo: quiet until 08:00 Tokyo = 23:00 UTC
    assertEquals(
        Optional.of(Instant.parse("2026-03-10T23:00:00Z")),
        night.endOf(Instant.parse("2026-03-10T13:00:00Z"), tokyo));
    // 20:00 UTC = 05:00 in Tokyo next day: same end
    assertEquals(
        Optional.of(Instant.parse("2026-03-10T23:00:00Z")),
        night.endOf(Instant.parse("2026-03-10T20:00:00Z"), tokyo));
    assertEquals(Optional.empty(), night.endOf(Instant.parse("2026-03-10T03:00:00Z"), tokyo));
  }

  @Test
  void quietHoursEndAcrossADaylightSavingChange() {
    // the night of 28-29 March 2026 in Paris loses an hour at 02:00; 08:00 CEST is 06:00 UTC
    assertEquals(
        Optional.of(Instant.parse("2026-03-29T06:00:00Z")),
        night.endOf(Instant.parse("2026-03-28T21:30:00Z"), ZoneId.of("Europe/Paris")));
  }

  @Test
  void capsCountOnlyMessagesAndAllBlockingReasonsAreReported() {
    ContactPolicy policy = ContactPolicy.defaults();
    Instant now = Instant.parse("2026-03-10T22:00:00Z");
    ContactHistory history =
        ContactHistory.of(
            new ContactHistory.Contact("sms", now.minus(Duration.ofHours(2)), "a"),
            new ContactHistory.Contact("email", now.minus(Duration.ofHours(3)), "b"),
            new ContactHistory.Contact("crm", now.minus(Duration.ofHours(1)), "c"));
    List<Reason> sms = policy.check("sms", history, now, ZoneId.of("UTC"));
    assertEquals(3, sms.size(), sms.toString());
    assertTrue(sms.get(0) instanceof Reason.ChannelUsed);
    Reason.CapReached cap = (Reason.CapReached) sms.get(1);
    assertEquals(2, cap.count(), "the crm task does not count against the cap");
    assertTrue(sms.get(2) instanceof Reason.QuietHours);
    // crm: only its own window applies
    List<Reason> crm = policy.check("crm", history, now, ZoneId.of("UTC"));
    assertEquals(1, crm.size());
    assertTrue(crm.get(0) instanceof Reason.ChannelUsed);
    assertTrue(
        policy.check("crm", history, now.plus(Duration.ofHours(23)), ZoneId.of("UTC")).isEmpty());
  }

  @Test
  void severalCapsEachApply() {
    ContactPolicy policy =
        ContactPolicy.defaults()
            .withQuietHours(Optional.empty())
            .withCaps(
                List.of(
                    new ContactPolicy.Cap(2, Duration.ofHours(48)),
                    new ContactPolicy.Cap(3, Duration.ofDays(7))));
    Instant now = Instant.parse("2026-03-10T12:00:00Z");
    ContactHistory history =
        ContactHistory.of(
            new ContactHistory.Contact("sms", now.minus(Duration.ofDays(6)), "a"),
            new ContactHistory.Contact("sms", now.minus(Duration.ofDays(5)), "a"),
            new ContactHistory.Contact("sms", now.minus(Duration.ofDays(4)), "a"));
    List<Reason> reasons = policy.check("email", history, now, ZoneId.of("UTC"));
    assertEquals(1, reasons.size());
    Reason.CapReached weekly = (Reason.CapReached) reasons.get(0);
    assertEquals(new ContactPolicy.Cap(3, Duration.ofDays(7)), weekly.cap());
    assertEquals(now.plus(Duration.ofDays(1)), weekly.until());
  }

  @Test
  void invalidSettingsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new ContactPolicy.Cap(0, Duration.ofHours(1)));
    assertThrows(IllegalArgumentException.class, () -> new ContactPolicy.Cap(1, Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> new QuietHours(LocalTime.of(8, 0), LocalTime.of(8, 0)));
  }
}
