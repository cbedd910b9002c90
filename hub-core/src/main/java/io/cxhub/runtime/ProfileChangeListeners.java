package io.cxhub.runtime;

import io.cxhub.profile.ProfileChange;
import io.cxhub.profile.ProfileChangeListener;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who hears about trait changes: the consumer of the {@link Bus.Stage#PROFILE_CHANGES} stage hands
 * every list of changes to each registered listener, so the queue drains whether or not anyone
 * listens. Use cases register here. Counts what passed through, per cause. Thread-safe.
 */
public final class ProfileChangeListeners {

  private static final Logger log = LoggerFactory.getLogger(ProfileChangeListeners.class);

  private final Map<String, ProfileChangeListener> listeners = new ConcurrentHashMap<>();
  private final Map<ProfileChange.Cause, LongAdder> counts = new EnumMap<>(ProfileChange.Cause.class);

  public ProfileChangeListeners() {
    for (ProfileChange.Cause cause : ProfileChange.Cause.values()) {
      counts.put(cause, new LongAdder());
    }
  }

  /**
   * Adds a listener under a name (for logs); it receives changes published from now on.
   *
   * @throws IllegalArgumentException when the name is taken
   */
  public void register(String name, ProfileChangeListener listener) {
    if (listeners.putIfAbsent(name, listener) != null) {
      throw new IllegalArgumentException("a profile change listener named '" + name + "' is already registered:"
          + " expected a unique name per listener");
    }
  }

  public void unregister(String name) {
    listeners.remove(name);
  }

  /** Changes delivered since start, per cause. */
  public Map<ProfileChange.Cause, Long> counts() {
    Map<ProfileChange.Cause, Long> snapshot = new EnumMap<>(ProfileChange.Cause.class);
    counts.forEach((cause, n) -> snapshot.put(cause, n.sum()));
    return snapshot;
  }

  void deliver(List<ProfileChange> changes) {
    changes.forEach(c -> counts.get(c.cause()).increment());
    listeners.forEach((name, listener) -> {
      try {
        listener.onChanges(changes);
      } catch (RuntimeException e) {
        log.error("profile change listener '{}' failed on {} changes; the others still get them", name, changes.size(), e);
      }
    });
    log.debug("{} profile changes delivered to {} listeners", changes.size(), listeners.size());
  }
}
