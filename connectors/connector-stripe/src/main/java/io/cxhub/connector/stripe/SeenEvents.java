package io.cxhub.connector.stripe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the events most recently handed to the hub, by webhook or by poll, so the same event
 * arriving both ways is emitted once. Bounded (oldest forgotten first) and kept in memory only:
 * after a restart an event may come through twice, which the hub's idempotent upserts absorb.
 * Thread-safe (webhook threads and the poll).
 */
final class SeenEvents {

  private final Map<String, Boolean> ids;

  SeenEvents(int capacity) {
    this.ids = new LinkedHashMap<>(1024, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized boolean contains(String id) {
    return ids.containsKey(id);
  }

  synchronized void remove(String id) {
    ids.remove(id);
  }

  /** Claims an event id. @return false when it was claimed already */
  synchronized boolean add(String id) {
    return ids.put(id, Boolean.TRUE) == null;
  }
}
