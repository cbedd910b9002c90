package io.cxhub.traitstore;

import io.cxhub.profile.ProfileChange;
import io.cxhub.profile.ProfileChange.Cause;
import io.cxhub.store.Transactions;
import io.cxhub.traits.TraitCatalog;
import io.cxhub.traits.TraitDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes new and changed traits over every stored profile, a page of profiles (in id order) per
 * transaction, beside ingestion: each page locks only its own profiles, and the position is stored
 * with the page, so a restart or another node resumes where it stopped. Traits whose backfills
 * stand at the same position share pages. Called by a timer; no scheduling of its own. Thread-safe.
 */
public final class TraitBackfill {

  private static final Logger log = LoggerFactory.getLogger(TraitBackfill.class);
  /** How often to look for unfinished backfills without being woken: another node may have left one. */
  private static final long RECHECK_NANOS = Duration.ofSeconds(30).toNanos();

  private final TraitMaintainer maintainer;
  private final Transactions transactions;
  private final TraitDefinitions definitions = new TraitDefinitions();
  private final int pageSize;
  private final int logEveryPages;
  private final AtomicBoolean woken = new AtomicBoolean(true);
  private volatile long lastLook = System.nanoTime();
  private int pagesSinceLog;

  /**
   * @param pageSize profiles per page (and transaction)
   * @param logEveryPages progress is logged every this many pages, and when a backfill starts and ends
   */
  public TraitBackfill(TraitMaintainer maintainer, DataSource dataSource, int pageSize, int logEveryPages) {
    if (pageSize < 1 || logEveryPages < 1) {
      throw new IllegalArgumentException("trait backfill page size " + pageSize + " and log interval " + logEveryPages
          + ": expected both at least 1");
    }
    this.maintainer = maintainer;
    this.transactions = new Transactions(dataSource);
    this.pageSize = pageSize;
    this.logEveryPages = logEveryPages;
  }

  /**
   * Records the current catalog's definitions ({@link TraitDefinitions#sync}): new and changed
   * traits get a backfill, values of removed traits are deleted. Call at start and after a reload.
   */
  public void sync() {
    TraitCatalog catalog = maintainer.traits().current();
    TraitDefinitions.Sync sync = transactions.inTransaction("record the trait definitions",
        c -> definitions.sync(c, catalog));
    if (!sync.isEmpty()) {
      log.info("traits: {} new {}, {} changed {}, {} removed {} ({} stored values deleted); new and changed ones are"
          + " backfilled over all profiles in the background", sync.added().size(), sync.added(), sync.changed().size(),
          sync.changed(), sync.removed().size(), sync.removed(), sync.valuesRemoved());
      woken.set(true);
    }
  }

  /** Pages until no backfill is left or {@code budget} has passed; returns the pages done. */
  public synchronized int run(Duration budget) {
    boolean due = woken.getAndSet(false) || System.nanoTime() - lastLook > RECHECK_NANOS;
    if (!due) {
      return 0;
    }
    lastLook = System.nanoTime();
    long end = System.nanoTime() + budget.toNanos();
    int pages = 0;
    while (runPage()) {
      pages++;
      if (System.nanoTime() > end) {
        woken.set(true); // more to do on the next run
        break;
      }
    }
    return pages;
  }

  private record Page(List<String> traits, int profiles, long done, Long total, Instant startedAt, boolean finished,
      List<ProfileChange> changes) {}

  /** One page of the backfill furthest behind; false when none is left (or another node holds them all). */
  boolean runPage() {
    Instant now = maintainer.clock().instant();
    TraitCatalog catalog = maintainer.traits().current();
    List<String> names = catalog.all().stream().map(TraitDefinition::name).toList();
    Page page = transactions.inTransaction("backfill traits", c -> {
      List<TraitDefinitions.Backfill> unfinished = definitions.lockUnfinished(c, names);
      if (unfinished.isEmpty()) {
        return null;
      }
      TraitDefinitions.Backfill first = unfinished.get(0);
      List<String> traits = unfinished.stream().filter(b -> Objects.equals(b.after(), first.after()))
          .map(TraitDefinitions.Backfill::trait).toList();
      Instant started = first.startedAt();
      Long total = first.total();
      if (started == null) {
        started = now;
        total = countProfiles(c);
        definitions.start(c, traits, total, started);
      }
      List<UUID> profiles = maintainer.locks().lockPage(c, first.after(), pageSize);
      Map<UUID, Cause> causes = new LinkedHashMap<>();
      profiles.forEach(p -> causes.put(p, Cause.BACKFILL));
      List<ProfileChange> changes = maintainer.recompute(c, causes, profiles,
          traits.stream().map(catalog::find).map(Optional::orElseThrow).toList(), now);
      boolean finished = profiles.size() < pageSize;
      definitions.advance(c, traits, profiles.isEmpty() ? null : profiles.get(profiles.size() - 1), profiles.size(),
          finished ? now : null);
      return new Page(traits, profiles.size(), first.done() + profiles.size(), total, started, finished, changes);
    });
    if (page == null) {
      return false;
    }
    maintainer.publish(page.changes());
    report(page);
    return true;
  }

  private void report(Page page) {
    if (page.done() == page.profiles()) {
      log.info("trait backfill of {} started: {} profiles stored", page.traits(), page.total());
    }
    if (page.finished()) {
      pagesSinceLog = 0;
      log.info("trait backfill of {} done: {} profiles in {} s", page.traits(), page.done(),
          Duration.between(page.startedAt(), maintainer.clock().instant()).toSeconds());
    } else if (++pagesSinceLog >= logEveryPages) {
      pagesSinceLog = 0;
      BackfillProgress progress = BackfillProgress.of(page.done(), page.total(), page.startedAt(), null,
          maintainer.clock().instant());
      log.info("trait backfill of {}: {} of {} profiles, done about {}", page.traits(), page.done(), page.total(),
          progress.eta());
    }
  }

  private static long countProfiles(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select count(*) from profile"); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Every trait's backfill as stored, by trait. */
  Map<String, TraitDefinitions.Backfill> states() {
    return transactions.inTransaction("read the trait backfills", definitions::all);
  }
}
