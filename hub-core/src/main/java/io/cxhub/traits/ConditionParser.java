package io.cxhub.traits;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.config.Problem;
import io.cxhub.config.YamlDocument;
import io.cxhub.taxonomy.FieldType;
import io.cxhub.taxonomy.TaxonomyField;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/** Turns the operators of one {@code where} entry into conditions, checking each constant against the field's type. */
final class ConditionParser {

  private final TaxonomyField field;
  private final YamlDocument document;
  private final String pointer;
  private final List<Problem> problems;

  ConditionParser(TaxonomyField field, YamlDocument document, String pointer, List<Problem> problems) {
    this.field = field;
    this.document = document;
    this.pointer = pointer;
    this.problems = problems;
  }

  /** Empty after recording a problem. The schema has already limited {@code op} to the known operators. */
  Optional<Condition> parse(String op, JsonNode node) {
    // for the shorthand (a plain value) the operator node does not exist and the line is the entry's
    String where = YamlDocument.child(pointer, op);
    return switch (op) {
      case "eq" -> constant(node, where).map(c -> (v, now) -> v != null && FieldValues.compare(v, c) == 0);
      case "ne" -> constant(node, where).map(c -> (v, now) -> v == null || FieldValues.compare(v, c) != 0);
      case "in", "not_in" -> constants(node, where).map(cs -> {
        boolean in = op.equals("in");
        return (v, now) -> (v != null && cs.stream().anyMatch(c -> FieldValues.compare(v, c) == 0)) == in;
      });
      case "lt" -> number(op, node, where, c -> c < 0);
      case "lte" -> number(op, node, where, c -> c <= 0);
      case "gt" -> number(op, node, where, c -> c > 0);
      case "gte" -> number(op, node, where, c -> c >= 0);
      case "before", "after" -> moment(op, node, where);
      case "exists" -> {
        boolean wanted = node.booleanValue();
        yield Optional.of((v, now) -> (v != null) == wanted);
      }
      default -> throw new IllegalStateException("operator " + op + " passed the schema but has no parser");
    };
  }

  private Optional<Condition> number(String op, JsonNode node, String at, IntPredicate holds) {
    if (field.type() != FieldType.INTEGER && field.type() != FieldType.DECIMAL) {
      return fail(at, "'" + op + "' compares numbers, but " + field.qualifiedName() + " is of type " + field.type().yamlName()
          + ": expected an integer or decimal field (use before/after for dates and timestamps)");
    }
    BigDecimal bound = node.decimalValue();
    return Optional.of((v, now) -> v != null && holds.test(((BigDecimal) v).compareTo(bound)));
  }

  private Optional<Condition> moment(String op, JsonNode node, String at) {
    if (field.type() != FieldType.DATE && field.type() != FieldType.TIMESTAMP) {
      return fail(at, "'" + op + "' compares dates or timestamps, but " + field.qualifiedName() + " is of type "
          + field.type().yamlName() + ": expected a date or timestamp field");
    }
    boolean before = op.equals("before");
    if (node.asText().equals("now")) {
      return Optional.of(new NowComparison(before));
    }
    Object bound;
    try {
      bound = field.type() == FieldType.DATE ? LocalDate.parse(node.asText()) : Instant.parse(node.asText());
    } catch (DateTimeParseException e) {
      return fail(at, "'" + op + "' value '" + node.asText() + "' is not a moment: expected now or " + expected(field.type()));
    }
    return Optional.of((v, now) -> v != null && (before ? FieldValues.compare(v, bound) < 0 : FieldValues.compare(v, bound) > 0));
  }

  private Optional<List<Object>> constants(JsonNode node, String at) {
    List<Object> values = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < node.size(); i++) {
      Optional<Object> value = constant(node.get(i), YamlDocument.child(at, i));
      ok &= value.isPresent();
      value.ifPresent(values::add);
    }
    return ok ? Optional.of(values) : Optional.empty();
  }

  /** A YAML constant as the comparable value the field's data is read as. */
  private Optional<Object> constant(JsonNode node, String at) {
    FieldType type = field.type();
    String shown = node.isTextual() ? "'" + node.asText() + "'" : node.toString();
    try {
      Object value = switch (type) {
        case INTEGER -> node.isIntegralNumber() || (node.isNumber() && node.decimalValue().stripTrailingZeros().scale() <= 0)
            ? node.decimalValue() : null;
        case DECIMAL -> node.isNumber() ? node.decimalValue() : null;
        case BOOLEAN -> node.isBoolean() ? node.booleanValue() : null;
        case DATE -> node.isTextual() ? LocalDate.parse(node.asText()) : null;
        case TIMESTAMP -> node.isTextual() ? Instant.parse(node.asText()) : null;
        case ENUM -> node.isTextual() && field.enumValues().contains(node.asText()) ? node.asText() : null;
        case CURRENCY -> node.isTextual() && node.asText().matches("[A-Z]{3}") ? node.asText() : null;
        case STRING -> node.isValueNode() ? node.asText() : null;
      };
      if (value != null) {
        return Optional.of(value);
      }
    } catch (DateTimeParseException e) {
      // reported below with what was expected
    }
    return fail(at, "value " + shown + " does not fit " + field.qualifiedName() + ": expected " + expected(type));
  }

  private String expected(FieldType type) {
    return switch (type) {
      case INTEGER -> "a whole number";
      case DECIMAL -> "a number";
      case BOOLEAN -> "true or false";
      case DATE -> "an ISO date such as 2026-01-31";
      case TIMESTAMP -> "an ISO timestamp with offset such as 2026-01-31T12:00:00Z";
      case ENUM -> "one of " + field.enumValues();
      case CURRENCY -> "an ISO-4217 code such as USD";
      case STRING -> "a string";
    };
  }

  private <T> Optional<T> fail(String at, String message) {
    problems.add(document.problem(at, "trait " + document.root().path("trait").asText() + ": " + message));
    return Optional.empty();
  }
}
