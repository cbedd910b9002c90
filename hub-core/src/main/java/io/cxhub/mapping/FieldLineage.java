package io.cxhub.mapping;

import java.util.List;

/**
 * Which payload paths feed one taxonomy field; the drift detector uses it to say what a source
 * change breaks.
 *
 * @param entity taxonomy entity
 * @param field taxonomy field
 * @param paths payload paths read (empty for a constant)
 */
public record FieldLineage(String entity, String field, List<String> paths) {

  public FieldLineage {
    paths = List.copyOf(paths);
  }
}
