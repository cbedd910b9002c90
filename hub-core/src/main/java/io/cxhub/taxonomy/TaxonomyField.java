package io.cxhub.taxonomy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One field of a taxonomy entity.
 *
 * @param entity the owning entity's name
 * @param name the field name
 * @param type value type after mapping
 * @param enumValues allowed values when {@code type} is {@link FieldType#ENUM}, else empty
 * @param pii true when the value identifies a person: masked in errors, samples and logs
 * @param survivorship how profiles pick among disagreeing sources
 * @param identityType the identity key type when the field identifies a customer
 * @param description what the field means (may be empty)
 * @param definedIn the file that defined the field
 */
public record TaxonomyField(
    String entity,
    String name,
    FieldType type,
    List<String> enumValues,
    boolean pii,
    Survivorship survivorship,
    Optional<String> identityType,
    String description,
    Path definedIn) {

  public TaxonomyField {
    enumValues = List.copyOf(enumValues);
  }

  /** {@code entity.field}, how the field is named in messages and lineage. */
  public String qualifiedName() {
    return entity + "." + name;
  }
}
