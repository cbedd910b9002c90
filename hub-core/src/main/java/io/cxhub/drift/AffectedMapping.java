package io.cxhub.drift;

import java.util.List;

/**
 * A mapping that reads a field a drift affects.
 *
 * @param file the mapping file
 * @param paths the affected payload paths it reads (as written in the mapping)
 * @param taxonomyFields the taxonomy fields ({@code entity.field}) those paths feed
 */
public record AffectedMapping(String file, List<String> paths, List<String> taxonomyFields) {

  public AffectedMapping {
    paths = List.copyOf(paths);
    taxonomyFields = List.copyOf(taxonomyFields);
  }
}
