package io.cxhub.usecases;

import io.cxhub.config.ConfigProblemsException;
import io.cxhub.config.Problem;
import io.cxhub.taxonomy.Taxonomy;
import io.cxhub.traits.TraitCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The use case catalog in service. {@link #reload()} swaps the whole catalog at once, and only when
 * the new {@code usecases/} tree is free of problems (checked against the traits in service then): a
 * half-edited file never takes the running use cases down. No {@code usecases/} directory means no
 * use cases. Thread-safe; {@link #current()} never blocks.
 */
public final class LiveUseCases {

  private final Path dir;
  private final Taxonomy taxonomy;
  private final Supplier<TraitCatalog> traits;
  private final AtomicReference<UseCaseCatalog> current;

  /**
   * @param traits the trait catalog in service, asked at each reload
   * @param loaded the catalog as loaded from {@code dir} at start (see {@code ConfigTree})
   */
  public LiveUseCases(Path dir, Taxonomy taxonomy, Supplier<TraitCatalog> traits, UseCaseCatalog loaded) {
    this.dir = dir;
    this.taxonomy = taxonomy;
    this.traits = traits;
    this.current = new AtomicReference<>(loaded);
  }

  public Path dir() {
    return dir;
  }

  public UseCaseCatalog current() {
    return current.get();
  }

  /** @return the problems that kept the new tree out of service; empty when it is live */
  public List<Problem> reload() {
    try {
      current.set(Files.isDirectory(dir)
          ? UseCaseCatalog.load(dir, UseCaseLoader.checkingTraits(taxonomy, traits.get()))
          : UseCaseCatalog.empty());
      return List.of();
    } catch (ConfigProblemsException e) {
      return e.problems();
    }
  }
}
