package io.cxhub.app.drift;

import io.cxhub.app.client.HubClient;
import io.cxhub.app.client.HubCommand;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cxhub drift show ID}: one alert with its evidence, lineage, proposal and audit trail. */
@Command(name = "show",
    description = "Show one drift alert: evidence, affected mappings, proposed mapping change, history.")
final class DriftShowCommand extends HubCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "the alert's id, as drift list shows it")
  long id;

  @Option(names = "--json", description = "print the API's JSON as it came")
  boolean json;

  @Override
  protected int run(HubClient hub, PrintWriter out) {
    HubClient.Answer answer = hub.get("api/drift/alerts/" + id);
    if (json) {
      out.println(answer.text());
    } else {
      AlertText.show(answer.json(), out);
    }
    return 0;
  }
}
