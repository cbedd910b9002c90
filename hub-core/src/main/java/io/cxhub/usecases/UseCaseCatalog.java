package io.cxhub.usecases;

import io.cxhub.config.ConfigProblemsException;
import io.cxhub.config.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Every use case of a {@code usecases/} directory, by id, disabled ones included. Immutable and thread-safe. */
public final class UseCaseCatalog {

  private final Map<String, UseCase> useCases;

  private UseCaseCatalog(Map<String, UseCase> useCases) {
    this.useCases = Collections.unmodifiableMap(useCases);
  }

  /** @throws ConfigProblemsException listing every problem in every {@code *.yaml} file of {@code dir} */
  public static UseCaseCatalog load(Path dir, UseCaseLoader loader) {
    List<Problem> problems = new ArrayList<>();
    Map<String, UseCase> useCases = new LinkedHashMap<>();
    for (Path file : yamlFiles(dir, problems)) {
      // the id equals the file name, so two files cannot define one id except as x.yaml and x.yml
      loader.tryLoad(file, problems).ifPresent(useCase -> {
        UseCase earlier = useCases.putIfAbsent(useCase.id(), useCase);
        if (earlier != null) {
          problems.add(new Problem(file, 1, "use case " + useCase.id() + " is already defined in " + earlier.file()
              + ": expected each use case id once"));
        }
      });
    }
    if (!problems.isEmpty()) {
      throw new ConfigProblemsException(problems);
    }
    return new UseCaseCatalog(useCases);
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

  static List<Path> yamlFiles(Path dir, List<Problem> problems) {
    if (!Files.isDirectory(dir)) {
      problems.add(new Problem(dir, 0, "usecases directory does not exist: expected a directory of <id>.yaml files"));
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      problems.add(new Problem(dir, 0, "cannot list usecases directory: " + e.getMessage()));
      return List.of();
    }
  }
}
