package io.cxhub.traitstore;

import io.cxhub.config.FilesDigest;
import io.cxhub.config.Problem;
import io.cxhub.config.TreeWatcher;
import java.util.List;

/**
 * Hot reload of {@code traits/} ({@link TreeWatcher}): a clean reload records the definitions, which
 * starts the backfill of new and changed traits; a tree with problems keeps the running catalog.
 * Meant to be called on a timer; thread-safe.
 */
public final class TraitWatcher {

  private final TreeWatcher tree;

  /** Takes the tree as it is now as the loaded one: create it right after loading the catalog. */
  public TraitWatcher(LiveTraits traits, TraitBackfill backfill) {
    this.tree = new TreeWatcher(TraitWatcher.class, "traits", traits.dir(), () -> FilesDigest.ofDirectory(traits.dir()),
        () -> {
          List<Problem> problems = traits.reload();
          if (problems.isEmpty()) {
            backfill.sync();
          }
          return problems;
        },
        () -> traits.current().all().size() + " traits in service");
  }

  /** @return the problems that kept a change from being applied; empty when nothing changed or it is in service */
  public List<Problem> poll() {
    return tree.poll();
  }
}
