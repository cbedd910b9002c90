package io.cxhub.app.identity;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cxhub identity …}: identity resolution of a running hub, from a terminal. */
@Command(name = "identity",
    description = "Try identity rules on the stored data, and undo merges, on a running hub.",
    subcommands = {IdentitySimulateCommand.class, IdentityUnmergeCommand.class})
public final class IdentityCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
