package io.cxhub.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * New values of mapped fields for drifts that move data between paths: rename, split and merge.
 * They work on the parsed value, so the field's other keys (transforms, default) are kept and the
 * result is a complete mapping value, not a fragment to merge by hand.
 */
final class SourceRewrites {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SourceRewrites() {}

  /** Every path the value reads, including a phone transform's {@code region_from}, renamed. */
  static Rewrite renamed(JsonNode value, String old, String now) {
    List<String> stuck = new ArrayList<>();
    UnaryOperator<String> rename = path -> {
      String renamed = Paths.renamed(path, old, now);
      if (renamed == null) {
        stuck.add(path);
        return path;
      }
      return renamed;
    };
    JsonNode renamed;
    if (value.isTextual()) {
      renamed = TextNode.valueOf(rename.apply(value.asText()));
    } else if (value instanceof ObjectNode spec) {
      ObjectNode copy = spec.deepCopy();
      renameText(copy, "path", rename);
      if (copy.get("concat") instanceof ArrayNode parts) {
        for (int i = 0; i < parts.size(); i++) {
          parts.set(i, TextNode.valueOf(rename.apply(parts.get(i).asText())));
        }
      }
      if (copy.get("transform") instanceof ArrayNode steps) {
        for (JsonNode step : steps) {
          if (step.get("phone") instanceof ObjectNode phone) {
            renameText(phone, "region_from", rename);
          }
        }
      }
      renamed = copy;
    } else {
      return Rewrite.NONE;
    }
    if (!stuck.isEmpty()) {
      return Rewrite.explain(stuck + " cannot follow the rename to " + now + ": the array levels differ, so no index fits");
    }
    return renamed.equals(value) ? Rewrite.NONE : Rewrite.to(renamed, null);
  }

