package io.cxhub.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * A YAML file as a Jackson tree, with the source line of every node so that any later check can
 * report {@code file:line}.
 *
 * <p>Nodes are addressed by JSON pointer ({@code /entities/0/fields/amount_due}); a mapping key's
 * line is that of the key itself, which is where an editor should put the cursor.
 */
public final class YamlDocument {

  private final Path file;
  private final String text;
  private final JsonNode root;
  private final Map<String, Integer> lineByPointer;

  YamlDocument(Path file, String text, JsonNode root, Map<String, Integer> lineByPointer) {
    this.file = file;
    this.text = text;
    this.root = root;
    this.lineByPointer = Map.copyOf(lineByPointer);
  }

  public Path file() {
    return file;
  }

  /** The text the tree was parsed from, so a change can be written back into it without reformatting it. */
  public String text() {
    return text;
  }

  public JsonNode root() {
    return root;
  }

  /**
   * The line of the node at {@code pointer}, or of its nearest ancestor that exists (a missing
   * required key is reported where its parent object starts).
   */
  public int lineOf(String pointer) {
    String current = pointer;
    while (true) {
      Integer line = lineByPointer.get(current);
      if (line != null) {
        return line;
      }
      if (current.isEmpty()) {
        return 1;
      }
      current = current.substring(0, current.lastIndexOf('/'));
    }
  }

  /** A problem located at the node {@code pointer}. */
  public Problem problem(String pointer, String message) {
    return new Problem(file, lineOf(pointer), message);
  }

  /** Appends one JSON-pointer segment, escaping as RFC 6901 requires. */
  public static String child(String pointer, String key) {
    return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  public static String child(String pointer, int index) {
    return pointer + "/" + index;
  }
}
