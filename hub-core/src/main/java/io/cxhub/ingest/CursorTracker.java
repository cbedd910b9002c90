package io.cxhub.ingest;

import io.cxhub.spi.record.RawRecord;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which cursor may be committed: the cursor of a record becomes committable only once it and
 * every record its connector emitted before it on the same stream are stored or quarantined. Stages
 * may finish records out of order (several consumers, quarantine at an earlier stage); the committed
 * cursor is the low-water mark, so a restart never skips a record still in flight. Thread-safe.
 */
public final class CursorTracker {

  private static final class Pending {
    final RawRecord record;
    boolean done;

    Pending(RawRecord record) {
      this.record = record;
    }
  }

  private final Map<String, Deque<Pending>> byStream = new HashMap<>();
  private final Map<RawRecord, Pending> inFlight = new IdentityHashMap<>();

  /** Registers records in the order the connector emitted them. Pushed records (no cursor) are ignored. */
  public synchronized void emitted(List<RawRecord> records) {
    for (RawRecord r : records) {
      if (r.cursor() == null || r.connectorInstance() == null) {
        continue;
      }
      Pending p = new Pending(r);
      byStream.computeIfAbsent(key(r.connectorInstance(), r.stream()), k -> new ArrayDeque<>()).addLast(p);
      inFlight.put(r, p);
    }
  }

  /**
   * Marks records finished and returns, per stream whose low-water mark moved, the record whose cursor
   * may now be committed.
   */
  public synchronized List<RawRecord> finished(List<RawRecord> records) {
    Map<String, RawRecord> moved = new HashMap<>();
    for (RawRecord r : records) {
      Pending p = inFlight.remove(r);
      if (p == null) {
        continue;
      }
      p.done = true;
      String key = key(r.connectorInstance(), r.stream());
      Deque<Pending> queue = byStream.get(key);
      RawRecord last = null;
      while (!queue.isEmpty() && queue.peekFirst().done) {
        last = queue.pollFirst().record;
      }
      if (last != null) {
        moved.put(key, last);
      }
    }
    return List.copyOf(moved.values());
  }

  /** Records registered but not yet finished (for health and tests). */
  public synchronized int inFlight() {
    return inFlight.size();
  }

  private static String key(String instance, String stream) {
    return instance + '\u0000' + stream;
  }
}
