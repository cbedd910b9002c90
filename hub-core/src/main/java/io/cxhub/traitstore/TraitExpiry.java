package io.cxhub.traitstore;

import io.cxhub.profile.ProfileChange;
import io.cxhub.profile.ProfileChange.Cause;
import io.cxhub.store.Transactions;
import io.cxhub.traits.TraitCatalog;
import io.cxhub.traits.TraitDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes values whose time has come without a new event: {@code contacts_7d} drops when a
 * contact leaves the window, {@code overdue_amount} grows when a due date passes. Each pass takes
 * a bounded batch of the most overdue rows ({@code next_change <= now}) and skips profiles another
 * node or writer holds, so several hub nodes share the work without doing it twice. Called by a
 * timer; no scheduling of its own. Thread-safe.
 */
public final class TraitExpiry {

  private static final Logger log = LoggerFactory.getLogger(TraitExpiry.class);

  private final TraitMaintainer maintainer;
  private final Transactions transactions;
  private final int batchSize;

  /** @param batchSize profiles recomputed per transaction */
  public TraitExpiry(TraitMaintainer maintainer, DataSource dataSource, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("trait expiry batch size " + batchSize + ": expected at least 1");
    }
    this.maintainer = maintainer;
    this.transactions = new Transactions(dataSource);
    this.batchSize = batchSize;
  }

  private record Pass(int profiles, List<ProfileChange> changes) {}

  /** One batch; returns how many profiles it recomputed. */
  public int runOnce() {
    Instant now = maintainer.clock().instant();
    TraitCatalog catalog = maintainer.traits().current();
    Pass pass = transactions.inTransaction("recompute the traits due by " + now, c -> {
      List<UUID> locked = maintainer.locks().lockDue(c, now, batchSize);
      if (locked.isEmpty()) {
        return new Pass(0, List.of());
      }
      Map<UUID, Set<String>> due = maintainer.rows().due(c, locked, now);
      Set<String> names = new HashSet<>();
      due.values().forEach(names::addAll);
      List<TraitDefinition> traits = names.stream().map(catalog::find).flatMap(Optional::stream).toList();
      if (traits.size() < names.size()) {
        maintainer.rows().deleteUndefined(c, due.keySet(), catalog.all().stream().map(TraitDefinition::name).toList());
      }
      Map<UUID, Cause> causes = new LinkedHashMap<>();
      due.keySet().forEach(p -> causes.put(p, Cause.EXPIRY));
      List<UUID> dueProfiles = locked.stream().filter(due::containsKey).toList();
      return new Pass(dueProfiles.size(), maintainer.recompute(c, causes, dueProfiles, traits, now));
    });
    maintainer.publish(pass.changes());
    if (pass.profiles() > 0) {
      log.debug("recomputed {} profiles whose traits were due by {}: {} changes", pass.profiles(), now, pass.changes().size());
    }
    return pass.profiles();
  }

  /**
   * Batches until none is full or {@code budget} has passed, and first retries profiles whose
   * recomputation after a write failed. Returns how many profiles were recomputed.
   */
  public int runDue(Duration budget) {
    long end = System.nanoTime() + budget.toNanos();
    int total = maintainer.retryFailed();
    int n;
    do {
      n = runOnce();
      total += n;
    } while (n >= batchSize && System.nanoTime() < end);
    return total;
  }
}
