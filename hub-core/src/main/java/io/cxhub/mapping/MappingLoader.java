package io.cxhub.mapping;

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
 * Loads one mapping file: YAML with lines, the mapping JSON Schema, then the taxonomy checks and
 * compilation. Thread-safe.
 */
public final class MappingLoader {

  /**
   * Region assumed for phone numbers written without a country code, unless hub.yaml
   * ({@code identity.defaultPhoneRegion}) or the mapping says otherwise.
   */
  public static final String DEFAULT_PHONE_REGION = "US";

  private static final SchemaValidator SCHEMA = SchemaValidator.forClasspathSchema("schema/mapping.schema.json");

  private final Taxonomy taxonomy;
  private final String defaultPhoneRegion;

  public MappingLoader(Taxonomy taxonomy) {
    this(taxonomy, DEFAULT_PHONE_REGION);
  }

  /** @param defaultPhoneRegion ISO-3166 alpha-2 region for {@code phone} transforms without {@code region} */
  public MappingLoader(Taxonomy taxonomy, String defaultPhoneRegion) {
    this.taxonomy = taxonomy;
    this.defaultPhoneRegion = defaultPhoneRegion;
  }

  public Taxonomy taxonomy() {
    return taxonomy;
  }

  /** True for an ISO-3166 alpha-2 region libphonenumber can read national numbers of, e.g. US or GB. */
  public static boolean isKnownPhoneRegion(String region) {
    return ContactTransforms.isKnownRegion(region);
  }

  /** @throws ConfigProblemsException listing every problem in the file, each with its line */
  public Mapping load(Path file) {
    return compile(YamlLoader.load(file));
  }

  /** Like {@link #load} for text in hand; {@code file} names the source in problems. */
  public Mapping parse(Path file, String yaml) {
    return compile(YamlLoader.parse(file, yaml));
  }

  /** Adds the file's problems to {@code problems} instead of throwing; for loading many files at once. */
  Optional<Mapping> tryLoad(Path file, List<Problem> problems) {
    try {
      return Optional.of(load(file));
    } catch (ConfigProblemsException e) {
      problems.addAll(e.problems());
      return Optional.empty();
    }
  }

  private Mapping compile(YamlDocument document) {
    List<Problem> problems = new ArrayList<>(SCHEMA.validate(document));
    if (!problems.isEmpty()) {
      throw new ConfigProblemsException(problems);
    }
    return new MappingCompiler(taxonomy, document, defaultPhoneRegion, problems).compile()
        .orElseThrow(() -> new ConfigProblemsException(problems));
  }
}
