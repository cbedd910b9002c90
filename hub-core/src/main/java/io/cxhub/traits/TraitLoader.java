package io.cxhub.traits;

import io.cxhub.config.ConfigProblemsException;
import io.cxhub.config.Problem;
import io.cxhub.config.SchemaValidator;
import io.cxhub.config.YamlDocument;
import io.cxhub.config.YamlLoader;
import io.cxhub.taxonomy.Taxonomy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads one trait file: YAML with lines, the trait JSON Schema, then the taxonomy checks and
 * compilation, the same path mapping files take. Thread-safe.
 */
public final class TraitLoader {

  private static final SchemaValidator SCHEMA = SchemaValidator.forClasspathSchema("schema/trait.schema.json");

  private final Taxonomy taxonomy;

  public TraitLoader(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /** @throws ConfigProblemsException listing every problem in the file, each with its line */
  public TraitDefinition load(Path file) {
    return compile(YamlLoader.load(file));
  }

  /** Like {@link #load} for text in hand; {@code file} names the source in problems. */
  public TraitDefinition parse(Path file, String yaml) {
    return compile(YamlLoader.parse(file, yaml));
  }

  /** Adds the file's problems to {@code problems} instead of throwing; for loading many files at once. */
  Optional<TraitDefinition> tryLoad(Path file, List<Problem> problems) {
    try {
      return Optional.of(load(file));
    } catch (ConfigProblemsException e) {
      problems.addAll(e.problems());
      return Optional.empty();
    }
  }

  private TraitDefinition compile(YamlDocument document) {
    List<Problem> problems = new ArrayList<>(SCHEMA.validate(document));
    if (!problems.isEmpty()) {
      throw new ConfigProblemsException(problems);
    }
    return new TraitCompiler(taxonomy, document, problems).compile()
        .orElseThrow(() -> new ConfigProblemsException(problems));
  }
}
