package io.cxhub.drift;

import io.cxhub.mapping.FieldLineage;
import io.cxhub.taxonomy.FieldType;
import io.cxhub.taxonomy.Taxonomy;
import io.cxhub.taxonomy.TaxonomyField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the mapping change a drift calls for, as a YAML patch in the mapping file's own syntax
 * ({@code mappings/README.md}): per affected taxonomy field, the new source, and as a comment what
 * it replaces. Covers RENAMED, SPLIT, MERGED and FORMAT_CHANGED; only transforms the mapping engine
 * has are proposed, and where none fits the patch says so instead of inventing one.
 */
final class MappingProposals {

  private final Taxonomy taxonomy;

  MappingProposals(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  Optional<String> patch(Drift drift, String file, List<FieldLineage> fields, List<String> idPaths) {
    List<String> lines = new ArrayList<>();
    for (FieldLineage field : fields) {
      String line = switch (drift.kind()) {
        case RENAMED -> renamed(drift, field);
        case SPLIT -> split(drift, field);
        case MERGED -> merged(drift, field);
        case FORMAT_CHANGED -> formatChanged(drift, field);
        default -> null;
      };
      if (line != null) {
        lines.add("      " + field.field() + ": " + line);
      }
    }
    List<String> ids = new ArrayList<>();
    if (drift.kind() == DriftKind.RENAMED) {
      for (String id : idPaths) {
        ids.add("    id: " + replace(id, drift.oldFields().get(0), drift.newFields().get(0)) + "    # was: " + id);
      }
    }
    if (lines.isEmpty() && ids.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    out.append("# ").append(file).append(": ").append(drift.kind()).append(' ')
        .append(String.join(" + ", drift.oldFields())).append(" -> ").append(String.join(" + ", drift.newFields()))
        .append('\n');
    out.append("# replace these entries; keep each field's other keys (default, other transforms) as they are\n");
    String entity = fields.isEmpty() ? null : fields.get(0).entity();
    out.append("entities:\n  - entity: ").append(entity == null ? "<entity>" : entity).append('\n');
    ids.forEach(line -> out.append(line).append('\n'));
    if (!lines.isEmpty()) {
      out.append("    fields:\n");
      lines.forEach(line -> out.append(line).append('\n'));
    }
    return Optional.of(out.toString());
  }

  private static String renamed(Drift drift, FieldLineage field) {
    String old = drift.oldFields().get(0);
    String now = drift.newFields().get(0);
    if (field.paths().size() == 1) {
      return "{ path: " + replace(field.paths().get(0), old, now) + " }    # was: { path: " + field.paths().get(0) + " }";
    }
    List<String> paths = field.paths().stream().map(path -> replace(path, old, now)).toList();
    return "{ concat: " + paths + " }    # was: { concat: " + field.paths() + " }, keep its separator";
  }

  private static String split(Drift drift, FieldLineage field) {
    String separator = quote(drift.evidence().separator());
    List<String> parts = drift.newFields();
    if (field.paths().size() == 1) {
      return "{ concat: [" + parts.get(0) + ", " + parts.get(1) + "], separator: " + separator + " }    # was: { path: "
          + field.paths().get(0) + " }";
    }
    List<String> paths = new ArrayList<>();
    for (String path : field.paths()) {
      if (path.equals(drift.oldFields().get(0))) {
        paths.addAll(parts);
      } else {
        paths.add(path);
      }
    }
    return "{ concat: " + paths + " }    # was: { concat: " + field.paths() + " }; " + drift.oldFields().get(0)
        + " is now " + parts.get(0) + " + " + separator + " + " + parts.get(1);
  }

  private static String merged(Drift drift, FieldLineage field) {
    String first = drift.oldFields().get(0);
    String second = drift.oldFields().get(1);
    String merged = drift.newFields().get(0);
    String separator = quote(drift.evidence().separator());
    if (field.paths().size() == 1) {
      int index = field.paths().get(0).equals(first) ? 0 : -1;
      return "{ path: " + merged + ", transform: [{ split: { separator: " + separator + ", index: " + index
          + " } }] }    # was: { path: " + field.paths().get(0) + " }; wrong when a part itself contains "
          + separator;
    }
    if (field.paths().equals(List.of(first, second))) {
      return "{ path: " + merged + " }    # was: { concat: " + field.paths() + " }";
    }
    return null;
  }

  private String formatChanged(Drift drift, FieldLineage field) {
    ValueFormat after = drift.evidence().formatAfter();
    ValueFormat before = drift.evidence().formatBefore();
    FieldType target = targetType(field);
    String transform = switch (after == null ? ValueFormat.NONE : after) {
      case ISO_DATE -> target == FieldType.TIMESTAMP ? null : "date";
      case ISO_DATE_TIME -> target == FieldType.DATE ? null : "timestamp";
      case EPOCH_SECONDS -> target == FieldType.DATE ? null : "{ timestamp: epoch_seconds }";
      case EPOCH_MILLIS -> target == FieldType.DATE ? null : "{ timestamp: epoch_millis }";
      case NUMBER_STRING -> "to_decimal";
      case EMAIL -> "email";
      case PHONE -> "phone";
      case CURRENCY_AMOUNT, NONE -> null;
    };
    String was = "    # was " + (before == null ? "unknown" : before.spec()) + ", now "
        + (after == null ? "unknown" : after.spec());
    String source = field.paths().size() == 1 ? "path: " + field.paths().get(0) : "concat: " + field.paths();
    if (transform == null) {
      return "{ " + source + " }" + was + ": no mapping transform reads " + (after == null ? "it" : after.spec())
          + (target == null ? "" : " into a " + target.name().toLowerCase(java.util.Locale.ROOT))
          + "; a new transform is needed";
    }
    return "{ " + source + ", transform: [" + transform + "] }" + was;
  }

  private FieldType targetType(FieldLineage field) {
    if (taxonomy == null) {
      return null;
    }
    return taxonomy.field(field.entity(), field.field()).map(TaxonomyField::type).orElse(null);
  }

  private static String replace(String path, String old, String now) {
    String observed = Paths.fromMapping(path);
    if (observed.equals(old)) {
      return now;
    }
    return Paths.within(observed, old) ? now + observed.substring(old.length()) : path;
  }

  private static String quote(String separator) {
    return "\"" + (separator == null ? "" : separator) + "\"";
  }
}
