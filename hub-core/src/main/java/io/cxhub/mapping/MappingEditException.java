package io.cxhub.mapping;

import io.cxhub.config.Problem;
import java.nio.file.Path;
import java.util.List;

/**
 * A mapping edit that was refused; the file was left as it was. The message names the file, the
 * entity and key when one edit is at fault, and why; {@link #problems()} holds the loader's
 * problems (each with its line) when the edited text would not have loaded.
 */
public class MappingEditException extends RuntimeException {

  private final transient Path file;
  private final transient List<Problem> problems;

  /** One edit cannot be applied. */
  public MappingEditException(Path file, String entity, String key, String reason) {
    super("cannot edit " + file + ", entity " + entity + ", " + key + ": " + reason);
    this.file = file;
    this.problems = List.of();
  }

  /** The edits as a whole cannot be applied; {@code problems} may be empty. */
  public MappingEditException(Path file, String reason, List<Problem> problems) {
    super("cannot edit " + file + ": " + reason + describe(problems));
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  public Path file() {
    return file;
  }

  /** What the mapping loader found wrong with the edited text; empty for other refusals. */
  public List<Problem> problems() {
    return problems;
  }

  private static String describe(List<Problem> problems) {
    StringBuilder text = new StringBuilder();
    for (Problem problem : problems) {
      text.append(System.lineSeparator()).append("  ").append(problem);
    }
    return text.toString();
  }
}
