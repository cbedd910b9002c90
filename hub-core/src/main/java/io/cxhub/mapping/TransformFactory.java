package io.cxhub.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.config.Problem;
import io.cxhub.config.YamlDocument;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles one transform entry of a mapping file into a {@link Transform}. The schema has already
 * checked names and shapes; this checks what a schema cannot (patterns, regions, one key per
 * entry) and reports problems on the entry's line.
 */
final class TransformFactory {

  private final YamlDocument document;
  private final String defaultPhoneRegion;
  private final List<Problem> problems;

  TransformFactory(YamlDocument document, String defaultPhoneRegion, List<Problem> problems) {
    this.document = document;
    this.defaultPhoneRegion = defaultPhoneRegion;
    this.problems = problems;
  }

  /** @return the transform, or {@code null} after recording a problem */
  Transform compile(JsonNode spec, String pointer) {
    if (spec.isTextual()) {
      return named(spec.asText(), pointer);
    }
    List<String> keys = new ArrayList<>();
    spec.fieldNames().forEachRemaining(keys::add);
    keys.remove("default");
    if (keys.size() != 1) {
      return fail(pointer, "transform entry has keys " + keys + ": expected exactly one of enum, date, timestamp, "
          + "split, phone (use one list entry per transform)");
    }
    String name = keys.get(0);
    if (spec.has("default") && !"enum".equals(name)) {
      return fail(YamlDocument.child(pointer, "default"), "'default' is only allowed with the enum transform, found it with '"
          + name + "': expected a field-level default instead");
    }
    String argPointer = YamlDocument.child(pointer, name);
    JsonNode arg = spec.get(name);
    return switch (name) {
      case "enum" -> enumTransform(arg, spec.get("default"));
      case "date" -> datePattern(arg.asText(), argPointer);
      case "timestamp" -> timestamp(arg.asText(), argPointer);
      case "split" -> TextTransforms.split(arg.get("separator").asText(), arg.get("index").intValue());
      case "phone" -> phone(arg.has("region") ? arg.get("region").asText() : defaultPhoneRegion,
          arg.has("region_from") ? arg.get("region_from").asText() : null, YamlDocument.child(argPointer, "region"));
      default -> fail(pointer, "unknown transform '" + name + "': expected enum, date, timestamp, split or phone");
    };
  }

  private Transform named(String name, String pointer) {
    return switch (name) {
      case "trim" -> TextTransforms.TRIM;
      case "lower" -> TextTransforms.LOWER;
      case "upper" -> TextTransforms.UPPER;
      case "cents_to_decimal" -> NumberTransforms.CENTS_TO_DECIMAL;
      case "to_decimal" -> NumberTransforms.TO_DECIMAL;
      case "to_integer" -> NumberTransforms.TO_INTEGER;
      case "email" -> ContactTransforms.EMAIL_NORMALIZE;
      case "phone" -> phone(defaultPhoneRegion, null, pointer);
      case "date" -> TimeTransforms.ISO_DATE;
      case "timestamp" -> TimeTransforms.ISO_TIMESTAMP;
      default -> fail(pointer, "unknown transform '" + name + "': expected trim, lower, upper, cents_to_decimal, "
          + "to_decimal, to_integer, email, phone, date or timestamp");
    };
  }

  private Transform enumTransform(JsonNode table, JsonNode fallback) {
    Map<String, String> targets = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> entries = table.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      targets.put(entry.getKey(), entry.getValue().asText());
    }
    return new EnumTransform(targets, fallback == null ? null : fallback.asText());
  }

  private Transform datePattern(String pattern, String pointer) {
    try {
      return TimeTransforms.date(pattern);
    } catch (IllegalArgumentException e) {
      return fail(pointer, "invalid date pattern '" + pattern + "' (" + e.getMessage()
          + "): expected a java.time pattern such as yyyy-MM-dd");
    }
  }

  private Transform timestamp(String format, String pointer) {
    switch (format) {
      case "iso":
        return TimeTransforms.ISO_TIMESTAMP;
      case "epoch_seconds":
        return TimeTransforms.EPOCH_SECONDS;
      case "epoch_millis":
        return TimeTransforms.EPOCH_MILLIS;
      default:
        try {
          return TimeTransforms.timestamp(format);
        } catch (IllegalArgumentException e) {
          return fail(pointer, "invalid timestamp format '" + format + "' (" + e.getMessage()
              + "): expected iso, epoch_seconds, epoch_millis or a java.time pattern");
        }
    }
  }

  private Transform phone(String region, String regionFrom, String pointer) {
    if (!ContactTransforms.isKnownRegion(region)) {
      return fail(pointer, "unknown phone region '" + region + "': expected an ISO-3166 alpha-2 region such as US or GB");
    }
    return regionFrom == null ? ContactTransforms.phone(region)
        : ContactTransforms.phone(region, PayloadPath.parse(regionFrom));
  }

  private Transform fail(String pointer, String message) {
    problems.add(document.problem(pointer, message));
    return null;
  }
}
