package io.cxhub.spi.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The typed configuration a plugin accepts. Immutable once built; safe to share between threads. */
public final class ConfigDef {

  private final Map<String, ConfigOption> options;

  private ConfigDef(Map<String, ConfigOption> options) {
    this.options = Collections.unmodifiableMap(options);
  }

  public static ConfigDef of(ConfigOption... options) {
    Map<String, ConfigOption> map = new LinkedHashMap<>();
    for (ConfigOption o : options) {
      if (map.put(o.name(), o) != null) {
        throw new IllegalArgumentException("option " + o.name() + " is defined twice");
      }
    }
    return new ConfigDef(map);
  }

  public List<ConfigOption> options() {
    return List.copyOf(options.values());
  }

  public Optional<ConfigOption> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  /** Checks raw values without throwing: every problem, in option order, then unknown keys. */
  public List<ConfigProblem> validate(Map<String, ?> raw) {
    List<ConfigProblem> problems = new ArrayList<>();
    parse(raw, problems);
    return problems;
  }

  /**
   * Parses and validates raw (text) values.
   *
   * @param subject named in the error, e.g. {@code connector billing-jdbc instance billing-demo}
   * @throws ConfigException listing every problem
   */
  public ConnectorConfig parse(String subject, Map<String, ?> raw) {
    List<ConfigProblem> problems = new ArrayList<>();
    ConnectorConfig config = parse(raw, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(subject, problems);
    }
    return config;
  }

  private ConnectorConfig parse(Map<String, ?> raw, List<ConfigProblem> problems) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (ConfigOption o : options.values()) {
      Object given = raw.get(o.name());
      if (given == null || given.toString().isEmpty()) {
        if (o.required() && o.defaultValue() == null) {
          problems.add(new ConfigProblem(o.name(), null, o.type().expected() + " (" + o.description() + ")"));
        } else if (o.defaultValue() != null) {
          values.put(o.name(), o.defaultValue());
        }
        continue;
      }
      Object parsed;
      try {
        parsed = given instanceof String s ? o.type().parse(s) : given;
      } catch (IllegalArgumentException e) {
        problems.add(new ConfigProblem(o.name(), o.display(given), o.type().expected()));
        continue;
      }
      if (o.validation() != null && !o.validation().test(parsed)) {
        problems.add(new ConfigProblem(o.name(), o.display(given), o.validationExpected()));
        continue;
      }
      values.put(o.name(), parsed);
    }
    for (String key : raw.keySet()) {
      if (!options.containsKey(key)) {
        problems.add(new ConfigProblem(key, "(unknown option)", "one of " + options.keySet()));
      }
    }
    return new ConnectorConfig(this, values);
  }
}
