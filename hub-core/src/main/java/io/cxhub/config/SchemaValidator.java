package io.cxhub.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a {@link YamlDocument} against a JSON Schema (draft 2020-12) from the classpath and turns
 * each schema error into a {@link Problem} on the line of the offending node. Thread-safe.
 */
public final class SchemaValidator {

  private static final int MAX_SHOWN_VALUE = 60;

  private final JsonSchema schema;

  private SchemaValidator(JsonSchema schema) {
    this.schema = schema;
  }

  /** @param resource classpath resource, e.g. {@code schema/mapping.schema.json} */
  public static SchemaValidator forClasspathSchema(String resource) {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    return new SchemaValidator(factory.getSchema(SchemaLocation.of("classpath:" + resource)));
  }

  /** Every schema violation in the document, ordered by line; empty when it conforms. */
  public List<Problem> validate(YamlDocument document) {
    List<Problem> problems = new ArrayList<>();
    for (ValidationMessage message : schema.validate(document.root())) {
      String pointer = pointerOf(message);
      problems.add(document.problem(pointer, describe(message)));
    }
    problems.sort(Comparator.comparingInt(Problem::line).thenComparing(Problem::message));
    return problems;
  }

  /**
   * For an unknown key the validator points at the enclosing object; we point at the key itself,
   * which is the line with the typo.
   */
  private static String pointerOf(ValidationMessage message) {
    String pointer = toPointer(message.getInstanceLocation());
    if ("additionalProperties".equals(message.getType()) && message.getProperty() != null) {
      return YamlDocument.child(pointer, message.getProperty());
    }
    return pointer;
  }

  private static String toPointer(JsonNodePath path) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      if (element instanceof Integer index) {
        pointer.append('/').append(index);
      } else {
        pointer.append('/').append(String.valueOf(element).replace("~", "~0").replace("/", "~1"));
      }
    }
    return pointer.toString();
  }

  private static String describe(ValidationMessage message) {
    String text = message.getMessage();
    JsonNode value = message.getInstanceNode();
    if (value != null && value.isValueNode() && !"additionalProperties".equals(message.getType())) {
      String shown = value.isTextual() ? "'" + value.asText() + "'" : value.toString();
      if (shown.length() > MAX_SHOWN_VALUE) {
        shown = shown.substring(0, MAX_SHOWN_VALUE) + "...";
      }
      text = text + " (found " + shown + ")";
    }
    return text;
  }
}
