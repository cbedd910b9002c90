package io.cxhub.app.drift;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.app.client.HubCallException;
import io.cxhub.app.client.HubClient;
import io.cxhub.app.client.HubCommand;
import io.cxhub.app.client.TextTable;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cxhub drift baselines SYSTEM/STREAM}: the stored baseline versions of one stream. */
@Command(name = "baselines",
    description = "List the baseline versions of one stream, oldest first.")
final class DriftBaselinesCommand extends HubCommand {

  @Parameters(index = "0", paramLabel = "SYSTEM/STREAM", description = "the stream, e.g. crm/contacts")
  String stream;

  @Option(names = "--json", description = "print the API's JSON as it came")
  boolean json;

  @Override
  protected int run(HubClient hub, PrintWriter out) {
    String[] parts = stream.split("/", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new HubCallException("'" + stream + "': expected SYSTEM/STREAM, such as crm/contacts",
          HubCallException.NOT_DELIVERED);
    }
    HubClient.Answer answer = hub.get("api/drift/streams/" + HubClient.segment(parts[0]) + "/"
        + HubClient.segment(parts[1]) + "/baselines");
    if (json) {
      out.println(answer.text());
      return 0;
    }
    JsonNode items = answer.json().path("items");
    if (items.size() == 0) {
      out.println("no baseline of " + stream + " yet");
      return 0;
    }
    TextTable table = new TextTable("VERSION", "ORIGIN", "CREATED", "BY", "RECORDS", "FIELDS");
    for (JsonNode v : items) {
      table.row("v" + v.path("version").asText(), v.path("origin").asText(), AlertText.time(v.path("createdAt")),
          v.path("createdBy").asText(), v.path("records").asText(), v.path("fields").asText());
    }
    table.print(out);
    return 0;
  }
}
