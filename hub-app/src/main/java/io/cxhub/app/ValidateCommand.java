package io.cxhub.app;

import io.cxhub.config.Problem;
import io.cxhub.runtime.TreeValidator;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cxhub validate DIR}: checks every YAML file of a configuration tree without starting anything. */
@Command(name = "validate", description = "Check every YAML file of a configuration tree; print each problem with file:line.")
final class ValidateCommand implements Callable<Integer> {

  @Parameters(index = "0", defaultValue = ".", description = "configuration tree (default: current directory)")
  Path dir;

  @Override
  public Integer call() {
    List<Problem> problems = TreeValidator.validate(dir.toAbsolutePath().normalize());
    for (Problem p : problems) {
      System.err.println(p);
    }
    if (problems.isEmpty()) {
      System.out.println(dir + ": configuration is valid");
      return 0;
    }
    System.err.println(problems.size() + " problem(s) in " + dir);
    return 1;
  }
}
