package io.cxhub.runtime;

import io.cxhub.config.ConfigProblemsException;
import io.cxhub.config.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code cxhub validate}: every problem of a configuration tree, without starting anything. */
public final class TreeValidator {

  private TreeValidator() {}

  public static List<Problem> validate(Path configDir) {
    try {
      HubOptions options = HubYaml.load(configDir, new HubOverrides(null, null, null, null, Map.of()));
      ConfigTree.load(options, false);
      return List.of();
    } catch (ConfigProblemsException e) {
      return e.problems();
    }
  }
}
