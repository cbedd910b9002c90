package io.cxhub.traits;

import io.cxhub.config.ConfigProblemsException;
import io.cxhub.config.YamlDirectory;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every trait of a {@code traits/} directory, by name. Immutable and thread-safe. */
public final class TraitCatalog {

  private final Map<String, TraitDefinition> traits;

  private TraitCatalog(Map<String, TraitDefinition> traits) {
    this.traits = Collections.unmodifiableMap(traits);
  }

  /** @throws ConfigProblemsException listing every problem in every {@code *.yaml} file of {@code dir} */
  public static TraitCatalog load(Path dir, TraitLoader loader) {
    return new TraitCatalog(YamlDirectory.load(dir, "traits", "trait", loader::tryLoad, TraitDefinition::name, TraitDefinition::file));
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
}
