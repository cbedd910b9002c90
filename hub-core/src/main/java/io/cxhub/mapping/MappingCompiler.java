package io.cxhub.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.config.Problem;
import io.cxhub.config.YamlDocument;
import io.cxhub.taxonomy.FieldType;
import io.cxhub.taxonomy.Taxonomy;
import io.cxhub.taxonomy.TaxonomyEntity;
import io.cxhub.taxonomy.TaxonomyField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a schema-valid mapping document into a {@link Mapping}, checking it against the taxonomy:
 * entities and fields must exist, identity fields must have an identity type, enum targets and
 * constants must fit the field type. Every problem is recorded with its line.
 */
final class MappingCompiler {

  private final Taxonomy taxonomy;
  private final YamlDocument document;
  private final List<Problem> problems;
  private final TransformFactory transforms;

  MappingCompiler(Taxonomy taxonomy, YamlDocument document, String defaultPhoneRegion, List<Problem> problems) {
    this.taxonomy = taxonomy;
    this.document = document;
    this.problems = problems;
    this.transforms = new TransformFactory(document, defaultPhoneRegion, problems);
  }

  /** @return the mapping, or empty when problems were recorded */
  Optional<Mapping> compile() {
    int before = problems.size();
    JsonNode root = document.root();
    String system = root.get("system").asText();
    String stream = root.get("stream").asText();
    List<EntityMapping> entities = new ArrayList<>();
    JsonNode entityNodes = root.get("entities");
    for (int i = 0; i < entityNodes.size(); i++) {
      EntityMapping entity = entity(system, stream, entityNodes.get(i), YamlDocument.child("/entities", i));
      if (entity != null) {
        entities.add(entity);
      }
    }
    return problems.size() > before ? Optional.empty()
        : Optional.of(new Mapping(system, stream, document.file(), document.text(), entities));
  }

