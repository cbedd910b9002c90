package io.cxhub.app.drift;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxhub.app.client.HubClient;
import io.cxhub.app.client.HubCommand;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cxhub drift ack|accept|resolve ID -m TEXT}: {@code POST /api/drift/alerts/{id}/{action}}.
 * The comment is required because it goes into the audit trail.
 */
abstract class DriftActionCommand extends HubCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "the alert's id, as drift list shows it")
  long id;

  @Option(names = {"-m", "--comment"}, required = true, paramLabel = "TEXT",
      description = "why, in a few words (goes into the audit trail)")
  String comment;

  /** The API's name of the action. */
  abstract String action();

  /** Whether to ask the hub to apply the alert's proposed mapping change as well. */
  boolean applyProposal() {
    return false;
  }

  @Override
  protected int run(HubClient hub, PrintWriter out) {
    HubClient.Answer answer = hub.post("api/drift/alerts/" + id + "/" + action(), body(comment, applyProposal()));
    out.println(AlertText.result(answer.json()));
    return 0;
  }

  /** {@code {"comment": …}}, plus {@code "applyProposal": true} only when asked, so older hubs see what they know. */
  static ObjectNode body(String comment, boolean applyProposal) {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("comment", comment);
    if (applyProposal) {
      body.put("applyProposal", true);
    }
    return body;
  }

  @Command(name = "ack",
      description = "Acknowledge a drift alert: someone is on it; it stays live and keeps counting.")
  static final class Ack extends DriftActionCommand {
    @Override
    String action() {
      return "ack";
    }
  }

  /** Accept and resolve may also apply the alert's proposed mapping change. */
  abstract static class Settling extends DriftActionCommand {

    @Option(names = "--apply-proposal", description = "also apply the alert's proposed mapping change")
    boolean applyProposal;

    @Override
    boolean applyProposal() {
      return applyProposal;
    }
  }

  @Command(name = "accept",
      description = "Accept a drift as intended: the stream's next baseline version takes the new shape.")
  static final class Accept extends Settling {
    @Override
    String action() {
      return "accept";
    }
  }

  @Command(name = "resolve",
      description = "Resolve a drift alert: fixed at the source or in the mapping.")
  static final class Resolve extends Settling {
    @Override
    String action() {
      return "resolve";
    }
  }
}
