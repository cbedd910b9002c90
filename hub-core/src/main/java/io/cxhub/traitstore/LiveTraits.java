package io.cxhub.traitstore;

import io.cxhub.config.ConfigProblemsException;
import io.cxhub.config.Problem;
import io.cxhub.traits.TraitCatalog;
import io.cxhub.traits.TraitLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The trait catalog in service. {@link #reload()} swaps the whole catalog at once, and only when the
 * new {@code traits/} tree is free of problems: a half-edited file never takes the running traits
 * down. No {@code traits/} directory means no traits. Thread-safe; {@link #current()} never blocks.
 */
public final class LiveTraits {

  private final Path dir;
  private final TraitLoader loader;
  private final AtomicReference<TraitCatalog> current;

  /** @param loaded the catalog as loaded from {@code dir} at start (see {@code ConfigTree}) */
  public LiveTraits(Path dir, TraitLoader loader, TraitCatalog loaded) {
    this.dir = dir;
    this.loader = loader;
    this.current = new AtomicReference<>(loaded);
  }

  public Path dir() {
    return dir;
  }

  public TraitCatalog current() {
    return current.get();
  }

  /** @return the problems that kept the new tree out of service; empty when it is live */
  public List<Problem> reload() {
    try {
      current.set(Files.isDirectory(dir) ? TraitCatalog.load(dir, loader) : TraitCatalog.empty());
      return List.of();
    } catch (ConfigProblemsException e) {
      return e.problems();
    }
  }
}
