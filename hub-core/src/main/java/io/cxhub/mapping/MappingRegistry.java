package io.cxhub.mapping;

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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * All mappings under a directory tree ({@code mappings/**.yaml}), looked up by system and stream.
 *
 * <p>Loading reports every problem of every file at once. {@link #reload()} swaps the whole set
 * atomically, and only when the new tree is free of problems: a half-edited file never takes the
 * running mappings down. Thread-safe; lookups never block.
 */
public final class MappingRegistry {

  private final Path root;
  private final MappingLoader loader;
  private final AtomicReference<Map<String, Mapping>> current;
  private final AtomicLong generation = new AtomicLong();

  private MappingRegistry(Path root, MappingLoader loader, Map<String, Mapping> mappings) {
    this.root = root;
    this.loader = loader;
    this.current = new AtomicReference<>(mappings);
  }

  /** @throws ConfigProblemsException listing every problem in every file under {@code root} */
  public static MappingRegistry load(Path root, MappingLoader loader) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Mapping> mappings = readTree(root, loader, problems);
    if (!problems.isEmpty()) {
      throw new ConfigProblemsException(problems);
    }
    return new MappingRegistry(root, loader, mappings);
  }

  /** The loader reloads use, so an edit can be checked exactly as it will be loaded. */
  public MappingLoader loader() {
    return loader;
  }

  public Path root() {
    return root;
  }

  /** Grows by one with every successful reload, so callers that derive state from mappings notice a change. */
  public long generation() {
    return generation.get();
  }

  public Optional<Mapping> find(String system, String stream) {
    return Optional.ofNullable(current.get().get(key(system, stream)));
  }

  /** The current mappings, in file order. */
  public Collection<Mapping> all() {
    return current.get().values();
  }

  /**
   * Re-reads the tree. When it is clean the new set replaces the old one in a single step;
   * otherwise the old set stays in service.
   *
   * @return the problems that prevented the swap; empty when the new set is live
   */
  public List<Problem> reload() {
    List<Problem> problems = new ArrayList<>();
    Map<String, Mapping> mappings = readTree(root, loader, problems);
    if (problems.isEmpty()) {
      current.set(mappings);
      generation.incrementAndGet();
    }
    return List.copyOf(problems);
  }

  private static Map<String, Mapping> readTree(Path root, MappingLoader loader, List<Problem> problems) {
    Map<String, Mapping> mappings = new LinkedHashMap<>();
    for (Path file : yamlFiles(root, problems)) {
      loader.tryLoad(file, problems).ifPresent(mapping -> {
        Mapping earlier = mappings.putIfAbsent(key(mapping.system(), mapping.stream()), mapping);
        if (earlier != null) {
          problems.add(new Problem(file, 1, "mapping for " + mapping.system() + "/" + mapping.stream()
              + " is already defined in " + earlier.file() + ": expected one file per system and stream"));
        }
      });
    }
    return Collections.unmodifiableMap(mappings);
  }

  /** The files a load reads, sorted; shared with {@link MappingWatcher} so both see the same tree. */
  static List<Path> yamlFiles(Path root, List<Problem> problems) {
    if (!Files.isDirectory(root)) {
      problems.add(new Problem(root, 0, "mappings directory does not exist: expected a directory of <system>/<stream>.yaml files"));
      return List.of();
    }
    try (Stream<Path> tree = Files.walk(root)) {
      return tree.filter(Files::isRegularFile)
          .filter(file -> file.getFileName().toString().endsWith(".yaml") || file.getFileName().toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      problems.add(new Problem(root, 0, "cannot list mappings directory: " + e.getMessage()));
      return List.of();
    }
  }

  private static String key(String system, String stream) {
    return system + "/" + stream;
  }
}
