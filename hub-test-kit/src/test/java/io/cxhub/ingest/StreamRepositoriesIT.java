package io.cxhub.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.store.Database;
import io.cxhub.testkit.TestPostgres;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamRepositoriesIT {

  private static final Instant T0 = Instant.parse("2026-01-10T09:00:00Z");

  private Database db;
  private CursorRepository cursors;
  private StreamStatsRepository stats;

  @BeforeEach
  void open() {
    db = Database.open(TestPostgres.newDatabase("streams"), null, null, 2);
    cursors = new CursorRepository(db.dataSource());
    stats = new StreamStatsRepository(db.dataSource(), cursors);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void cursorsAreCommittedAndReadBack() {
    assertEquals(Optional.empty(), cursors.committed("billing-1", "customers"));
    cursors.commit("billing-1", "customers", "2026-01-10T09:00:00Z#17");
    cursors.commit("billing-1", "customers", "2026-01-10T10:00:00Z#42");
    cursors.commit("billing-2", "customers", "other");

    assertEquals(Optional.of("2026-01-10T10:00:00Z#42"), cursors.committed("billing-1", "customers"));
    assertEquals(Optional.of("other"), cursors.committed("billing-2", "customers"));
    assertEquals(Optional.empty(), cursors.committed("billing-1", "invoices"));
    assertFalse(cursors.commit(RawRecord.pushed("billing", "customers", "x", JsonNodeFactory.instance.objectNode())));
  }

  @Test
  void statsAccumulateAndShowTheStreamsCursors() {
    stats.recordAccepted("billing", "customers", 500, T0.plusSeconds(60));
    stats.recordAccepted("billing", "customers", 20, T0);
    stats.recordQuarantined("billing", "customers", 3, T0.plusSeconds(5));
    stats.recordQuarantined("billing", "customers", 1, T0.plusSeconds(9));
    stats.recordAccepted("crm", "contacts", 7, T0);
    assertTrue(cursors.commit(new RawRecord("billing", "customers", "cus_1", T0,
        JsonNodeFactory.instance.objectNode(), "cur-9", "billing-1")));
    cursors.commit(new RawRecord("billing", "invoices", "in_1", T0, JsonNodeFactory.instance.objectNode(), "cur-3",
        "billing-1"));

    List<StreamStats> all = stats.list();

    assertEquals(List.of("billing/customers", "billing/invoices", "crm/contacts"),
        all.stream().map(s -> s.system() + "/" + s.stream()).toList());
    StreamStats customers = all.get(0);
    assertEquals(520, customers.records());
    assertEquals(4, customers.quarantined());
    assertEquals(T0.plusSeconds(60), customers.lastRecordAt(), "the last-record time never goes back");
    assertEquals(T0.plusSeconds(9), customers.lastQuarantinedAt());
    assertEquals(List.of("billing-1=cur-9"), customers.cursors().stream()
        .map(c -> c.connectorInstance() + "=" + c.cursor()).toList());
    assertEquals(0, all.get(1).records());
    assertEquals("cur-3", all.get(1).cursors().get(0).cursor());
    assertTrue(all.get(2).cursors().isEmpty());
  }
}
