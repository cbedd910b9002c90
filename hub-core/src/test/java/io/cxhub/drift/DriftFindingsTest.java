package io.cxhub.drift;

import static io.cxhub.drift.Payloads.changed;
import static io.cxhub.drift.Payloads.learn;
import static io.cxhub.drift.Payloads.records;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recurring drift updates one finding; it never turns into an alert storm. */
class DriftFindingsTest {

  @Test
  void tenThousandDriftingRecordsGiveOneFindingWithCountTenThousand() {
    Baseline baseline = learn("billing", "customers", records(0, 200, Payloads::billingCustomer));
    MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    SchemaObserver observer = SchemaObserver.against(baseline, Payloads.SETTINGS, clock);
    DriftDetector detector = new DriftDetector(Payloads.SETTINGS);
    Findings findings = new Findings();
    for (int window = 0; window < 10; window++) {
      for (var row : changed(records(1000 * window, 1000 * window + 1000, Payloads::billingCustomer),
          row -> row.put("loyalty_tier", "gold"))) {
        observer.observe(row);
      }
      clock.advance(Duration.ofMinutes(5));
      findings.recordAll(detector.detect(baseline, observer.rotate(), Lineage.none()));
    }
    List<Finding> all = findings.all();
    assertEquals(1, all.size(), all.toString());
    Finding finding = all.get(0);
    assertEquals(DriftKind.FIELD_ADDED, finding.key().kind());
    assertEquals(10_000, finding.count());
    assertEquals(Instant.parse("2026-01-05T10:00:00Z"), finding.firstSeen());
    assertEquals(Instant.parse("2026-01-05T10:50:00Z"), finding.lastSeen());
  }

  @Test
  void closedFindingStartsAgainAndPersistedFindingsResume() {
    Drift drift = Drift.of(new StreamProfile("crm", "contacts", 1, Payloads.NOW, Payloads.NOW, 5, 5, 0,
            java.util.Map.of(), List.of(), List.of()), DriftKind.FIELD_ADDED, List.of(), List.of("x"),
        new Evidence(5, 5, "absent", "string", null, null, null, null, null, null, null, null, Payloads.NOW, Payloads.NOW));
    Findings findings = new Findings();
    findings.record(drift);
    Findings resumed = new Findings(findings.all());
    assertEquals(10, resumed.record(drift).count());
    resumed.close(drift.key());
    assertEquals(5, resumed.record(drift).count());
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {

    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
