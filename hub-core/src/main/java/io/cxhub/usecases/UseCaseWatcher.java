package io.cxhub.usecases;

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
 * Hot reload of {@code usecases/}: {@link #poll()} notices files added, removed or changed and
 * reloads the catalog; a tree with problems keeps the running catalog and is logged with file:line,
 * once. Changes are found by a digest of every file's name and content, as for traits. Meant to be
 * called on a timer; thread-safe.
 */
public final class UseCaseWatcher {

  private static final Logger log = LoggerFactory.getLogger(UseCaseWatcher.class);

  private final LiveUseCases useCases;
  private byte[] seen;

  /** Takes the tree as it is now as the loaded one: create it right after loading the catalog. */
  public UseCaseWatcher(LiveUseCases useCases) {
    this.useCases = useCases;
    this.seen = digest();
  }

  /**
   * Reloads when the tree changed since the last poll.
   *
   * @return the problems that kept the change from being applied; empty when nothing changed or the
   *     new catalog is in service
   */
  public synchronized List<Problem> poll() {
    byte[] now = digest();
    if (Arrays.equals(now, seen)) {
      return List.of();
    }
    seen = now;
    List<Problem> problems = useCases.reload();
    if (problems.isEmpty()) {
      log.info("Use cases under {} changed: {} use cases in service, {} enabled", useCases.dir(),
          useCases.current().all().size(), useCases.current().enabled().size());
    } else {
      StringBuilder lines = new StringBuilder();
      problems.forEach(problem -> lines.append(System.lineSeparator()).append("  ").append(problem));
      log.warn("Use cases under {} changed but were not reloaded; the running use cases stay in service until {} fixed:{}",
          useCases.dir(), problems.size() == 1 ? "this problem is" : "these " + problems.size() + " problems are", lines);
    }
    return problems;
  }

  private byte[] digest() {
    if (!Files.isDirectory(useCases.dir())) {
      return FilesDigest.of(List.of(), List.of());
    }
    try (Stream<Path> files = Files.list(useCases.dir())) {
      return FilesDigest.of(files.filter(Files::isRegularFile).sorted().toList(), List.of());
    } catch (IOException e) {
      return FilesDigest.of(List.of(), List.of("unreadable: " + e.getMessage()));
    }
  }
}
