package io.cxhub.mapping;

import io.cxhub.config.ConfigProblemsException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies {@link MappingEdit}s to a mapping file in place. Each edit replaces exactly the character
 * range of one value, found through SnakeYAML's node marks ({@link MappingText}), so comments, key
 * order and every other line stay byte for byte. An edit is refused, and the file left untouched,
 * when its value no longer reads as the proposal saw it ({@code was}), when its entity or key is
 * gone, or when the edited text would not load with the same {@link MappingLoader} (and taxonomy)
 * the registry uses. The file is replaced atomically: readers and the hot reload see the old text
 * or the new, never half of it. Thread-safe: edits through one editor are applied one at a time.
 */
public final class MappingEditor {

  /**
   * One edited value, for the audit trail: the whole lines it sat on, before and after.
   *
   * @param line 1-based line where the value started before the edit
   * @param before those lines before the edit
   * @param after the same lines after it
   */
  public record Change(String entity, String key, int line, String before, String after) {}

  /** What {@link #apply} wrote. */
  public record Result(Path file, List<Change> changes) {

    public Result {
      changes = List.copyOf(changes);
    }

    /** {@code file:line: - old} / {@code file:line: + new} per change, as a log or audit entry shows it. */
    @Override
    public String toString() {
      StringBuilder out = new StringBuilder();
      for (Change change : changes) {
        out.append(file).append(':').append(change.line()).append(": - ").append(change.before()).append('\n');
        out.append(file).append(':').append(change.line()).append(": + ").append(change.after()).append('\n');
      }
      return out.toString();
    }
  }

  private final MappingLoader loader;

  /** @param loader the loader (and so the taxonomy) the registry uses, so an edit that writes also loads */
  public MappingEditor(MappingLoader loader) {
    this.loader = loader;
  }

  /**
   * @param edits edits of {@code file}; each {@link MappingEdit#file()} must name it
   * @throws MappingEditException naming file, entity, key and why, when any edit cannot be applied;
   *     nothing is written then
   */
  public synchronized Result apply(Path file, List<MappingEdit> edits) {
    checkEdits(file, edits);
    String text = read(file);
    MappingText current = parse(file, text, "the file does not parse as it is now");
    List<Located> located = new ArrayList<>();
    for (MappingEdit edit : edits) {
      MappingText.Span span = current.locate(edit.entity(), edit.key());
      if (!span.text().equals(edit.was())) {
        throw new MappingEditException(file, edit.entity(), edit.key(), "the file changed since the proposal was made: "
            + "line " + span.line() + " has " + span.text() + ", the proposal expected " + edit.was());
      }
      located.add(new Located(edit, span));
    }
    located.sort(Comparator.comparingInt(l -> l.span.start()));
    String edited = replace(text, located);
    check(file, edited, located);
    if (!edits.isEmpty()) {
      write(file, text, edited);
    }
    return new Result(file, changes(text, edited, located));
  }

  private static void checkEdits(Path file, List<MappingEdit> edits) {
    Path target = file.toAbsolutePath().normalize();
    Set<String> keys = new HashSet<>();
    for (MappingEdit edit : edits) {
      if (edit.file() == null || !Path.of(edit.file()).toAbsolutePath().normalize().equals(target)) {
        throw new MappingEditException(file, edit.entity(), edit.key(), "the edit is for " + edit.file()
            + ": expected edits of this file only");
      }
      if (edit.source() == null || edit.source().isBlank() || edit.was() == null) {
        throw new MappingEditException(file, edit.entity(), edit.key(), "the edit has no new value or no old one: "
            + "expected both as YAML text");
      }
      if (!keys.add(edit.entity() + "\u0000" + edit.key())) {
        throw new MappingEditException(file, edit.entity(), edit.key(), "two edits of the same value: expected one");
      }
    }
  }

  private static String replace(String text, List<Located> located) {
    StringBuilder out = new StringBuilder(text);
    for (int i = located.size() - 1; i >= 0; i--) {
      MappingText.Span span = located.get(i).span;
      out.replace(span.start(), span.end(), located.get(i).edit.source());
    }
    return out.toString();
  }

  /** The edited text must load, and each new value must read back as itself, not spill into its neighbours. */
  private void check(Path file, String edited, List<Located> located) {
    try {
      loader.parse(file, edited);
    } catch (ConfigProblemsException e) {
      throw new MappingEditException(file, "the edited mapping would not load, so it was not written", e.problems());
    }
    MappingText after = parse(file, edited, "the edited text does not parse");
    for (Located l : located) {
      String readBack = after.locate(l.edit.entity(), l.edit.key()).text();
      if (!readBack.equals(l.edit.source())) {
        throw new MappingEditException(file, l.edit.entity(), l.edit.key(), "the new value " + l.edit.source()
            + " reads back as " + readBack + ": expected one self-contained YAML value");
      }
    }
  }

  private static List<Change> changes(String before, String after, List<Located> located) {
    List<Change> changes = new ArrayList<>();
    for (Located l : located) {
      int lineStart = before.lastIndexOf('\n', l.span.start() - 1) + 1;
      String old = before.substring(lineStart, lineEnd(before, l.span.end()));
      String now = after.substring(shifted(lineStart, located), lineEnd(after, shifted(l.span.end(), located)));
      changes.add(new Change(l.edit.entity(), l.edit.key(), l.span.line(), old, now));
    }
    return changes;
  }

  /** Where offset {@code at} of the old text is in the new one: moved by every edit that ends at or before it. */
  private static int shifted(int at, List<Located> located) {
    int moved = at;
    for (Located l : located) {
      if (l.span.end() <= at) {
        moved += l.edit.source().length() - (l.span.end() - l.span.start());
      }
    }
    return moved;
  }

  /** Where the line holding {@code from} ends, before its line break ({@code \r\n} included). */
  private static int lineEnd(String text, int from) {
    int end = text.indexOf('\n', from);
    if (end < 0) {
      return text.length();
    }
    return end > from && text.charAt(end - 1) == '\r' ? end - 1 : end;
  }

  private static MappingText parse(Path file, String text, String what) {
    try {
      return MappingText.parse(file, text);
    } catch (ConfigProblemsException e) {
      throw new MappingEditException(file, what, e.problems());
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new MappingEditException(file, "the file is not UTF-8 text", List.of());
    } catch (IOException e) {
      throw new MappingEditException(file, "cannot read it: " + e, List.of());
    }
  }

  /**
   * Temp file in the same directory, then an atomic move over the original: a reader never sees a
   * half-written mapping. The original's permissions are kept. Just before the move the original is
   * read again, so a change made meanwhile is not overwritten unseen.
   */
  private static void write(Path file, String before, String after) {
    Path dir = file.toAbsolutePath().getParent();
    Path temp = null;
    try {
      temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
      Files.writeString(temp, after, StandardCharsets.UTF_8);
      PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
      if (posix != null) {
        Files.setPosixFilePermissions(temp, posix.readAttributes().permissions());
      }
      if (!Files.readString(file, StandardCharsets.UTF_8).equals(before)) {
        throw new MappingEditException(file, "the file changed while the edit was being checked; apply the proposal "
            + "again", List.of());
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
    } catch (AtomicMoveNotSupportedException e) {
      throw new MappingEditException(file, "the file system cannot replace it atomically: " + e.getMessage(), List.of());
    } catch (IOException e) {
      throw new MappingEditException(file, "cannot write it: " + e, List.of());
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the refusal or write error above is what the caller needs to see
        }
      }
    }
  }

  private record Located(MappingEdit edit, MappingText.Span span) {}
}
