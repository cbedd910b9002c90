package io.cxhub.mapping;

import io.cxhub.config.FilesDigest;
import io.cxhub.config.Problem;
import io.cxhub.config.TreeWatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hot reload of a {@link MappingRegistry} ({@link TreeWatcher}): {@link #poll()} notices mapping
 * files added, removed or changed and calls {@link MappingRegistry#reload()}; a broken tree leaves
 * the running mappings live. Meant to be called on a timer; thread-safe.
 */
public final class MappingWatcher {

  private final TreeWatcher tree;

  /** Takes the tree as it is now as the loaded one: create it right after loading the registry. */
  public MappingWatcher(MappingRegistry registry) {
    this.tree = new TreeWatcher(MappingWatcher.class, "mappings", registry.root(), () -> digest(registry),
        registry::reload, () -> "reloaded " + registry.all().size() + " mappings (generation " + registry.generation() + ")");
  }

  /**
   * Reloads when the tree changed since the last poll.
   *
   * @return the problems that kept the change from being applied; empty when nothing changed or the
   *     reload was clean (then {@link MappingRegistry#generation()} has grown)
   */
  public List<Problem> poll() {
    return tree.poll();
  }

  /** Mapping files sit in per-system folders, so the listing is the registry's own. */
  private static byte[] digest(MappingRegistry registry) {
    List<Problem> listing = new ArrayList<>();
    List<Path> files = MappingRegistry.yamlFiles(registry.root(), listing);
    return FilesDigest.of(files, listing.stream().map(Problem::toString).toList());
  }
}
