package io.cxhub.config;

import java.util.List;

/** Configuration that cannot be used; carries every problem found across all files, not just the first. */
public class ConfigProblemsException extends RuntimeException {

  private final List<Problem> problems;

  public ConfigProblemsException(List<Problem> problems) {
    super(describe(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigProblemsException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String describe(List<Problem> problems) {
    StringBuilder text = new StringBuilder();
    text.append(problems.size()).append(problems.size() == 1 ? " configuration problem:" : " configuration problems:");
    for (Problem problem : problems) {
      text.append(System.lineSeparator()).append("  ").append(problem);
    }
    return text.toString();
  }
}
