package io.cxhub.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML into a {@link YamlDocument}: SnakeYAML composes the node graph (which keeps marks),
 * and we convert it to a Jackson tree ourselves, recording each node's line on the way.
 *
 * <p>Two deliberate departures from YAML 1.1 defaults: only {@code true}/{@code false} are booleans
 * (so {@code region: NO} stays Norway), and a duplicate key is a problem rather than "last wins".
 */
public final class YamlLoader {

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private YamlLoader() {}

  /** Loads a file; syntax errors and duplicate keys become problems with their line. */
  public static YamlDocument load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigProblemsException(List.of(new Problem(file, 0, "cannot read file: " + e.getMessage())));
    }
    return parse(file, text);
  }

  /** Parses YAML text; {@code file} is only used to name the source in problems. */
  public static YamlDocument parse(Path file, String text) {
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark != null ? mark.getLine() + 1 : 0;
      throw new ConfigProblemsException(List.of(new Problem(file, line, "invalid YAML: " + e.getProblem())));
    } catch (YAMLException e) {
      throw new ConfigProblemsException(List.of(new Problem(file, 0, "invalid YAML: " + e.getMessage())));
    }
    if (root == null) {
      throw new ConfigProblemsException(List.of(new Problem(file, 0, "file is empty: expected a YAML mapping")));
    }
    Converter converter = new Converter(file);
    JsonNode tree = converter.convert(root, "");
    if (!converter.problems.isEmpty()) {
      throw new ConfigProblemsException(converter.problems);
    }
    return new YamlDocument(file, text, tree, converter.lines);
  }

  private static final class Converter {
    private final Path file;
    private final Map<String, Integer> lines = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    Converter(Path file) {
      this.file = file;
    }

    JsonNode convert(Node node, String pointer) {
      lines.putIfAbsent(pointer, node.getStartMark().getLine() + 1);
      if (node instanceof MappingNode mapping) {
        return convertMapping(mapping, pointer);
      }
      if (node instanceof SequenceNode sequence) {
        ArrayNode array = NODES.arrayNode();
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
          array.add(convert(items.get(i), YamlDocument.child(pointer, i)));
        }
        return array;
      }
      return convertScalar((ScalarNode) node);
    }

    private ObjectNode convertMapping(MappingNode mapping, String pointer) {
      ObjectNode object = NODES.objectNode();
      Map<String, Integer> keyLines = new HashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        int keyLine = keyNode.getStartMark().getLine() + 1;
        if (!(keyNode instanceof ScalarNode scalarKey)) {
          problems.add(new Problem(file, keyLine, "key at " + display(pointer) + " is not a plain value: expected a scalar key"));
          continue;
        }
        String key = scalarKey.getValue();
        Integer firstLine = keyLines.putIfAbsent(key, keyLine);
        if (firstLine != null) {
          problems.add(new Problem(file, keyLine,
              "duplicate key '" + key + "' at " + display(pointer) + " (first defined on line " + firstLine + "): expected each key once"));
          continue;
        }
        String childPointer = YamlDocument.child(pointer, key);
        lines.put(childPointer, keyLine);
        object.set(key, convert(tuple.getValueNode(), childPointer));
      }
      return object;
    }

    private static JsonNode convertScalar(ScalarNode scalar) {
      String value = scalar.getValue();
      Tag tag = scalar.getTag();
      if (Tag.NULL.equals(tag)) {
        return NODES.nullNode();
      }
      if (Tag.BOOL.equals(tag) && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
        return NODES.booleanNode(Boolean.parseBoolean(value.toLowerCase()));
      }
      if (Tag.INT.equals(tag)) {
        try {
          BigInteger number = new BigInteger(value.replace("_", ""));
          return number.bitLength() < 64 ? NODES.numberNode(number.longValue()) : NODES.numberNode(number);
        } catch (NumberFormatException e) {
          return NODES.textNode(value); // octal/hex/sexagesimal forms: keep the text, schemas will say what they expect
        }
      }
      if (Tag.FLOAT.equals(tag)) {
        try {
          return NODES.numberNode(new BigDecimal(value.replace("_", "")));
        } catch (NumberFormatException e) {
          return NODES.textNode(value);
        }
      }
      return NODES.textNode(value);
    }

    private static String display(String pointer) {
      return pointer.isEmpty() ? "the top level" : pointer;
    }
  }
}
