package io.cxhub.config;

import java.nio.file.Path;

/**
 * One thing wrong with a configuration file, located so an admin can jump to it.
 *
 * @param file the file (or {@code classpath:} pseudo-path) the problem is in
 * @param line 1-based line of the offending node; 0 when the problem concerns the whole file
 * @param message names the key, the bad value and what was expected
 */
public record Problem(Path file, int line, String message) {

  /** {@code file:line: message}, the format editors and CI logs link to. */
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }
}
