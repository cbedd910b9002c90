package io.cxhub.usecases;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.config.Problem;
import io.cxhub.config.YamlDocument;
import io.cxhub.taxonomy.Taxonomy;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * Checks a schema-valid use case document against the taxonomy, the traits and the known channels,
 * and compiles its CEL expressions. Collects every problem instead of stopping at the first. One
 * instance per document.
 */
final class UseCaseCompiler {

  /**
   * {@code traits.name} in an expression: the names are checked against the trait catalog, since CEL
   * sees {@code traits} as a map and would only fail at evaluation. (A match inside a string literal
   * is checked too; rename the literal if that ever matters.)
   */
  private static final Pattern TRAIT_REFERENCE = Pattern.compile("(?<![A-Za-z0-9_.])traits\\.([A-Za-z_][A-Za-z0-9_]*)");

  private final Taxonomy taxonomy;
  private final Optional<Set<String>> traitNames;
  private final YamlDocument document;
  private final List<Problem> problems;

  UseCaseCompiler(Taxonomy taxonomy, Optional<Set<String>> traitNames, YamlDocument document, List<Problem> problems) {
    this.taxonomy = taxonomy;
    this.traitNames = traitNames;
    this.document = document;
    this.problems = problems;
  }

  Optional<UseCase> compile() {
    JsonNode root = document.root();
    int before = problems.size();
    String id = root.path("usecase").asText();
    String fileName = document.file().getFileName().toString();
    String expectedId = fileName.replaceFirst("\\.ya?ml$", "");
    if (!id.equals(expectedId)) {
      problem("/usecase", "use case id '" + id + "' differs from its file name: expected usecase: " + expectedId);
    }
    Optional<LocalDate> start = day("/start");
    Optional<LocalDate> end = day("/end");
    if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
      problem("/end", "end " + end.get() + " is before start " + start.get() + ": expected a day on or after start");
    }
    Trigger trigger = trigger();
    Expression eligible = expression("/eligible", "eligible", CelEnvironment.ResultKind.BOOL);
    Optional<Expression> value = Optional.empty();
    JsonNode valueNode = root.get("value");
    if (valueNode != null) {
      value = Optional.ofNullable(valueNode.isNumber()
          ? expression("/value", "value", valueNode.asText(), CelEnvironment.ResultKind.NUMBER)
          : expression("/value", "value", CelEnvironment.ResultKind.NUMBER));
    }
    Action action = action();
    Optional<Expression> template = root.path("action").has("template")
        ? Optional.ofNullable(expression("/action/template", "action.template", CelEnvironment.ResultKind.MAP))
        : Optional.empty();
    List<String> channels = channels();
    List<Suppression> suppressions = new ArrayList<>();
    JsonNode rules = root.path("suppress");
    for (int i = 0; i < rules.size(); i++) {
      String pointer = "/suppress/" + i + "/when";
      Expression when = expression(pointer, "suppress[" + i + "].when", CelEnvironment.ResultKind.BOOL);
      suppressions.add(new Suppression(when, rules.get(i).path("reason").asText()));
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new UseCase(id, root.path("description").asText(""), document.file(),
        root.path("enabled").asBoolean(true), start, end, trigger, eligible, value, action, template, channels,
        root.path("priority").asInt(50), suppressions, root.path("holdout").asDouble(0)));
  }

  private Optional<LocalDate> day(String pointer) {
    JsonNode node = document.root().at(pointer);
    if (node.isMissingNode()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(node.asText()));
    } catch (DateTimeParseException e) {
      problem(pointer, "'" + node.asText() + "' is not a day: expected YYYY-MM-DD");
      return Optional.empty();
    }
  }

  private Trigger trigger() {
    JsonNode node = document.root().path("trigger");
    if (node.has("events")) {
      List<String> entities = new ArrayList<>();
      for (int i = 0; i < node.get("events").size(); i++) {
        String entity = node.get("events").get(i).asText();
        if (taxonomy.entity(entity).isEmpty()) {
          problem("/trigger/events/" + i, "unknown entity '" + entity + "': expected an entity of the taxonomy ("
              + String.join(", ", new TreeSet<>(taxonomy.entities().keySet())) + ")");
        }
        entities.add(entity);
      }
      return new Trigger.Events(entities);
    }
    if (node.has("traits")) {
      List<String> traits = new ArrayList<>();
      for (int i = 0; i < node.get("traits").size(); i++) {
        String trait = node.get("traits").get(i).asText();
        checkTrait(trait, "/trigger/traits/" + i);
        traits.add(trait);
      }
      return new Trigger.Traits(traits);
    }
    String cron = node.path("schedule").asText();
    if (!CronExpression.isValidExpression(cron)) {
      problem("/trigger/schedule", "schedule '" + cron
          + "' is not a Quartz cron expression: expected seconds minutes hours day-of-month month day-of-week, e.g. '0 0 9 ? * MON'");
    }
    return new Trigger.Schedule(cron);
  }

  private Action action() {
    JsonNode node = document.root().path("action");
    ActionType type = ActionType.valueOf(node.path("type").asText().toUpperCase(java.util.Locale.ROOT));
    Optional<String> offer = Optional.ofNullable(node.get("offer")).map(JsonNode::asText);
    if (type == ActionType.OFFER && offer.isEmpty()) {
      problem("/action/type", "action type offer needs an offer id: expected offer: <id> under action");
    }
    if (type != ActionType.OFFER && offer.isPresent()) {
      problem("/action/offer", "action type " + node.path("type").asText() + " takes no offer: remove offer '"
          + offer.get() + "' or use type offer");
    }
    return new Action(type, offer, Optional.ofNullable(node.get("template")).map(JsonNode::asText));
  }

  private List<String> channels() {
    List<String> channels = new ArrayList<>();
    JsonNode node = document.root().path("channels");
    for (int i = 0; i < node.size(); i++) {
      String channel = node.get(i).asText();
      if (!Channels.known(channel)) {
        problem("/channels/" + i, "unknown channel '" + channel + "': expected one of " + String.join(", ", Channels.KNOWN));
      }
      channels.add(channel);
    }
    return channels;
  }

  private Expression expression(String pointer, String role, CelEnvironment.ResultKind kind) {
    return expression(pointer, role, document.root().at(pointer).asText(), kind);
  }

  private Expression expression(String pointer, String role, String text, CelEnvironment.ResultKind kind) {
    Set<String> referenced = new java.util.LinkedHashSet<>();
    Matcher references = TRAIT_REFERENCE.matcher(text);
    while (references.find()) {
      referenced.add(references.group(1));
    }
    referenced.forEach(trait -> checkTrait(trait, pointer));
    CelEnvironment.Compiled compiled = CelEnvironment.compile(text, kind);
    if (compiled.error() != null) {
      problem(pointer, role + " expression '" + text.strip() + "' is not valid CEL of type " + kind.expected() + ": "
          + compiled.error());
      return null;
    }
    return new Expression(role, text, document.lineOf(pointer), compiled.program());
  }

  private void checkTrait(String trait, String pointer) {
    if (traitNames.isPresent() && !traitNames.get().contains(trait)) {
      problem(pointer, "unknown trait '" + trait + "': expected a trait of traits/ ("
          + (traitNames.get().isEmpty() ? "none defined" : String.join(", ", new TreeSet<>(traitNames.get()))) + ")");
    }
  }

  private void problem(String pointer, String message) {
    problems.add(document.problem(pointer, message));
  }
}
