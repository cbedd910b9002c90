package io.cxhub.app.client;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command that talks to a running hub. Output goes to picocli's writers (so callers and tests can
 * capture it); a failed call prints its one line to the error writer, with no stack trace.
 */
public abstract class HubCommand implements Callable<Integer> {

  @Mixin
  protected HubConnection connection;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  @Spec
  protected CommandSpec spec;

  /** Does the work; returns the exit code. */
  protected abstract int run(HubClient hub, PrintWriter out);

  @Override
  public final Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      return run(connection.client(), out);
    } catch (HubCallException e) {
      err.println(spec.qualifiedName(" ") + ": " + e.getMessage()); // "cxhub drift list: …"
      return e.exitCode();
    } finally {
      out.flush();
      err.flush();
    }
  }
}
