package io.cxhub.taxonomy;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shared vocabulary every mapping targets: entities, their typed fields, PII flags,
 * survivorship rules and identity key types. Immutable and thread-safe.
 */
public final class Taxonomy {

  private final int version;
  private final Map<String, TaxonomyEntity> entities;

  Taxonomy(int version, Map<String, TaxonomyEntity> entities) {
    this.version = version;
    this.entities = Collections.unmodifiableMap(new LinkedHashMap<>(entities));
  }

  /** The shipped default taxonomy (classpath {@code taxonomy/}). */
  public static Taxonomy loadDefault() {
    return load(List.of());
  }

  /**
   * The shipped default plus admin files; each path is a {@code .yaml} file or a directory whose
   * {@code *.yaml} files are read. Admin files may add entities and fields, not redefine them.
   *
   * @throws io.cxhub.config.ConfigProblemsException listing every problem in every file
   */
  public static Taxonomy load(List<Path> dirsOrFiles) {
    return new TaxonomyLoader().load(dirsOrFiles);
  }

  public int version() {
    return version;
  }

  public Map<String, TaxonomyEntity> entities() {
    return entities;
  }

  public Optional<TaxonomyEntity> entity(String name) {
    return Optional.ofNullable(entities.get(name));
  }

  public Optional<TaxonomyField> field(String entity, String field) {
    TaxonomyEntity found = entities.get(entity);
    return found == null ? Optional.empty() : found.field(field);
  }

  /** Every identity key type some field declares, e.g. {@code email}, {@code phone}. */
  public Set<String> identityTypes() {
    Set<String> types = new TreeSet<>();
    for (TaxonomyEntity entity : entities.values()) {
      for (TaxonomyField field : entity.fields().values()) {
        field.identityType().ifPresent(types::add);
      }
    }
    return Collections.unmodifiableSet(types);
  }
}
