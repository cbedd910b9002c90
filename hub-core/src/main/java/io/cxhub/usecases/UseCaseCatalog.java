package io.cxhub.usecases;

import io.cxhub.config.ConfigProblemsException;
import io.cxhub.config.YamlDirectory;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every use case of a {@code usecases/} directory, by id, disabled ones included. Immutable and thread-safe. */
public final class UseCaseCatalog {

  private final Map<String, UseCase> useCases;

  private UseCaseCatalog(Map<String, UseCase> useCases) {
    this.useCases = Collections.unmodifiableMap(useCases);
  }

  /** @throws ConfigProblemsException listing every problem in every {@code *.yaml} file of {@code dir} */
  public static UseCaseCatalog load(Path dir, UseCaseLoader loader) {
    return new UseCaseCatalog(YamlDirectory.load(dir, "usecases", "use case", loader::tryLoad, UseCase::id, UseCase::file));
  }

  /** No use cases (a configuration tree without {@code usecases/}). */
  public static UseCaseCatalog empty() {
    return new UseCaseCatalog(new LinkedHashMap<>());
  }

  public Optional<UseCase> find(String id) {
    return Optional.ofNullable(useCases.get(id));
  }

  /** In file name order, disabled ones included. */
  public Collection<UseCase> all() {
    return useCases.values();
  }

  /** The enabled ones, in file name order. */
  public List<UseCase> enabled() {
    return useCases.values().stream().filter(UseCase::enabled).toList();
  }
}
