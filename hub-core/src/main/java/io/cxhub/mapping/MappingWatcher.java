package io.cxhub.mapping;

import io.cxhub.config.FilesDigest;
import io.cxhub.config.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot reload of a {@link MappingRegistry}: {@link #poll()} notices files added, removed or changed
 * under the mappings root and calls {@link MappingRegistry#reload()}. Meant to be called on a timer
 * (every few seconds); it does no scheduling of its own.
 *
 * <p>Changes are found by a digest of every mapping file's path and content. Sizes and
 * modification times would be cheaper but miss an edit that keeps the size within the file
 * system's timestamp granularity (two writes in one millisecond, or a tool that restores the
 * time); mapping trees are a few dozen small files, so reading them is cheap. A file that changes
 * while it is read only leads to one more reload on the next poll. Thread-safe.
 */
public final class MappingWatcher {

  private static final Logger log = LoggerFactory.getLogger(MappingWatcher.class);

  private final MappingRegistry registry;
  private byte[] seen;

  /** Takes the tree as it is now as the loaded one: create it right after loading the registry. */
  public MappingWatcher(MappingRegistry registry) {
    this.registry = registry;
    this.seen = digest();
  }

  /**
   * Reloads when the tree changed since the last poll. A tree with problems leaves the running
   * mappings live; its problems are logged and returned once, not again until the tree changes.
   *
   * @return the problems that kept the change from being applied; empty when nothing changed or the
   *     reload was clean (then {@link MappingRegistry#generation()} has grown)
   */
  public synchronized List<Problem> poll() {
    byte[] now = digest();
    if (Arrays.equals(now, seen)) {
      return List.of();
    }
    seen = now;
    List<Problem> problems = registry.reload();
    if (problems.isEmpty()) {
      log.info("Mappings under {} changed: reloaded {} mappings (generation {})", registry.root(),
          registry.all().size(), registry.generation());
    } else {
      StringBuilder lines = new StringBuilder();
      problems.forEach(problem -> lines.append(System.lineSeparator()).append("  ").append(problem));
      log.warn("Mappings under {} changed but were not reloaded; the running mappings stay live until {} fixed:{}",
          registry.root(), problems.size() == 1 ? "this problem is" : "these " + problems.size() + " problems are", lines);
    }
    return problems;
  }

  private byte[] digest() {
    List<Problem> listing = new ArrayList<>();
    List<Path> files = MappingRegistry.yamlFiles(registry.root(), listing);
    return FilesDigest.of(files, listing.stream().map(Problem::toString).toList());
  }
}
