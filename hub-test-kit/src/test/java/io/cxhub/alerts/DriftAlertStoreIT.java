package io.cxhub.alerts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.drift.Baseline;
import io.cxhub.drift.Drift;
import io.cxhub.drift.DriftKind;
import io.cxhub.drift.DriftSettings;
import io.cxhub.drift.Evidence;
import io.cxhub.drift.SchemaObserver;
import io.cxhub.drift.Severity;
import io.cxhub.drift.StreamProfile;
import io.cxhub.runtime.Hub;
import io.cxhub.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alerts and baselines in a real PostgreSQL: one live alert per drift, never a storm; audited actions. */
class DriftAlertStoreIT {

  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  private static final ObjectMapper JSON = Hub.json();

  private Database db;
  private DriftAlertStore alerts;
  private BaselineStore baselines;

  @BeforeEach
  void open() {
    db = Database.open(io.cxhub.testkit.TestPostgres.newDatabase("drift"), null, null, 4);
    alerts = new DriftAlertStore(db.dataSource(), JSON);
    baselines = new BaselineStore(db.dataSource(), JSON);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static Drift added(String field, long occurrences, Instant from, Instant to) {
    return new Drift("billing", "customers", DriftKind.FIELD_ADDED, List.of(), List.of(field), Severity.INFO,
        new Evidence(occurrences, 1000, "absent", "string, present 100%", null, null, null, null, null, List.of(),
            List.of("g***"), null, from, to), List.of(), null, List.of());
  }

  @Test
  void tenWindowsOfTheSameDriftAreOneAlertWithCountsAndFirstAndLastSeen() {
    DriftAlertStore.Recorded first = null;
    for (int window = 0; window < 10; window++) {
      Instant from = T0.plus(Duration.ofMinutes(5L * window));
      DriftAlertStore.Recorded r = alerts.record(added("loyalty_tier", 1000, from, from.plus(Duration.ofMinutes(5))), 1,
          from.plus(Duration.ofMinutes(5)));
      assertEquals(window == 0, r.created(), "only the first occurrence opens an alert");
      first = first == null ? r : first;
      assertEquals(first.alert().id(), r.alert().id());
    }
    List<DriftAlert> all = alerts.list("billing", "customers", null, null, null, 50, null);
    assertEquals(1, all.size(), all.toString());
    DriftAlert alert = all.get(0);
    assertEquals(10_000, alert.occurrences());
    assertEquals(10, alert.windows());
    assertEquals(T0, alert.firstSeen());
    assertEquals(T0.plus(Duration.ofMinutes(50)), alert.lastSeen());
    assertEquals(List.of("loyalty_tier"), alert.fields().now());
    assertEquals(AlertStatus.OPEN, alert.status());
    assertEquals("OPENED", alerts.byId(alert.id()).orElseThrow().history().get(0).action());
  }

  @Test
  void actionsAreAuditedAndAClosedAlertIsNotReopenedButARecurrenceOpensANewOne() {
    long id = alerts.record(added("coupon", 10, T0, T0), 1, T0).alert().id();
    alerts.transition(id, AlertStatus.ACKNOWLEDGED, "ops-anna", "looking into it", null, T0.plusSeconds(60));
    DriftAlert resolved = alerts.transition(id, AlertStatus.RESOLVED, "ops-ben", "CRM rolled the change back", null,
        T0.plusSeconds(120));
    assertEquals(List.of("OPENED", "ACKNOWLEDGED", "RESOLVED"),
        resolved.history().stream().map(AlertAction::action).toList());
    assertEquals("ops-ben", resolved.history().get(2).actor());
    assertEquals("CRM rolled the change back", resolved.history().get(2).comment());
    IllegalStateException closed = assertThrows(IllegalStateException.class,
        () -> alerts.transition(id, AlertStatus.ACCEPTED, "ops-anna", "late", null, T0.plusSeconds(180)));
    assertTrue(closed.getMessage().contains("RESOLVED"), closed.getMessage());

    DriftAlertStore.Recorded again = alerts.record(added("coupon", 10, T0.plusSeconds(300), T0.plusSeconds(300)), 1,
        T0.plusSeconds(300));
    assertTrue(again.created());
    assertNotEquals(id, again.alert().id());
    assertEquals(1, alerts.list(null, null, AlertStatus.OPEN, DriftKind.FIELD_ADDED, Severity.INFO, 50, null).size());
    assertEquals(1, alerts.list(null, null, AlertStatus.RESOLVED, null, null, 50, null).size());
  }

  @Test
  void concurrentRecordersOfOneDriftShareOneAlert() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Long>> tasks = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        tasks.add(() -> alerts.record(added("segment", 1, T0, T0), 1, T0).alert().id());
      }
      List<Long> ids = new ArrayList<>();
      for (Future<Long> f : pool.invokeAll(tasks)) {
        ids.add(f.get());
      }
      assertEquals(1, ids.stream().distinct().count(), ids.toString());
      DriftAlert alert = alerts.byId(ids.get(0)).orElseThrow();
      assertEquals(40, alert.occurrences());
      assertEquals(40, alert.windows());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void baselinesAreVersionedAndComeBackWithTheirValueSketches() {
    SchemaObserver observer = SchemaObserver.learning("billing", "customers", DriftSettings.defaults(),
        Clock.fixed(T0, ZoneOffset.UTC));
    for (int i = 0; i < 300; i++) {
      observer.observe(JSON.createObjectNode().put("customer_id", "cus_" + i).put("email", "p" + i + "@example.com")
          .put("status", i % 3 == 0 ? "past_due" : "active").put("created_at", "2026-01-0" + (1 + i % 9) + "T10:00:00Z"));
    }
    StreamProfile window = observer.rotate();
    Baseline v1 = Baseline.learned(window, DriftSettings.defaults(), T0);
    baselines.save(v1, DriftAlertStore.DETECTOR);
    baselines.saveWindow(window);
    Baseline v2 = v1.acceptChange(window, List.of("status"), DriftSettings.defaults(), T0.plusSeconds(60));
    baselines.save(v2, "ops-anna");

    Baseline read = baselines.latest("billing", "customers").orElseThrow();
    assertEquals(2, read.version());
    assertEquals(Baseline.Origin.ACCEPTED, read.origin());
    assertEquals(v1.salt(), read.salt());
    assertEquals(v2.fields().keySet(), read.fields().keySet());
    assertArrayEquals(v2.fields().get("email").valueHashes(), read.fields().get("email").valueHashes());
    assertEquals(v2.fields().get("status").enumValues(), read.fields().get("status").enumValues());
    assertEquals(window.fields().keySet(), baselines.latestWindow("billing", "customers").orElseThrow().fields().keySet());
    List<BaselineStore.Version> versions = baselines.versions("billing", "customers");
    assertEquals(List.of(1, 2), versions.stream().map(BaselineStore.Version::version).toList());
    assertEquals("ops-anna", versions.get(1).createdBy());
    assertEquals(4, versions.get(1).fields());
  }
}
