package io.cxhub.traitstore;

import io.cxhub.config.FilesDigest;
import io.cxhub.config.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot reload of {@code traits/}: {@link #poll()} notices files added, removed or changed, reloads
 * the catalog and records the definitions, which starts the backfill of new and changed traits. A
 * tree with problems keeps the running catalog and is logged with file:line. Changes are found by a
 * digest of every file's name and content (see {@code MappingWatcher} for why not timestamps).
 * Meant to be called on a timer; thread-safe.
 */
public final class TraitWatcher {

  private static final Logger log = LoggerFactory.getLogger(TraitWatcher.class);

  private final LiveTraits traits;
  private final TraitBackfill backfill;
  private byte[] seen;

  /** Takes the tree as it is now as the loaded one: create it right after loading the catalog. */
  public TraitWatcher(LiveTraits traits, TraitBackfill backfill) {
    this.traits = traits;
    this.backfill = backfill;
    this.seen = digest();
  }

  /**
   * Reloads when the tree changed since the last poll.
   *
   * @return the problems that kept the change from being applied, logged once; empty when nothing
   *     changed or the new catalog is in service
   */
  public synchronized List<Problem> poll() {
    byte[] now = digest();
    if (Arrays.equals(now, seen)) {
      return List.of();
    }
    seen = now;
    List<Problem> problems = traits.reload();
    if (problems.isEmpty()) {
      log.info("Traits under {} changed: {} traits in service", traits.dir(), traits.current().all().size());
      backfill.sync();
    } else {
      StringBuilder lines = new StringBuilder();
      problems.forEach(problem -> lines.append(System.lineSeparator()).append("  ").append(problem));
      log.warn("Traits under {} changed but were not reloaded; the running traits stay in service until {} fixed:{}",
          traits.dir(), problems.size() == 1 ? "this problem is" : "these " + problems.size() + " problems are", lines);
    }
    return problems;
  }

  private byte[] digest() {
    if (!Files.isDirectory(traits.dir())) {
      return FilesDigest.of(List.of(), List.of());
    }
    try (Stream<Path> files = Files.list(traits.dir())) {
      return FilesDigest.of(files.filter(Files::isRegularFile).sorted().toList(), List.of());
    } catch (IOException e) {
      return FilesDigest.of(List.of(), List.of("unreadable: " + e.getMessage())); // the reload reports it
    }
  }
}
