package io.cxhub.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot reload of one configuration tree (mappings, traits, use cases): {@link #poll()} compares a
 * digest of the tree's files with the last one and reloads when it changed. A tree with problems
 * keeps the running configuration; its problems are logged and returned once, not again until the
 * tree changes. Digests rather than modification times, because an edit within the file system's
 * timestamp granularity would be missed; these trees are a few dozen small files. Meant to be
 * called on a timer; thread-safe.
 */
public final class TreeWatcher {

  private final Logger log;
  private final String what;
  private final Path dir;
  private final Supplier<byte[]> digest;
  private final Supplier<List<Problem>> reload;
  private final Supplier<String> inService;
  private byte[] seen;

  /**
   * Takes the tree as it is now as the loaded one: create it right after loading.
   *
   * @param what the tree in words, plural, e.g. "mappings"
   * @param reload loads the tree again and puts it in service when it has no problems
   * @param inService what is in service after a clean reload, for the log
   */
  public TreeWatcher(Class<?> owner, String what, Path dir, Supplier<byte[]> digest, Supplier<List<Problem>> reload,
      Supplier<String> inService) {
    this.log = LoggerFactory.getLogger(owner);
    this.what = what;
    this.dir = dir;
    this.digest = digest;
    this.reload = reload;
    this.inService = inService;
    this.seen = digest.get();
  }

  /**
   * Reloads when the tree changed since the last poll.
   *
   * @return the problems that kept the change from being applied; empty when nothing changed or the
   *     new tree is in service
   */
  public synchronized List<Problem> poll() {
    byte[] now = digest.get();
    if (Arrays.equals(now, seen)) {
      return List.of();
    }
    seen = now;
    List<Problem> problems = reload.get();
    if (problems.isEmpty()) {
      log.info("{} under {} changed: {}", capitalized(), dir, inService.get());
    } else {
      StringBuilder lines = new StringBuilder();
      problems.forEach(problem -> lines.append(System.lineSeparator()).append("  ").append(problem));
      log.warn("{} under {} changed but were not reloaded; the running {} stay in service until {} fixed:{}",
          capitalized(), dir, what, problems.size() == 1 ? "this problem is" : "these " + problems.size() + " problems are",
          lines);
    }
    return problems;
  }

  private String capitalized() {
    return Character.toUpperCase(what.charAt(0)) + what.substring(1);
  }
}
