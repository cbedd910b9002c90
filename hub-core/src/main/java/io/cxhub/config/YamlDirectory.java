package io.cxhub.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A flat directory of one YAML kind, one definition per file (traits, use cases): every file is
 * loaded, every problem collected, and a name defined twice is a problem naming both files.
 */
public final class YamlDirectory {

  private YamlDirectory() {}

  /**
   * @param kind the directory's name in messages, e.g. "traits"
   * @param item one definition in messages, e.g. "trait"
   * @param load reads one file, adding its problems and returning nothing when it has any
   * @return the definitions by name, in file name order
   * @throws ConfigProblemsException listing every problem in every {@code *.yaml} file of {@code dir}
   */
  public static <T> Map<String, T> load(Path dir, String kind, String item, BiFunction<Path, List<Problem>,
      Optional<T>> load, Function<T, String> name, Function<T, Path> file) {
    List<Problem> problems = new ArrayList<>();
    Map<String, T> loaded = new LinkedHashMap<>();
    for (Path f : yamlFiles(dir, kind, problems)) {
      load.apply(f, problems).ifPresent(definition -> {
        T earlier = loaded.putIfAbsent(name.apply(definition), definition);
        if (earlier != null) {
          problems.add(new Problem(f, 1, item + " " + name.apply(definition) + " is already defined in "
              + file.apply(earlier) + ": expected each " + item + " once"));
        }
      });
    }
    if (!problems.isEmpty()) {
      throw new ConfigProblemsException(problems);
    }
    return loaded;
  }

  private static List<Path> yamlFiles(Path dir, String kind, List<Problem> problems) {
    if (!Files.isDirectory(dir)) {
      problems.add(new Problem(dir, 0, kind + " directory does not exist: expected a directory of .yaml files"));
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      problems.add(new Problem(dir, 0, "cannot list " + kind + " directory: " + e.getMessage()));
      return List.of();
    }
  }
}