  /** A read of {@code whole} becomes a concat of {@code parts} joined with {@code separator}. */
  static Rewrite split(JsonNode value, String whole, List<String> parts, String separator) {
    ObjectNode spec = spec(value);
    if (spec == null) {
      return Rewrite.NONE;
    }
    JsonNode path = spec.get("path");
    if (path != null && Paths.reads(path.asText(), whole)) {
      ArrayNode concat = NODES.arrayNode();
      for (String part : parts) {
        String renamed = Paths.renamed(path.asText(), whole, part);
        if (renamed == null) {
          return Rewrite.explain(path.asText() + " cannot become " + part + ": the array levels differ");
        }
        concat.add(renamed);
      }
      ObjectNode out = NODES.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> keys = spec.fields(); keys.hasNext(); ) {
        Map.Entry<String, JsonNode> key = keys.next();
        if (key.getKey().equals("path")) {
          out.set("concat", concat);
          out.put("separator", separator);
        } else {
          out.set(key.getKey(), key.getValue());
        }
      }
      return Rewrite.to(out, null);
    }
    if (spec.get("concat") instanceof ArrayNode concat) {
      for (int i = 0; i < concat.size(); i++) {
        if (!Paths.reads(concat.get(i).asText(), whole)) {
          continue;
        }
        String joins = spec.path("separator").asText("");
        if (!joins.equals(separator)) {
          return Rewrite.explain("its concat joins with " + quote(joins) + " but " + whole + " splits at "
              + quote(separator) + ", so no concat gives the old value back");
        }
        ArrayNode replaced = NODES.arrayNode();
        for (int j = 0; j < concat.size(); j++) {
          if (j != i) {
            replaced.add(concat.get(j));
            continue;
          }
          for (String part : parts) {
            String renamed = Paths.renamed(concat.get(i).asText(), whole, part);
            if (renamed == null) {
              return Rewrite.explain(concat.get(i).asText() + " cannot become " + part + ": the array levels differ");
            }
            replaced.add(renamed);
          }
        }
        ObjectNode out = spec.deepCopy();
        out.set("concat", replaced);
        return Rewrite.to(out, null);
      }
    }
    return Rewrite.explain("reads " + whole + " other than as a whole value, so no concat replaces it");
  }

  /**
   * A read of {@code first} (or {@code second}) becomes a split of {@code merged}; a concat of the
   * two with the merge's separator becomes a read of {@code merged}.
   */
  static Rewrite merged(JsonNode value, String first, String second, String merged, String separator) {
    ObjectNode spec = spec(value);
    if (spec == null) {
      return Rewrite.NONE;
    }
    JsonNode path = spec.get("path");
    if (path != null && (Paths.reads(path.asText(), first) || Paths.reads(path.asText(), second))) {
      boolean isFirst = Paths.reads(path.asText(), first);
      String renamed = Paths.renamed(path.asText(), isFirst ? first : second, merged);
      if (renamed == null) {
        return Rewrite.explain(path.asText() + " cannot become " + merged + ": the array levels differ");
      }
      ObjectNode split = NODES.objectNode();
      split.putObject("split").put("separator", separator).put("index", isFirst ? 0 : -1);
      ArrayNode steps = NODES.arrayNode().add(split);
      if (spec.get("transform") instanceof ArrayNode existing) {
        steps.addAll(existing);
      }
      ObjectNode out = withTransform(spec, steps);
      out.put("path", renamed);
      return Rewrite.to(out, "wrong when a part itself contains " + quote(separator));
    }
    if (spec.get("concat") instanceof ArrayNode concat) {
      for (int i = 0; i + 1 < concat.size(); i++) {
        if (!Paths.reads(concat.get(i).asText(), first) || !Paths.reads(concat.get(i + 1).asText(), second)) {
          continue;
        }
        String joins = spec.path("separator").asText("");
        if (!joins.equals(separator)) {
          return Rewrite.explain("its concat joins with " + quote(joins) + " but the merged value joins them with "
              + quote(separator));
        }
        String renamed = Paths.renamed(concat.get(i).asText(), first, merged);
        if (renamed == null) {
          return Rewrite.explain(concat.get(i).asText() + " cannot become " + merged + ": the array levels differ");
        }
        ArrayNode parts = NODES.arrayNode();
        for (int j = 0; j < concat.size(); j++) {
          if (j == i) {
            parts.add(renamed);
          } else if (j != i + 1) {
            parts.add(concat.get(j));
          }
        }
        if (parts.size() == 1) {
          return Rewrite.to(readOne(spec, renamed), null);
        }
        ObjectNode out = spec.deepCopy();
        out.set("concat", parts);
        return Rewrite.to(out, null);
      }
    }
    return Rewrite.explain("reads " + first + " and " + second + " other than as a pair in a concat, so no split "
        + "replaces them");
  }

  /** The value as an object: a bare path is {@code { path: it }}; null for anything else. */
  static ObjectNode spec(JsonNode value) {
    if (value.isTextual()) {
      ObjectNode spec = NODES.objectNode();
      spec.put("path", value.asText());
      return spec;
    }
    return value instanceof ObjectNode object ? object : null;
  }

  /** A copy of {@code spec} with {@code steps} as its transforms; new ones go right after the source keys. */
  static ObjectNode withTransform(ObjectNode spec, ArrayNode steps) {
    List<String> keys = new ArrayList<>();
    spec.fieldNames().forEachRemaining(keys::add);
    if (!keys.contains("transform")) {
      int lastSource = -1;
      for (int i = 0; i < keys.size(); i++) {
        if (List.of("path", "concat", "separator", "value").contains(keys.get(i))) {
          lastSource = i;
        }
      }
      keys.add(lastSource + 1, "transform");
    }
    ObjectNode out = NODES.objectNode();
    for (String key : keys) {
      out.set(key, key.equals("transform") ? steps : spec.get(key).deepCopy());
    }
    return out;
  }

  static String quote(String separator) {
    return "\"" + (separator == null ? "" : separator) + "\"";
  }

  /** A concat reduced to one part: {@code path} in its place, without the separator. */
  private static ObjectNode readOne(ObjectNode spec, String path) {
    ObjectNode out = NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> keys = spec.fields(); keys.hasNext(); ) {
      Map.Entry<String, JsonNode> key = keys.next();
      if (key.getKey().equals("concat")) {
        out.put("path", path);
      } else if (!key.getKey().equals("separator")) {
        out.set(key.getKey(), key.getValue());
      }
    }
    return out;
  }

  private static void renameText(ObjectNode object, String key, UnaryOperator<String> rename) {
    if (object.get(key) != null && object.get(key).isTextual()) {
      object.put(key, rename.apply(object.get(key).asText()));
    }
  }
}
