package io.cxhub.traits;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.config.Problem;
import io.cxhub.config.YamlDocument;
import io.cxhub.taxonomy.FieldType;
import io.cxhub.taxonomy.Taxonomy;
import io.cxhub.taxonomy.TaxonomyEntity;
import io.cxhub.taxonomy.TaxonomyField;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a schema-valid trait document against the taxonomy and builds its {@link TraitDefinition}.
 * Collects every problem instead of stopping at the first. One instance per document.
 */
final class TraitCompiler {

  /** Party records become profile attributes, not timeline events (see ProfileWriter). */
  private static final String ATTRIBUTE_ENTITY = "party";

  private final Taxonomy taxonomy;
  private final YamlDocument document;
  private final List<Problem> problems;
  private final String trait;

  TraitCompiler(Taxonomy taxonomy, YamlDocument document, List<Problem> problems) {
    this.taxonomy = taxonomy;
    this.document = document;
    this.problems = problems;
    this.trait = document.root().path("trait").asText();
  }

  Optional<TraitDefinition> compile() {
    JsonNode root = document.root();
    int before = problems.size();
    String entityName = root.path("entity").asText();
    Optional<TaxonomyEntity> entity = entity(entityName);
    Aggregate aggregate = Aggregate.fromYaml(root.path("aggregate").asText());
    Optional<TaxonomyField> field = entity.flatMap(e -> aggregatedField(e, aggregate));
    Where where = new Where(entity.map(this::conditions).orElse(List.of()));
    Optional<Duration> window = window();
    Optional<TaxonomyField> time = entity.flatMap(this::timeField);
    Optional<ChronoUnit> since = since(aggregate, field);
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new TraitDefinition(trait, root.path("description").asText(""), document.file(), entityName,
        aggregate, field, where, window, time, since, Fingerprint.of(root)));
  }

  private Optional<TaxonomyEntity> entity(String name) {
    if (ATTRIBUTE_ENTITY.equals(name)) {
      problem("/entity", "entity 'party' is kept as profile attributes, not timeline events: expected a timeline entity ("
          + timelineEntities() + ")");
      return Optional.empty();
    }
    Optional<TaxonomyEntity> entity = taxonomy.entity(name);
    if (entity.isEmpty()) {
      problem("/entity", "unknown entity '" + name + "': expected a timeline entity of the taxonomy (" + timelineEntities() + ")");
    }
    return entity;
  }

  private Optional<TaxonomyField> aggregatedField(TaxonomyEntity entity, Aggregate aggregate) {
    JsonNode node = document.root().get("field");
    if (!aggregate.needsField()) {
      if (node != null) {
        problem("/field", "aggregate '" + aggregate.yamlName() + "' counts events and takes no field: remove field '" + node.asText() + "'");
      }
      return Optional.empty();
    }
    if (node == null) {
      problem("/aggregate", "aggregate '" + aggregate.yamlName() + "' needs a field: expected field: with " + aggregate.expected()
          + " of " + entity.name());
      return Optional.empty();
    }
    Optional<TaxonomyField> field = field(entity, node.asText(), "/field");
    if (field.isPresent() && !aggregate.accepts(field.get().type())) {
      problem("/field", "aggregate '" + aggregate.yamlName() + "' cannot use " + field.get().qualifiedName() + " of type "
          + field.get().type().yamlName() + ": expected " + aggregate.expected());
      return Optional.empty();
    }
    return field;
  }

  private Optional<TaxonomyField> timeField(TaxonomyEntity entity) {
    JsonNode node = document.root().get("time");
    if (node == null) {
      return Optional.empty();
    }
    Optional<TaxonomyField> field = field(entity, node.asText(), "/time");
    if (field.isPresent() && field.get().type() != FieldType.TIMESTAMP && field.get().type() != FieldType.DATE) {
      problem("/time", "time field " + field.get().qualifiedName() + " is of type " + field.get().type().yamlName()
          + ": expected a timestamp or date field");
      return Optional.empty();
    }
    return field;
  }

  private Optional<Duration> window() {
    JsonNode node = document.root().get("window");
    if (node == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Window.parse(node.asText()));
    } catch (IllegalArgumentException e) {
      problem("/window", e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<ChronoUnit> since(Aggregate aggregate, Optional<TaxonomyField> field) {
    JsonNode node = document.root().get("since");
    if (node == null) {
      return Optional.empty();
    }
    boolean moment = field.map(f -> f.type() == FieldType.DATE || f.type() == FieldType.TIMESTAMP).orElse(false);
    boolean single = switch (aggregate) {
      case FIRST, LAST, MIN, MAX -> true;
      default -> false;
    };
    if (!single || !moment) {
      problem("/since", "since '" + node.asText() + "' needs a date or timestamp result, but the trait is "
          + aggregate.yamlName() + field.map(f -> " of " + f.qualifiedName() + " (" + f.type().yamlName() + ")").orElse("")
          + ": expected first, last, min or max of a date or timestamp field");
      return Optional.empty();
    }
    return Optional.of(ChronoUnit.valueOf(node.asText().toUpperCase(java.util.Locale.ROOT)));
  }

  private List<FieldCondition> conditions(TaxonomyEntity entity) {
    List<FieldCondition> conditions = new ArrayList<>();
    JsonNode where = document.root().get("where");
    if (where == null) {
      return conditions;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = where.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String pointer = YamlDocument.child("/where", entry.getKey());
      Optional<TaxonomyField> field = field(entity, entry.getKey(), pointer);
      if (field.isEmpty()) {
        continue;
      }
      ConditionParser parser = new ConditionParser(field.get(), document, pointer, problems);
      if (entry.getValue().isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> ops = entry.getValue().fields(); ops.hasNext(); ) {
          Map.Entry<String, JsonNode> op = ops.next();
          parser.parse(op.getKey(), op.getValue()).ifPresent(c -> conditions.add(new FieldCondition(field.get(), c)));
        }
      } else {
        parser.parse("eq", entry.getValue()).ifPresent(c -> conditions.add(new FieldCondition(field.get(), c)));
      }
    }
    return conditions;
  }

  private Optional<TaxonomyField> field(TaxonomyEntity entity, String name, String pointer) {
    Optional<TaxonomyField> field = entity.field(name);
    if (field.isEmpty()) {
      problem(pointer, "unknown field '" + name + "' of entity " + entity.name() + ": expected one of " + entity.fields().keySet());
    }
    return field;
  }

  private String timelineEntities() {
    return String.join(", ", taxonomy.entities().keySet().stream().filter(e -> !ATTRIBUTE_ENTITY.equals(e)).toList());
  }

  private void problem(String pointer, String message) {
    problems.add(document.problem(pointer, "trait " + trait + ": " + message));
  }
}
