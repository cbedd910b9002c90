package io.cxhub.quarantine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.quarantine.QuarantineEntry.Status;
import io.cxhub.quarantine.QuarantinedRecord.Stage;
import io.cxhub.store.Database;
import io.cxhub.testkit.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuarantineStoreIT {

  private Database db;
  private QuarantineStore store;

  @BeforeEach
  void open() {
    db = Database.open(TestPostgres.newDatabase("quarantine"), null, null, 2);
    store = new QuarantineStore(db.dataSource());
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static QuarantinedRecord bad(String stream, String body) {
    return new QuarantinedRecord("billing", stream, "billing-1", Stage.MAPPING, "required field 'email' missing", body,
        "c-" + body, Instant.parse("2026-01-10T09:00:00Z"));
  }

  @Test
  void putListAndCount() {
    long first = store.put(bad("customers", "{\"id\":1}"));
    List<Long> more = store.putAll(List.of(bad("customers", "{\"id\":2}"), bad("invoices", "not json")));

    assertEquals(List.of(first + 1, first + 2), more);
    List<QuarantineEntry> customers = store.list("billing", "customers", "held", 10, null);
    assertEquals(2, customers.size());
    assertEquals(bad("customers", "{\"id\":1}"), customers.get(0).record());
    assertEquals(Status.HELD, customers.get(0).status());
    assertNull(customers.get(0).replacedBy());
    assertEquals(List.of(first + 1), store.list(null, null, null, 10, first).stream()
        .filter(e -> e.record().stream().equals("customers")).map(QuarantineEntry::id).toList());
    assertEquals(List.of(new QuarantineCount("billing", "customers", 2, 0, 0, 0),
        new QuarantineCount("billing", "invoices", 1, 0, 0, 0)), store.countsByStream());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> store.list(null, null, "LOST", 10, null));
    assertTrue(e.getMessage().contains("'LOST'") && e.getMessage().contains("HELD"), e.getMessage());
  }

  @Test
  void replayCycleLosesNothingAndHandsNothingOutTwice() {
    List<Long> ids = store.putAll(List.of(bad("customers", "a"), bad("customers", "b"), bad("customers", "c")));

    List<QuarantineEntry> taken = store.takeForReplay("billing", "customers", 2);
    List<QuarantineEntry> rest = store.takeForReplay("billing", "customers", 10);
    assertEquals(ids.subList(0, 2), taken.stream().map(QuarantineEntry::id).toList());
    assertEquals(ids.subList(2, 3), rest.stream().map(QuarantineEntry::id).toList());
    assertTrue(store.takeForReplay("billing", "customers", 10).isEmpty(), "nothing left to hand out");

    assertEquals(1, store.markReplayed(List.of(ids.get(0))));
    long again = store.replayFailed(ids.get(1), bad("customers", "b"));
    assertEquals(1, store.release(List.of(ids.get(2))));

    assertEquals(Status.REPLAYED, store.byId(ids.get(0)).orElseThrow().status());
    QuarantineEntry failed = store.byId(ids.get(1)).orElseThrow();
    assertEquals(Status.REPLAYED, failed.status());
    assertEquals(again, failed.replacedBy());
    assertEquals(Set.of(ids.get(2), again), ids(store.list("billing", "customers", "HELD", 10, null)));
    assertThrows(IllegalStateException.class, () -> store.replayFailed(ids.get(0), bad("customers", "a")));
    assertEquals(2, store.list("billing", "customers", "HELD", 10, null).size(), "a refused put-back stores nothing");
    assertEquals(0, store.markReplayed(List.of(ids.get(2))), "a HELD entry is not marked replayed");
  }

  @Test
  void concurrentReplayersGetDisjointEntries() throws Exception {
    List<Long> ids = store.putAll(java.util.stream.IntStream.range(0, 200)
        .mapToObj(i -> bad("customers", "r" + i)).toList());
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var a = pool.submit(() -> drain());
      var b = pool.submit(() -> drain());
      Set<Long> fromA = a.get();
      Set<Long> fromB = b.get();
      Set<Long> all = new HashSet<>(fromA);
      all.addAll(fromB);
      assertEquals(fromA.size() + fromB.size(), all.size(), "no entry handed to both");
      assertEquals(new HashSet<>(ids), all);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void staleReplaysComeBack() throws Exception {
    long id = store.put(bad("customers", "a"));
    store.takeForReplay("billing", "customers", 10);

    assertEquals(0, store.releaseStale(Duration.ofMinutes(5)));
    Thread.sleep(20);
    assertEquals(1, store.releaseStale(Duration.ofMillis(10)));
    assertEquals(Status.HELD, store.byId(id).orElseThrow().status());
    assertEquals(1, store.discard(List.of(id)));
    assertEquals(new QuarantineCount("billing", "customers", 0, 0, 0, 1), store.countsByStream().get(0));
  }

  @Test
  void aReplayTakesWhatWasHeldWhenItStartedNotWhatItPutsBack() {
    assertEquals(0, store.newestId());
    long first = store.put(bad("customers", "{\"id\":1}"));
    long second = store.put(bad("customers", "{\"id\":2}"));
    long through = store.newestId();
    assertEquals(second, through);

    List<QuarantineEntry> taken = store.takeForReplay("billing", "customers", 1, through);
    assertEquals(List.of(first), List.copyOf(ids(taken)));
    // the replayed record fails again: held anew, as a newer entry
    long again = store.put(bad("customers", "{\"id\":1}"));
    store.markReplayed(ids(taken));
    assertEquals(List.of(second), List.copyOf(ids(store.takeForReplay("billing", "customers", 10, through))));
    assertTrue(store.takeForReplay("billing", "customers", 10, through).isEmpty(), "the new entry is not this replay's");
    assertEquals(Status.HELD, store.byId(again).orElseThrow().status());
  }

  private Set<Long> drain() {
    Set<Long> got = new HashSet<>();
    List<QuarantineEntry> taken;
    while (!(taken = store.takeForReplay("billing", "customers", 7)).isEmpty()) {
      got.addAll(ids(taken));
      store.markReplayed(ids(taken));
    }
    return got;
  }

  private static Set<Long> ids(List<QuarantineEntry> entries) {
    Set<Long> ids = new HashSet<>();
    entries.forEach(e -> ids.add(e.id()));
    return ids;
  }
}