  private EntityMapping entity(String system, String stream, JsonNode node, String pointer) {
    String name = node.get("entity").asText();
    Optional<TaxonomyEntity> entity = taxonomy.entity(name);
    if (entity.isEmpty()) {
      problem(YamlDocument.child(pointer, "entity"), "unknown taxonomy entity '" + name + "': expected one of "
          + taxonomy.entities().keySet());
      return null;
    }
    JsonNode fieldNodes = node.get("fields");
    Set<String> required = names(node.get("required"), fieldNodes, YamlDocument.child(pointer, "required"), "required");
    Set<String> identity = names(node.get("identity"), fieldNodes, YamlDocument.child(pointer, "identity"), "identity");
    PayloadPath idPath = path(node.get("id").asText(), YamlDocument.child(pointer, "id"));

    List<FieldMapping> fields = new ArrayList<>();
    List<String> identityTypes = new ArrayList<>();
    String fieldsPointer = YamlDocument.child(pointer, "fields");
    Iterator<Map.Entry<String, JsonNode>> entries = fieldNodes.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String fieldPointer = YamlDocument.child(fieldsPointer, entry.getKey());
      Optional<TaxonomyField> field = entity.get().field(entry.getKey());
      if (field.isEmpty()) {
        problem(fieldPointer, "unknown field '" + entry.getKey() + "' of taxonomy entity '" + name
            + "': expected one of " + entity.get().fields().keySet());
        continue;
      }
      String identityType = null;
      if (identity.contains(entry.getKey())) {
        identityType = field.get().identityType().orElse(null);
        if (identityType == null) {
          problem(fieldPointer, "field " + field.get().qualifiedName() + " is listed under identity but the taxonomy "
              + "gives it no identity type: expected a field with 'identity:' in the taxonomy");
        }
      }
      FieldMapping mapping = field(system, stream, field.get(), entry.getValue(), fieldPointer,
          required.contains(entry.getKey()));
      if (mapping != null) {
        fields.add(mapping);
        identityTypes.add(identityType);
      }
    }
    return idPath == null ? null : new EntityMapping(system, stream, name, idPath, fields, identityTypes);
  }

  private FieldMapping field(String system, String stream, TaxonomyField field, JsonNode spec, String pointer,
      boolean required) {
    if (spec.isTextual()) {
      PayloadPath path = path(spec.asText(), pointer);
      return path == null ? null
          : new FieldMapping(system, stream, field, ValueSource.path(path), new Transform[0], null, required);
    }
    if (!hasSingleSource(spec, pointer)) {
      return null;
    }
    List<Transform> chain = new ArrayList<>();
    JsonNode transformNodes = spec.path("transform");
    boolean chainOk = true;
    for (int i = 0; i < transformNodes.size(); i++) {
      String transformPointer = YamlDocument.child(YamlDocument.child(pointer, "transform"), i);
      Transform transform = transforms.compile(transformNodes.get(i), transformPointer);
      chainOk &= transform != null;
      if (transform instanceof EnumTransform enumTransform) {
        checkEnumTargets(field, enumTransform, transformPointer);
      }
      chain.add(transform);
    }
    Object fallback = null;
    if (spec.has("default")) {
      fallback = checkedConstant(field, Values.fromJson(spec.get("default")), new Transform[0],
          YamlDocument.child(pointer, "default"), "default");
    }
    if (!chainOk) {
      return null;
    }
    Transform[] steps = chain.toArray(Transform[]::new);
    if (spec.has("value")) {
      Object constant = checkedConstant(field, Values.fromJson(spec.get("value")), steps,
          YamlDocument.child(pointer, "value"), "constant");
      return constant == null ? null
          : new FieldMapping(system, stream, field, ValueSource.constant(constant), new Transform[0], null, required);
    }
    ValueSource source = spec.has("path") ? pathSource(spec.get("path").asText(), YamlDocument.child(pointer, "path"))
        : concatSource(spec, pointer);
    return source == null ? null : new FieldMapping(system, stream, field, source, steps, fallback, required);
  }

  private boolean hasSingleSource(JsonNode spec, String pointer) {
    int kinds = (spec.has("path") ? 1 : 0) + (spec.has("concat") ? 1 : 0) + (spec.has("value") ? 1 : 0);
    if (kinds != 1) {
      problem(pointer, "field has " + (kinds == 0 ? "no source" : kinds + " sources")
          + ": expected exactly one of path, concat or value");
      return false;
    }
    if (spec.has("separator") && !spec.has("concat")) {
      problem(YamlDocument.child(pointer, "separator"), "separator without concat: expected it only next to concat");
      return false;
    }
    return true;
  }

  private ValueSource pathSource(String text, String pointer) {
    PayloadPath path = path(text, pointer);
    return path == null ? null : ValueSource.path(path);
  }

  private ValueSource concatSource(JsonNode spec, String pointer) {
    List<PayloadPath> parts = new ArrayList<>();
    JsonNode partNodes = spec.get("concat");
    for (int i = 0; i < partNodes.size(); i++) {
      PayloadPath part = path(partNodes.get(i).asText(), YamlDocument.child(YamlDocument.child(pointer, "concat"), i));
      if (part == null) {
        return null;
      }
      parts.add(part);
    }
    return new ConcatSource(parts, spec.path("separator").asText(""));
  }

  /** Runs a constant through its transforms and type check now, so a bad one fails the load, not every record. */
  private Object checkedConstant(TaxonomyField field, Object value, Transform[] steps, String pointer, String what) {
    try {
      Object result = value;
      for (Transform step : steps) {
        result = result == null ? null : step.apply(result);
      }
      if (result == null) {
        problem(pointer, what + " for " + field.qualifiedName() + " is empty: expected a value");
        return null;
      }
      return FieldTypeCheck.forField(field).apply(result);
    } catch (InvalidValueException e) {
      problem(pointer, what + " " + Values.show(e.value()) + " for " + field.qualifiedName() + " ("
          + field.type().yamlName() + "): " + e.expected());
      return null;
    }
  }

  private void checkEnumTargets(TaxonomyField field, EnumTransform transform, String pointer) {
    if (field.type() != FieldType.ENUM) {
      return;
    }
    Set<String> unknown = new java.util.TreeSet<>();
    transform.targetValues().forEach(target -> {
      if (!field.enumValues().contains(target)) {
        unknown.add(target);
      }
    });
    if (transform.fallback() != null && !field.enumValues().contains(transform.fallback())) {
      unknown.add(transform.fallback());
    }
    if (!unknown.isEmpty()) {
      problem(pointer, "enum transform for " + field.qualifiedName() + " maps to " + unknown
          + ", which the taxonomy does not allow: expected values from " + field.enumValues());
    }
  }

  private Set<String> names(JsonNode list, JsonNode fieldNodes, String pointer, String what) {
    Set<String> names = new HashSet<>();
    if (list == null) {
      return names;
    }
    for (int i = 0; i < list.size(); i++) {
      String name = list.get(i).asText();
      if (!fieldNodes.has(name)) {
        problem(YamlDocument.child(pointer, i), what + " field '" + name + "' is not mapped: expected one of the keys "
            + "under fields");
      }
      names.add(name);
    }
    return names;
  }

  private PayloadPath path(String text, String pointer) {
    try {
      return PayloadPath.parse(text);
    } catch (IllegalArgumentException e) {
      problem(pointer, e.getMessage());
      return null;
    }
  }

  private void problem(String pointer, String message) {
    problems.add(document.problem(pointer, message));
  }
}
