package io.cxhub.usecases;

import dev.cel.runtime.CelEvaluationException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One loaded use case, its expressions compiled once. {@link #evaluate} is pure and thread-safe, and
 * never throws for what an expression does with the data: that is an {@link Outcome.Status#ERROR}.
 */
public final class UseCase {

  private final String id;
  private final String description;
  private final Path file;
  private final boolean enabled;
  private final Optional<LocalDate> start;
  private final Optional<LocalDate> end;
  private final Trigger trigger;
  private final Expression eligible;
  private final Optional<Expression> value;
  private final Action action;
  private final Optional<Expression> template;
  private final List<String> channels;
  private final int priority;
  private final List<Suppression> suppressions;
  private final double holdoutPercent;

  UseCase(String id, String description, Path file, boolean enabled, Optional<LocalDate> start, Optional<LocalDate> end,
      Trigger trigger, Expression eligible, Optional<Expression> value, Action action, Optional<Expression> template,
      List<String> channels, int priority, List<Suppression> suppressions, double holdoutPercent) {
    this.id = id;
    this.description = description;
    this.file = file;
    this.enabled = enabled;
    this.start = start;
    this.end = end;
    this.trigger = trigger;
    this.eligible = eligible;
    this.value = value;
    this.action = action;
    this.template = template;
    this.channels = List.copyOf(channels);
    this.priority = priority;
    this.suppressions = List.copyOf(suppressions);
    this.holdoutPercent = holdoutPercent;
  }

  /**
   * Evaluates eligibility, then (when eligible) every suppression rule, the value and the payload.
   * Inactive use cases (disabled, or {@code now} outside start/end) evaluate nothing.
   */
  public Outcome evaluate(Context context) {
    if (!enabled) {
      return Outcome.inactive(id, "disabled");
    }
    if (!activeOn(context.now())) {
      return Outcome.inactive(id, "outside its days " + start.map(LocalDate::toString).orElse("") + ".."
          + end.map(LocalDate::toString).orElse(""));
    }
    Map<String, Object> variables = variables(context);
    Expression current = eligible;
    try {
      if (!asBoolean(eligible, eligible.evaluate(variables))) {
        return Outcome.notEligible(id);
      }
      List<String> reasons = new ArrayList<>();
      for (Suppression suppression : suppressions) {
        current = suppression.when();
        if (asBoolean(current, current.evaluate(variables))) {
          reasons.add(suppression.reason());
        }
      }
      double worth = 1.0;
      if (value.isPresent()) {
        current = value.get();
        worth = asDouble(current, current.evaluate(variables));
      }
      if (!reasons.isEmpty()) {
        return new Outcome(id, Outcome.Status.SUPPRESSED, worth, reasons, Map.of(), Optional.empty());
      }
      Map<String, Object> payload = Map.of();
      if (template.isPresent()) {
        current = template.get();
        payload = asMap(current, current.evaluate(variables));
      }
      return new Outcome(id, Outcome.Status.FIRES, worth, List.of(), payload, Optional.empty());
    } catch (CelEvaluationException | EvaluationTypeException e) {
      return Outcome.error(id, file.getFileName() + ":" + current.line() + ": " + current.describe() + " failed: "
          + e.getMessage());
    }
  }

  /** Whether the customer is in this use case's control group ({@link io.cxhub.decisions.Holdouts}: one hash for both). */
  public boolean inHoldout(String profileId) {
    return io.cxhub.decisions.Holdouts.inHoldout(id, profileId, holdoutPercent);
  }

  /** Whether {@code now} falls within the start and end days (UTC, both inclusive). */
  public boolean activeOn(Instant now) {
    LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return start.map(s -> !day.isBefore(s)).orElse(true) && end.map(e -> !day.isAfter(e)).orElse(true);
  }

  private static Map<String, Object> variables(Context context) {
    Map<String, Object> variables = new HashMap<>(4);
    variables.put(CelEnvironment.PROFILE, CelValues.toCelMap(context.profile()));
    variables.put(CelEnvironment.TRAITS, CelValues.toCelMap(context.traits()));
    Map<String, Object> event = new LinkedHashMap<>();
    context.event().ifPresent(e -> {
      event.put("entity", e.entity());
      event.put("occurredAt", CelValues.timestamp(e.occurredAt()));
      event.put("data", CelValues.toCelMap(e.data()));
    });
    variables.put(CelEnvironment.EVENT, event);
    variables.put(CelEnvironment.NOW, CelValues.timestamp(context.now()));
    return variables;
  }

  private static boolean asBoolean(Expression expression, Object result) throws EvaluationTypeException {
    if (result instanceof Boolean b) {
      return b;
    }
    throw new EvaluationTypeException("evaluated to " + shown(result) + ": expected a bool");
  }

  private static double asDouble(Expression expression, Object result) throws EvaluationTypeException {
    if (result instanceof Number n) {
      return n.doubleValue();
    }
    throw new EvaluationTypeException("evaluated to " + shown(result) + ": expected a double or int");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Expression expression, Object result) throws EvaluationTypeException {
    if (result instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new EvaluationTypeException("evaluated to " + shown(result) + ": expected a map");
  }

  private static String shown(Object result) {
    return result == null ? "null" : result.getClass().getSimpleName() + " " + result;
  }

  /** An expression of type dyn evaluated to the wrong kind of value. */
  private static final class EvaluationTypeException extends Exception {
    EvaluationTypeException(String message) {
      super(message, null, false, false);
    }
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  public Path file() {
    return file;
  }

  public boolean enabled() {
    return enabled;
  }

  public Optional<LocalDate> start() {
    return start;
  }

  public Optional<LocalDate> end() {
    return end;
  }

  public Trigger trigger() {
    return trigger;
  }

  public Action action() {
    return action;
  }

  /** In order of preference. */
  public List<String> channels() {
    return channels;
  }

  public int priority() {
    return priority;
  }

  /** The suppression reasons, in file order. */
  public List<String> suppressionReasons() {
    return suppressions.stream().map(Suppression::reason).toList();
  }

  public double holdoutPercent() {
    return holdoutPercent;
  }

  @Override
  public String toString() {
    return "UseCase[" + id + " from " + file + "]";
  }
}
