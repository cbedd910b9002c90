package io.cxhub.traitstore;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.profile.ProfileChange;
import io.cxhub.profile.ProfileChange.Cause;
import io.cxhub.profile.ProfileChangeListener;
import io.cxhub.profile.TimelineEvent;
import io.cxhub.profile.WriteResult;
import io.cxhub.store.Transactions;
import io.cxhub.traits.TraitDefinition;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes the traits of a set of profiles from their stored timelines and stores what changed,
 * in one round of queries for the whole set: lock the profiles, read their stored values, read
 * their events (only the entities and windows the traits look at), one multi-row upsert. A value
 * is written when it or its next change differs from the stored row; a profile with no row has
 * the trait's value over no events, so values that never left it are not stored. Every value that
 * differs from the stored one becomes a {@link ProfileChange}, published after the commit.
 * Thread-safe.
 */
public final class TraitMaintainer {

  private static final Logger log = LoggerFactory.getLogger(TraitMaintainer.class);
  /** Profiles remembered for a retry after their recomputation failed; beyond this they wait for their next event. */
  private static final int MAX_STALE = 100_000;

  private final LiveTraits traits;
  private final Transactions transactions;
  private final Clock clock;
  private final ProfileChangeListener publisher;
  private final ProfileLocks locks = new ProfileLocks();
  private final TraitRows rows = new TraitRows();
  private final TimelineReader timelines = new TimelineReader();
  private final Map<UUID, Cause> stale = new ConcurrentHashMap<>();

  /**
   * @param clock the time values are computed at (tests move it)
   * @param publisher receives the changes of each recomputation once it is committed
   */
  public TraitMaintainer(LiveTraits traits, DataSource dataSource, Clock clock, ProfileChangeListener publisher) {
    this.traits = traits;
    this.transactions = new Transactions(dataSource);
    this.clock = clock;
    this.publisher = publisher;
  }

  /**
   * Recomputes the profiles whose timeline a committed batch changed. This runs right after the
   * batch's transaction, in one of its own, rather than inside it: the write transaction stays as
   * short as it was (it is retried whole when it loses a race, and a trait pass would be redone
   * with it), a change is published only for a committed value, and the profile locks taken here
   * (see {@link ProfileLocks}) are held for the recomputation only. The cost is a window in which
   * a crash leaves these values as they were until the profile's next event; a failure here is
   * logged and retried by {@link #retryFailed()}, it does not fail the stored batch.
   */
  public void afterWrite(WriteResult written) {
    if (written.timelineChanged().isEmpty() || traits.current().all().isEmpty()) {
      return;
    }
    Map<UUID, Cause> causes = new LinkedHashMap<>();
    for (UUID profile : written.timelineChanged()) {
      causes.put(profile, written.mergeSurvivors().contains(profile) ? Cause.MERGE : Cause.EVENT);
    }
    recomputeOrRemember(causes);
  }

  /** Recomputes both profiles of an undone merge, after its commit. */
  public void afterUnmerge(UUID survivor, UUID restored) {
    if (traits.current().all().isEmpty()) {
      return;
    }
    Map<UUID, Cause> causes = new LinkedHashMap<>();
    causes.put(survivor, Cause.UNMERGE);
    causes.put(restored, Cause.UNMERGE);
    recomputeOrRemember(causes);
  }

  /** Recomputes profiles whose recomputation failed before; returns how many were retried. */
  public int retryFailed() {
    if (stale.isEmpty()) {
      return 0;
    }
    Map<UUID, Cause> retry = new HashMap<>(stale);
    retry.keySet().forEach(stale::remove);
    recomputeOrRemember(retry);
    return retry.size();
  }

  private void recomputeOrRemember(Map<UUID, Cause> causes) {
    Instant now = clock.instant();
    Collection<TraitDefinition> all = traits.current().all();
    List<ProfileChange> changes;
    try {
      changes = transactions.inTransaction("recompute the traits of " + causes.size() + " profiles",
          c -> recompute(c, causes, locks.lock(c, causes.keySet()), all, now));
    } catch (RuntimeException e) {
      causes.forEach((profile, cause) -> {
        if (stale.size() < MAX_STALE) {
          stale.putIfAbsent(profile, cause);
        }
      });
      log.error("traits of {} profiles could not be recomputed; they are retried on the next expiry pass ({} waiting): {}",
          causes.size(), stale.size(), e.toString());
      return;
    }
    try {
      publish(changes);
    } catch (RuntimeException e) {
      // the values are stored; only listeners miss these changes (the bus is stopping)
      log.error("{} trait changes were stored but could not be published: {}", changes.size(), e.toString());
    }
  }

  Clock clock() {
    return clock;
  }

  LiveTraits traits() {
    return traits;
  }

  ProfileLocks locks() {
    return locks;
  }

  TraitRows rows() {
    return rows;
  }

  void publish(List<ProfileChange> changes) {
    if (!changes.isEmpty()) {
      publisher.onChanges(List.copyOf(changes));
    }
  }

  /**
   * Recomputes {@code traits} of the {@code locked} profiles on the caller's transaction.
   *
   * @param causes why each profile is recomputed; profiles missing from {@code locked} are skipped
   * @param locked profiles the transaction holds locks on (see {@link ProfileLocks})
   * @return the changed values, to be published once the transaction commits
   */
  List<ProfileChange> recompute(Connection c, Map<UUID, Cause> causes, List<UUID> locked,
      Collection<TraitDefinition> traits, Instant now) throws SQLException {
    if (locked.isEmpty() || traits.isEmpty()) {
      return List.of();
    }
    List<String> names = traits.stream().map(TraitDefinition::name).toList();
    Map<UUID, Map<String, TraitRows.Stored>> stored = rows.read(c, locked, names);
    Map<UUID, List<TimelineEvent>> events = timelines.read(c, locked, EventSelection.of(traits, now));
    Map<String, JsonNode> empty = new HashMap<>();
    traits.forEach(t -> empty.put(t.name(), TraitJson.of(t.evaluate(List.of(), now))));

    List<TraitRows.Row> writes = new ArrayList<>();
    List<ProfileChange> changes = new ArrayList<>();
    for (UUID profile : locked) {
      List<TimelineEvent> timeline = events.getOrDefault(profile, List.of());
      Map<String, TraitRows.Stored> before = stored.getOrDefault(profile, Map.of());
      for (TraitDefinition trait : traits) {
        JsonNode value = TraitJson.of(trait.evaluate(timeline, now));
        Instant next = trait.isTimeDependent() ? trait.nextChange(timeline, now).map(TraitMaintainer::roundUp).orElse(null)
            : null;
        TraitRows.Stored row = before.get(trait.name());
        JsonNode old = row == null ? empty.get(trait.name()) : row.value();
        boolean rowDiffers = row == null ? !value.equals(old) || next != null
            : !value.equals(old) || !Objects.equals(next, row.nextChange());
        if (rowDiffers) {
          writes.add(new TraitRows.Row(profile, trait.name(), value, next));
        }
        if (!value.equals(old)) {
          changes.add(new ProfileChange(profile.toString(), trait.name(), old, value, now, causes.get(profile)));
        }
      }
    }
    rows.upsert(c, writes, now);
    return changes;
  }

  /**
   * PostgreSQL keeps microseconds: a change due a nanosecond after an instant is stored at the next
   * microsecond, never before it, so the value has changed by the time it is picked up.
   */
  static Instant roundUp(Instant instant) {
    Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
    return micros.equals(instant) ? instant : micros.plus(1, ChronoUnit.MICROS);
  }
}
