package io.cxhub.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.config.ConfigProblemsException;
import io.cxhub.config.Problem;
import io.cxhub.config.SchemaValidator;
import io.cxhub.config.YamlDocument;
import io.cxhub.config.YamlLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads taxonomy files, validates each against the schema and merges them by entity. */
final class TaxonomyLoader {

  /** The shipped taxonomy v1, in load order. */
  static final List<String> DEFAULT_RESOURCES = List.of(
      "taxonomy/party.yaml", "taxonomy/engagement.yaml", "taxonomy/billing.yaml", "taxonomy/decisioning.yaml");

  private static final SchemaValidator SCHEMA = SchemaValidator.forClasspathSchema("schema/taxonomy.schema.json");

  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, String> entityDescriptions = new LinkedHashMap<>();
  private final Map<String, Map<String, TaxonomyField>> fieldsByEntity = new LinkedHashMap<>();
  private final Map<String, Integer> definitionLines = new LinkedHashMap<>();
  private Integer version;
  private Path versionFile;

  Taxonomy load(List<Path> dirsOrFiles) {
    for (String resource : DEFAULT_RESOURCES) {
      parse(() -> YamlLoader.parse(Path.of("classpath:" + resource), readResource(resource)));
    }
    for (Path file : expand(dirsOrFiles)) {
      parse(() -> YamlLoader.load(file));
    }
    if (!problems.isEmpty()) {
      throw new ConfigProblemsException(problems);
    }
    Map<String, TaxonomyEntity> entities = new LinkedHashMap<>();
    fieldsByEntity.forEach((name, fields) ->
        entities.put(name, new TaxonomyEntity(name, entityDescriptions.getOrDefault(name, ""), fields)));
    return new Taxonomy(version, entities);
  }

  private interface DocumentSource {
    YamlDocument read();
  }

  private void parse(DocumentSource source) {
    YamlDocument document;
    try {
      document = source.read();
    } catch (ConfigProblemsException e) {
      problems.addAll(e.problems());
      return;
    }
    List<Problem> schemaProblems = SCHEMA.validate(document);
    if (!schemaProblems.isEmpty()) {
      problems.addAll(schemaProblems);
      return;
    }
    merge(document);
  }

  private void merge(YamlDocument document) {
    int fileVersion = document.root().get("version").intValue();
    if (version == null) {
      version = fileVersion;
      versionFile = document.file();
    } else if (version != fileVersion) {
      problems.add(document.problem("/version", "version " + fileVersion + " differs from version " + version
          + " declared in " + versionFile + ": expected all taxonomy files to share one version"));
    }
    Iterator<Map.Entry<String, JsonNode>> entities = document.root().get("entities").fields();
    while (entities.hasNext()) {
      Map.Entry<String, JsonNode> entity = entities.next();
      String pointer = YamlDocument.child("/entities", entity.getKey());
      JsonNode description = entity.getValue().get("description");
      if (description != null) {
        entityDescriptions.putIfAbsent(entity.getKey(), description.asText());
      }
      Map<String, TaxonomyField> fields = fieldsByEntity.computeIfAbsent(entity.getKey(), k -> new LinkedHashMap<>());
      Iterator<Map.Entry<String, JsonNode>> fieldNodes = entity.getValue().get("fields").fields();
      while (fieldNodes.hasNext()) {
        Map.Entry<String, JsonNode> fieldNode = fieldNodes.next();
        String fieldPointer = YamlDocument.child(YamlDocument.child(pointer, "fields"), fieldNode.getKey());
        TaxonomyField field = toField(entity.getKey(), fieldNode.getKey(), fieldNode.getValue(), document.file());
        TaxonomyField earlier = fields.get(field.name());
        if (earlier != null) {
          problems.add(document.problem(fieldPointer, "field " + field.qualifiedName() + " is already defined in "
              + earlier.definedIn() + ":" + definitionLines.get(field.qualifiedName())
              + ": expected each field to be defined once (add new fields, do not redefine shipped ones)"));
          continue;
        }
        fields.put(field.name(), field);
        definitionLines.put(field.qualifiedName(), document.lineOf(fieldPointer));
      }
    }
  }

  private static TaxonomyField toField(String entity, String name, JsonNode node, Path file) {
    FieldType type = FieldType.valueOf(node.get("type").asText().toUpperCase(Locale.ROOT));
    List<String> values = new ArrayList<>();
    node.path("values").forEach(value -> values.add(value.asText()));
    List<String> sources = new ArrayList<>();
    node.path("sources").forEach(source -> sources.add(source.asText()));
    SurvivorshipRule rule = SurvivorshipRule.valueOf(node.get("survivorship").asText().toUpperCase(Locale.ROOT));
    Optional<String> identity = Optional.ofNullable(node.get("identity")).map(JsonNode::asText);
    return new TaxonomyField(entity, name, type, values, node.path("pii").asBoolean(false),
        new Survivorship(rule, sources), identity, node.path("description").asText(""), file);
  }

  private List<Path> expand(List<Path> dirsOrFiles) {
    List<Path> files = new ArrayList<>();
    for (Path path : dirsOrFiles) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> listing = Files.list(path)) {
          listing.filter(TaxonomyLoader::isYaml).sorted().forEach(files::add);
        } catch (IOException e) {
          problems.add(new Problem(path, 0, "cannot list taxonomy directory: " + e.getMessage()));
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        problems.add(new Problem(path, 0, "taxonomy path does not exist: expected a .yaml file or a directory"));
      }
    }
    return files;
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
  }

  private static String readResource(String resource) {
    try (InputStream in = TaxonomyLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("shipped taxonomy resource " + resource + " is missing from the hub-core jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read shipped taxonomy resource " + resource, e);
    }
  }
}
