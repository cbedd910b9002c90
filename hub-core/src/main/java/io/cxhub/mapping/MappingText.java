package io.cxhub.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.config.ConfigProblemsException;
import io.cxhub.config.YamlDocument;
import io.cxhub.config.YamlLoader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Where the values of a mapping file sit in its text. For an entity and a key ({@code id} or
 * {@code fields.<taxonomy field>}) it gives the exact character range of the value, so a change can
 * replace that range and leave every other character of the file as it was. The ranges come from
 * SnakeYAML's node marks. Immutable.
 */
public final class MappingText {

  /**
   * One value's place in the text.
   *
   * @param start index of its first character
   * @param end index after its last character (trailing comments and blank lines of a block value excluded)
   * @param line 1-based line it starts on
   * @param text {@code text.substring(start, end)}
   * @param value the value as parsed
   */
  public record Span(int start, int end, int line, String text, JsonNode value) {}

  private final Path file;
  private final String text;
  private final Node root;
  private final JsonNode tree;
  private final boolean surrogates;

  private MappingText(Path file, String text, Node root, JsonNode tree) {
    this.file = file;
    this.text = text;
    this.root = root;
    this.tree = tree;
    this.surrogates = text.length() != text.codePointCount(0, text.length());
  }

  /** @throws ConfigProblemsException when the text is not YAML (with line), as {@link YamlLoader} reports it */
  public static MappingText parse(Path file, String text) {
    YamlDocument document = YamlLoader.parse(file, text);
    LoaderOptions options = new LoaderOptions();
    Node root = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(), options)
        .getSingleNode();
    return new MappingText(file, text, root, document.root());
  }

  public String text() {
    return text;
  }

  /** The {@code entity:} names of {@code entities[]}, in file order. */
  public List<String> entities() {
    List<String> names = new ArrayList<>();
    for (Node item : entityNodes()) {
      names.add(item instanceof MappingNode entry ? scalar(value(entry, "entity")) : null);
    }
    return names;
  }

  /**
   * @param key {@code id} or {@code fields.<taxonomy field>}
   * @throws MappingEditException naming the file, entity and key, when the entity is missing or
   *     appears more than once, or the key is not there
   */
  public Span locate(String entity, String key) {
    String field = fieldName(entity, key);
    List<String> names = entities();
    int index = names.indexOf(entity);
    if (index < 0) {
      throw new MappingEditException(file, entity, key, "no entities[] entry has 'entity: " + entity
          + "': expected one of " + names);
    }
    if (names.lastIndexOf(entity) != index) {
      throw new MappingEditException(file, entity, key, "entity " + entity + " appears "
          + names.stream().filter(entity::equals).count() + " times in entities[]: expected it once, so the key "
          + "names one value");
    }
    MappingNode entry = (MappingNode) entityNodes().get(index);
    String pointer = YamlDocument.child("/entities", index);
    Node node;
    if (field == null) {
      node = value(entry, "id");
      pointer = YamlDocument.child(pointer, "id");
    } else {
      Node fields = value(entry, "fields");
      node = fields instanceof MappingNode map ? value(map, field) : null;
      pointer = YamlDocument.child(YamlDocument.child(pointer, "fields"), field);
    }
    if (node == null) {
      throw new MappingEditException(file, entity, key, "entities[" + index + "] (line "
          + (entry.getStartMark().getLine() + 1) + ") has no " + key + ": expected the key the proposal was made for");
    }
    int start = charIndex(node.getStartMark().getIndex());
    int end = charIndex(contentEnd(node));
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--; // a block scalar's end mark lies after its line breaks
    }
    return new Span(start, end, node.getStartMark().getLine() + 1, text.substring(start, end), tree.at(pointer));
  }

  private String fieldName(String entity, String key) {
    if ("id".equals(key)) {
      return null;
    }
    if (key != null && key.startsWith("fields.") && key.length() > "fields.".length()) {
      return key.substring("fields.".length());
    }
    throw new MappingEditException(file, entity, key, "unknown key: expected id or fields.<taxonomy field>");
  }

  private List<Node> entityNodes() {
    Node entities = root instanceof MappingNode map ? value(map, "entities") : null;
    return entities instanceof SequenceNode list ? list.getValue() : List.of();
  }

  /**
   * A block collection's end mark lies at the next token, after trailing comments and blank lines
   * that belong to the file's layout rather than to the value; its last child ends the content.
   */
  private static int contentEnd(Node node) {
    if (node instanceof CollectionNode<?> collection && collection.getFlowStyle() == DumperOptions.FlowStyle.BLOCK) {
      if (node instanceof MappingNode map && !map.getValue().isEmpty()) {
        return contentEnd(map.getValue().get(map.getValue().size() - 1).getValueNode());
      }
      if (node instanceof SequenceNode list && !list.getValue().isEmpty()) {
        return contentEnd(list.getValue().get(list.getValue().size() - 1));
      }
    }
    return node.getEndMark().getIndex();
  }

  /** SnakeYAML marks count code points; Java strings count UTF-16 chars. */
  private int charIndex(int codePoints) {
    return surrogates ? text.offsetByCodePoints(0, codePoints) : codePoints;
  }

  private static Node value(MappingNode map, String key) {
    for (NodeTuple tuple : map.getValue()) {
      if (key.equals(scalar(tuple.getKeyNode()))) {
        return tuple.getValueNode();
      }
    }
    return null;
  }

  private static String scalar(Node node) {
    return node instanceof ScalarNode scalar ? scalar.getValue() : null;
  }
}
