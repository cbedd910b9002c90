package io.cxhub.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cxhub.taxonomy.FieldType;
import java.util.Locale;
import java.util.Set;

/**
 * New values of mapped fields whose source changed format (date-time to epoch, number to numeric
 * string): the transform that reads the new format, in place of the one that read the old. Only
 * transforms the mapping engine has are proposed; where none fits, the note says so.
 */
final class FormatRewrites {

  private static final Set<String> TEMPORAL = Set.of("date", "timestamp");
  /** They require strings, so they go when the value becomes a number. */
  private static final Set<String> TEXT_ONLY = Set.of("trim", "lower", "upper", "split");

  private FormatRewrites() {}

  /**
   * @param path the observed path whose format changed
   * @param target the taxonomy type of the mapped field, or null when unknown
   */
  static Rewrite changed(JsonNode value, String path, ValueFormat before, ValueFormat after, FieldType target) {
    return changed(value, path, before, after, target, false);
  }

  /**
   * @param fractional the new values have decimals ({@code "19.99"}): numeric strings that replace
   *     whole cents are then in the currency unit, read with {@code to_decimal} instead of as cents
   */
  static Rewrite changed(JsonNode value, String path, ValueFormat before, ValueFormat after, FieldType target,
      boolean fractional) {
    ObjectNode spec = SourceRewrites.spec(value);
    if (spec == null) {
      return Rewrite.NONE;
    }
    String formats = "was " + (before == null ? "unknown" : before.spec()) + ", now "
        + (after == null ? "unknown" : after.spec());
    if (spec.get("path") == null || !Paths.reads(spec.get("path").asText(), path)) {
      return spec.get("concat") instanceof ArrayNode concat && reads(concat, path)
          ? Rewrite.explain(formats + ": it is read inside a concat, where a transform applies to the joined value; "
              + "a new transform is needed")
          : Rewrite.NONE; // read by a transform (a phone's region_from): the format of a code does not matter there
    }
    JsonNode wanted = transform(after, target);
    if (wanted == null) {
      return Rewrite.explain(formats + ": no mapping transform reads " + (after == null ? "it" : after.spec())
          + (target == null ? "" : " into a " + target.name().toLowerCase(Locale.ROOT)) + "; a new transform is needed");
    }
    ArrayNode steps = spec.get("transform") instanceof ArrayNode existing ? existing.deepCopy()
        : SourceRewrites.NODES.arrayNode();
    ArrayNode placed = place(steps, wanted, after, fractional);
    return placed == null ? Rewrite.NONE : Rewrite.to(SourceRewrites.withTransform(spec, placed), formats);
  }

  private static JsonNode transform(ValueFormat after, FieldType target) {
    return switch (after == null ? ValueFormat.NONE : after) {
      case ISO_DATE -> target == FieldType.TIMESTAMP ? null : TextNode.valueOf("date");
      case ISO_DATE_TIME -> target == FieldType.DATE ? null : TextNode.valueOf("timestamp");
      case EPOCH_SECONDS -> target == FieldType.DATE ? null : SourceRewrites.NODES.objectNode().put("timestamp", "epoch_seconds");
      case EPOCH_MILLIS -> target == FieldType.DATE ? null : SourceRewrites.NODES.objectNode().put("timestamp", "epoch_millis");
      case NUMBER_STRING -> TextNode.valueOf(target == FieldType.INTEGER ? "to_integer" : "to_decimal");
      case EMAIL -> TextNode.valueOf("email");
      case PHONE -> TextNode.valueOf("phone");
      case CURRENCY_AMOUNT, NONE -> null;
    };
  }

  /** {@code steps} reading the new format, or null when they already do. */
  private static ArrayNode place(ArrayNode steps, JsonNode wanted, ValueFormat after, boolean fractional) {
    switch (after) {
      case NUMBER_STRING -> {
        if (indexOf(steps, Set.of("to_decimal", "to_integer")) >= 0) {
          return null; // both read numeric strings already
        }
        int cents = indexOf(steps, Set.of("cents_to_decimal"));
        if (cents >= 0 && fractional) { // 1999 became "19.99": no longer cents
          steps.set(cents, TextNode.valueOf("to_decimal"));
          return steps;
        }
        steps.insert(Math.max(cents, 0), cents >= 0 ? TextNode.valueOf("to_integer") : wanted);
        return steps;
      }
      case EMAIL, PHONE -> {
        if (indexOf(steps, Set.of(name(wanted))) >= 0) {
          return null;
        }
        steps.insert(0, wanted);
        return steps;
      }
      default -> {
        for (JsonNode step : steps) {
          if (step.equals(wanted)) {
            return null;
          }
        }
        boolean number = after == ValueFormat.EPOCH_SECONDS || after == ValueFormat.EPOCH_MILLIS;
        ArrayNode kept = SourceRewrites.NODES.arrayNode();
        int at = -1;
        for (JsonNode step : steps) {
          if (TEMPORAL.contains(name(step))) {
            at = at < 0 ? kept.size() : at;
          } else if (!(number && TEXT_ONLY.contains(name(step)))) {
            kept.add(step);
          }
        }
        kept.insert(Math.max(at, 0), wanted);
        return kept;
      }
    }
  }

  private static int indexOf(ArrayNode steps, Set<String> names) {
    for (int i = 0; i < steps.size(); i++) {
      if (names.contains(name(steps.get(i)))) {
        return i;
      }
    }
    return -1;
  }

  /** A transform's name: the bare word, or the key of a parameterized one ({@code enum} beside its default). */
  private static String name(JsonNode step) {
    if (step.isTextual()) {
      return step.asText();
    }
    if (step.has("enum")) {
      return "enum";
    }
    return step.fieldNames().hasNext() ? step.fieldNames().next() : "";
  }

  private static boolean reads(ArrayNode concat, String path) {
    for (JsonNode part : concat) {
      if (Paths.reads(part.asText(), path)) {
        return true;
      }
    }
    return false;
  }
}
