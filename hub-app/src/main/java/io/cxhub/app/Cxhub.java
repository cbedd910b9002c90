package io.cxhub.app;

import io.cxhub.app.drift.DriftCommand;
import io.cxhub.app.identity.IdentityCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cxhub} command line. */
@Command(name = "cxhub", mixinStandardHelpOptions = true, version = "cxhub 0.1.0",
    description = "Customer-experience integration hub: connectors in, one profile per customer, decisions out.",
    subcommands = {DemoCommand.class, RunCommand.class, ValidateCommand.class, ConnectorsCommand.class,
        DriftCommand.class, IdentityCommand.class})
public final class Cxhub implements Runnable {

  public static void main(String[] args) {
    System.exit(new CommandLine(new Cxhub()).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
