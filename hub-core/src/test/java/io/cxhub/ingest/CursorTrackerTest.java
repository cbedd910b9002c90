package io.cxhub.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cxhub.spi.record.RawRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTrackerTest {

  private static RawRecord rec(String stream, String cursor) {
    return new RawRecord("billing", stream, cursor, Instant.EPOCH, JsonNodeFactory.instance.objectNode(), cursor, "demo");
  }

  @Test
  void commitsOnlyTheContiguousPrefixOfFinishedRecords() {
    CursorTracker t = new CursorTracker();
    RawRecord a = rec("invoices", "1");
    RawRecord b = rec("invoices", "2");
    RawRecord c = rec("invoices", "3");
    t.emitted(List.of(a, b, c));

    assertTrue(t.finished(List.of(c)).isEmpty(), "3 finished before 1 and 2: nothing may be committed");
    assertEquals(List.of(a), t.finished(List.of(a)));
    assertEquals(List.of(c), t.finished(List.of(b)));
    assertEquals(0, t.inFlight());
  }

  @Test
  void streamsAreIndependentAndPushedRecordsAreNotTracked() {
    CursorTracker t = new CursorTracker();
    RawRecord inv = rec("invoices", "i1");
    RawRecord pay = rec("payments", "p1");
    RawRecord pushed = RawRecord.pushed("billing", "invoices", "x", JsonNodeFactory.instance.objectNode());
    t.emitted(List.of(inv, pay, pushed));
    assertEquals(2, t.inFlight());
    assertEquals(List.of(pay), t.finished(List.of(pay, pushed)));
  }
}
