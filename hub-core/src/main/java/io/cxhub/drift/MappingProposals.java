package io.cxhub.drift;

import io.cxhub.mapping.MappingEdit;
import io.cxhub.config.ConfigProblemsException;
import io.cxhub.mapping.FieldLineage;
import io.cxhub.mapping.FlowYaml;
import io.cxhub.mapping.Mapping;
import io.cxhub.mapping.MappingEditException;
import io.cxhub.mapping.MappingText;
import io.cxhub.taxonomy.FieldType;
import io.cxhub.taxonomy.Taxonomy;
import io.cxhub.taxonomy.TaxonomyField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mapping change a drift calls for (RENAMED, SPLIT, MERGED, FORMAT_CHANGED), as
 * {@link MappingEdit}s and as a YAML patch for people. Both come from one computation: each edit
 * is a line of the patch, with what it replaces in a {@code # was:} comment. New values are
 * computed from the mapping's own text ({@link Mapping#text()}), so they keep each field's other
 * keys and quote the current value exactly. Where no transform the engine has fits, the patch says
 * so in a comment and there is no edit.
 */
final class MappingProposals {

  /** The patch text and the edits it shows. */
  record Proposal(String text, List<MappingEdit> edits) {}

  private final Taxonomy taxonomy;

  MappingProposals(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /**
   * @param file the mapping file as the drift names it
   * @param fields the mapped fields that read an affected path
   */
  Optional<Proposal> propose(Drift drift, Mapping mapping, String file, List<FieldLineage> fields) {
    boolean shaped = switch (drift.kind()) {
      case RENAMED -> drift.oldFields().size() == 1 && drift.newFields().size() == 1;
      case SPLIT -> drift.oldFields().size() == 1 && drift.newFields().size() >= 2;
      case MERGED -> drift.oldFields().size() == 2 && drift.newFields().size() == 1;
      case FORMAT_CHANGED -> drift.oldFields().size() == 1 && drift.evidence() != null;
      default -> false;
    };
    // only a rename can touch entity ids, which no field lineage lists
    if (!shaped || mapping.text() == null || (fields.isEmpty() && drift.kind() != DriftKind.RENAMED)) {
      return Optional.empty();
    }
    MappingText text;
    try {
      text = MappingText.parse(mapping.file(), mapping.text());
    } catch (ConfigProblemsException e) {
      return Optional.empty(); // cannot happen for text that compiled
    }
    List<MappingEdit> edits = new ArrayList<>();
    Map<String, Lines> byEntity = new LinkedHashMap<>();
    if (drift.kind() == DriftKind.RENAMED) {
      for (String entity : text.entities()) {
        MappingText.Span id = span(text, entity, "id");
        if (id == null || !id.value().isTextual()) {
          continue;
        }
        Rewrite rewrite = SourceRewrites.renamed(id.value(), drift.oldFields().get(0), drift.newFields().get(0));
        line(file, entity, "id", id, rewrite, edits, byEntity.computeIfAbsent(entity, e -> new Lines()).id);
      }
    }
    for (FieldLineage field : fields) {
      MappingText.Span value = span(text, field.entity(), "fields." + field.field());
      if (value != null) {
        line(file, field.entity(), "fields." + field.field(), value, rewrite(drift, field, value),
            edits, byEntity.computeIfAbsent(field.entity(), e -> new Lines()).fields);
      }
    }
    byEntity.values().removeIf(Lines::isEmpty);
    if (byEntity.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Proposal(patch(drift, file, byEntity), List.copyOf(edits)));
  }

  private Rewrite rewrite(Drift drift, FieldLineage field, MappingText.Span value) {
    List<String> old = drift.oldFields();
    List<String> now = drift.newFields();
    String separator = drift.evidence() == null || drift.evidence().separator() == null ? ""
        : drift.evidence().separator();
    return switch (drift.kind()) {
      case RENAMED -> SourceRewrites.renamed(value.value(), old.get(0), now.get(0));
      case SPLIT -> SourceRewrites.split(value.value(), old.get(0), now, separator);
      case MERGED -> SourceRewrites.merged(value.value(), old.get(0), old.get(1), now.get(0), separator);
      case FORMAT_CHANGED -> FormatRewrites.changed(value.value(), old.get(0), drift.evidence().formatBefore(),
          drift.evidence().formatAfter(), targetType(field),
          drift.evidence().examplesAfter().stream().anyMatch(example -> example.indexOf('.') >= 0));
      default -> Rewrite.NONE;
    };
  }

  /** One patch line (and, for a new value, its edit) for the value at {@code key}. */
  private static void line(String file, String entity, String key, MappingText.Span current, Rewrite rewrite,
      List<MappingEdit> edits, List<String> lines) {
    String name = key.equals("id") ? "id" : key.substring("fields.".length());
    String was = current.text().contains("\n") ? FlowYaml.write(current.value()) : current.text();
    if (rewrite.value() != null) {
      MappingEdit edit = new MappingEdit(file, entity, key, FlowYaml.write(rewrite.value()), current.text());
      edits.add(edit);
      lines.add(name + ": " + edit.source() + "    # was: " + was + (rewrite.note() == null ? "" : "; " + rewrite.note()));
    } else if (rewrite.note() != null) {
      lines.add(name + ": " + was + "    # " + rewrite.note());
    }
  }

  private static String patch(Drift drift, String file, Map<String, Lines> byEntity) {
    StringBuilder out = new StringBuilder();
    out.append("# ").append(file).append(": ").append(drift.kind()).append(' ')
        .append(String.join(" + ", drift.oldFields())).append(" -> ").append(String.join(" + ", drift.newFields()))
        .append('\n');
    out.append("# replace these values; each is complete, the rest of the file stays as it is\n");
    out.append("entities:\n");
    byEntity.forEach((entity, lines) -> {
      out.append("  - entity: ").append(entity).append('\n');
      lines.id.forEach(line -> out.append("    ").append(line).append('\n'));
      if (!lines.fields.isEmpty()) {
        out.append("    fields:\n");
        lines.fields.forEach(line -> out.append("      ").append(line).append('\n'));
      }
    });
    return out.toString();
  }

  /** Null when the entity is ambiguous or the key is gone: the patch then skips that value. */
  private static MappingText.Span span(MappingText text, String entity, String key) {
    try {
      return text.locate(entity, key);
    } catch (MappingEditException e) {
      return null;
    }
  }

  private FieldType targetType(FieldLineage field) {
    if (taxonomy == null) {
      return null;
    }
    return taxonomy.field(field.entity(), field.field()).map(TaxonomyField::type).orElse(null);
  }

  /** Patch lines of one entity. */
  private static final class Lines {
    final List<String> id = new ArrayList<>();
    final List<String> fields = new ArrayList<>();

    boolean isEmpty() {
      return id.isEmpty() && fields.isEmpty();
    }
  }
}
