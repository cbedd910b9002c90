package io.cxhub.usecases;

import io.cxhub.config.ConfigProblemsException;
import io.cxhub.config.Problem;
import io.cxhub.config.SchemaValidator;
import io.cxhub.config.YamlDocument;
import io.cxhub.config.YamlLoader;
import io.cxhub.taxonomy.Taxonomy;
import io.cxhub.traits.TraitCatalog;
import io.cxhub.traits.TraitDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads one use case file: YAML with lines, the use case JSON Schema, then the taxonomy, trait and
 * channel checks and the compilation of every CEL expression, the path trait files take. Thread-safe.
 */
public final class UseCaseLoader {

  private static final SchemaValidator SCHEMA = SchemaValidator.forClasspathSchema("schema/usecase.schema.json");

  private final Taxonomy taxonomy;
  private final Optional<Set<String>> traitNames;

  private UseCaseLoader(Taxonomy taxonomy, Optional<Set<String>> traitNames) {
    this.taxonomy = taxonomy;
    this.traitNames = traitNames;
  }

  /** Trait names in triggers and in {@code traits.x} of expressions must be traits of {@code traits}. */
  public static UseCaseLoader checkingTraits(Taxonomy taxonomy, TraitCatalog traits) {
    return new UseCaseLoader(taxonomy, Optional.of(traits.all().stream().map(TraitDefinition::name)
        .collect(Collectors.toUnmodifiableSet())));
  }

  /** For when the traits could not be loaded (their problems are reported already): trait names are not checked. */
  public static UseCaseLoader notCheckingTraits(Taxonomy taxonomy) {
    return new UseCaseLoader(taxonomy, Optional.empty());
  }

  /** @throws ConfigProblemsException listing every problem in the file, each with its line */
  public UseCase load(Path file) {
    return compile(YamlLoader.load(file));
  }

  /** Like {@link #load} for text in hand; {@code file} names the source in problems. */
  public UseCase parse(Path file, String yaml) {
    return compile(YamlLoader.parse(file, yaml));
  }

  Optional<UseCase> tryLoad(Path file, List<Problem> problems) {
    try {
      return Optional.of(load(file));
    } catch (ConfigProblemsException e) {
      problems.addAll(e.problems());
      return Optional.empty();
    }
  }

  private UseCase compile(YamlDocument document) {
    List<Problem> problems = new ArrayList<>(SCHEMA.validate(document));
    if (!problems.isEmpty()) {
      throw new ConfigProblemsException(problems);
    }
    return new UseCaseCompiler(taxonomy, traitNames, document, problems).compile()
        .orElseThrow(() -> new ConfigProblemsException(problems));
  }
}
