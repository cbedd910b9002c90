package io.cxhub.spi.config;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration that cannot be used; carries every problem found, not just the first. */
public class ConfigException extends RuntimeException {

  private final List<ConfigProblem> problems;

  public ConfigException(String subject, List<ConfigProblem> problems) {
    super(subject + ": " + problems.stream().map(ConfigProblem::message).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public ConfigException(String message) {
    super(message);
    this.problems = List.of();
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
