package io.cxhub.usecases;

import io.cxhub.config.FilesDigest;
import io.cxhub.config.Problem;
import io.cxhub.config.TreeWatcher;
import java.util.List;

/**
 * Hot reload of {@code usecases/} ({@link TreeWatcher}): a tree with problems keeps the running
 * catalog and is logged with file:line, once. Meant to be called on a timer; thread-safe.
 */
public final class UseCaseWatcher {

  private final TreeWatcher tree;

  /** Takes the tree as it is now as the loaded one: create it right after loading the catalog. */
  public UseCaseWatcher(LiveUseCases useCases) {
    this.tree = new TreeWatcher(UseCaseWatcher.class, "use cases", useCases.dir(),
        () -> FilesDigest.ofDirectory(useCases.dir()), useCases::reload,
        () -> useCases.current().all().size() + " use cases in service, " + useCases.current().enabled().size()
            + " enabled");
  }

  /** @return the problems that kept a change from being applied; empty when nothing changed or it is in service */
  public List<Problem> poll() {
    return tree.poll();
  }
}
