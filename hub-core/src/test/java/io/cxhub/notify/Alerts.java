package io.cxhub.notify;

import io.cxhub.alerts.AlertStatus;
import io.cxhub.alerts.DriftAlert;
import io.cxhub.drift.AffectedMapping;
import io.cxhub.drift.DriftKind;
import io.cxhub.drift.Evidence;
import io.cxhub.drift.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Drift alerts as the store hands them to the notifier. */
final class Alerts {

  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private Alerts() {}

  /** {@code address} removed from billing/customers, read by the billing mapping: BREAKING. */
  static DriftAlert removedAddress(long id, long occurrences) {
    return new DriftAlert(id, "billing", "customers", DriftKind.FIELD_REMOVED,
        new DriftAlert.Fields(List.of("address"), List.of()), Severity.BREAKING, AlertStatus.OPEN,
        List.of(new AffectedMapping("mappings/billing/customers.yaml", List.of("address"),
            List.of("party.address"))),
        evidence(occurrences, List.of("1** M*** S***", "42 Q***** R***"), List.of()), occurrences,
        (int) Math.max(1, occurrences / 100), T0, T0.plus(Duration.ofMinutes(occurrences)), null, 3, List.of());
  }

  /** {@code address} split into {@code street} + {@code house_number}, with a proposal: BREAKING. */
  static DriftAlert splitAddress(long id, long occurrences, String proposal) {
    return new DriftAlert(id, "stripe", "customer", DriftKind.SPLIT,
        new DriftAlert.Fields(List.of("address"), List.of("street", "house_number")), Severity.BREAKING,
        AlertStatus.OPEN,
        List.of(new AffectedMapping("mappings/stripe/customer.yaml", List.of("address"), List.of("party.address"))),
        evidence(occurrences, List.of("M*** S*** 1"), List.of("M*** S***", "1")), occurrences, 1, T0,
        T0.plusSeconds(60), proposal, 1, List.of());
  }

  /** A field nothing maps appeared: INFO. */
  static DriftAlert addedCoupon(long id, long occurrences) {
    return new DriftAlert(id, "billing", "customers", DriftKind.FIELD_ADDED,
        new DriftAlert.Fields(List.of(), List.of("coupon")), Severity.INFO, AlertStatus.OPEN, List.of(),
        evidence(occurrences, List.of(), List.of("S*****")), occurrences, 1, T0, T0.plusSeconds(60), null, 3,
        List.of());
  }

  private static Evidence evidence(long occurrences, List<String> before, List<String> after) {
    return new Evidence(occurrences, Math.max(1000, occurrences), "string, null 0%", "absent 100%", null, null, null, null, null, before,
        after, null, T0, T0.plusSeconds(300));
  }
}
