package io.cxhub.traits;

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

/** Every trait of a {@code traits/} directory, by name. Immutable and thread-safe. */
public final class TraitCatalog {

  private final Map<String, TraitDefinition> traits;

  private TraitCatalog(Map<String, TraitDefinition> traits) {
    this.traits = Collections.unmodifiableMap(traits);
  }

  /** @throws ConfigProblemsException listing every problem in every {@code *.yaml} file of {@code dir} */
  public static TraitCatalog load(Path dir, TraitLoader loader) {
    List<Problem> problems = new ArrayList<>();
    Map<String, TraitDefinition> traits = new LinkedHashMap<>();
    for (Path file : yamlFiles(dir, problems)) {
      loader.tryLoad(file, problems).ifPresent(trait -> {
        TraitDefinition earlier = traits.putIfAbsent(trait.name(), trait);
        if (earlier != null) {
          problems.add(new Problem(file, 1, "trait " + trait.name() + " is already defined in " + earlier.file()
              + ": expected each trait name once"));
        }
      });
    }
    if (!problems.isEmpty()) {
      throw new ConfigProblemsException(problems);
    }
    return new TraitCatalog(traits);
  }

  /** No traits (a configuration tree without {@code traits/}). */
  public static TraitCatalog empty() {
    return new TraitCatalog(new LinkedHashMap<>());
  }

  public Optional<TraitDefinition> find(String name) {
    return Optional.ofNullable(traits.get(name));
  }

  /** In file name order. */
  public Collection<TraitDefinition> all() {
    return traits.values();
  }

  private static List<Path> yamlFiles(Path dir, List<Problem> problems) {
    if (!Files.isDirectory(dir)) {
      problems.add(new Problem(dir, 0, "traits directory does not exist: expected a directory of <trait>.yaml files"));
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      problems.add(new Problem(dir, 0, "cannot list traits directory: " + e.getMessage()));
      return List.of();
    }
  }
}
