package io.cxhub.app.drift;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cxhub drift …}: what the hub's {@code /api/drift} API does, from a terminal. */
@Command(name = "drift",
    description = "Review and act on schema drift alerts of a running hub.",
    subcommands = {DriftListCommand.class, DriftShowCommand.class, DriftActionCommand.Ack.class,
        DriftActionCommand.Accept.class, DriftActionCommand.Resolve.class, DriftStreamsCommand.class,
        DriftBaselinesCommand.class})
public final class DriftCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
