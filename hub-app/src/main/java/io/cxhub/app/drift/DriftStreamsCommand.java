package io.cxhub.app.drift;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.app.client.HubClient;
import io.cxhub.app.client.HubCommand;
import io.cxhub.app.client.TextTable;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cxhub drift streams}: {@code GET /api/drift/streams}, the drift state of every stream seen. */
@Command(name = "streams",
    description = "Per stream: drift policy, baseline version, current window, pause, checked paths.")
final class DriftStreamsCommand extends HubCommand {

  @Option(names = "--json", description = "print the API's JSON as it came")
  boolean json;

  @Override
  protected int run(HubClient hub, PrintWriter out) {
    HubClient.Answer answer = hub.get("api/drift/streams");
    if (json) {
      out.println(answer.text());
      return 0;
    }
    JsonNode items = answer.json().path("items");
    if (items.size() == 0) {
      out.println("no streams seen since the hub started");
      return 0;
    }
    TextTable table = new TextTable("STREAM", "POLICY", "BASELINE", "WINDOW", "PAUSED BY", "CHECKED PATHS");
    for (JsonNode s : items) {
      JsonNode version = s.path("baselineVersion");
      String baseline = version.isNumber() ? "v" + version.asText() + " " + s.path("baselineOrigin").asText()
          .toLowerCase(java.util.Locale.ROOT) + " (" + s.path("learnedFrom").asText() + " records)" : "learning";
      String window = s.path("windowRecords").asText() + " records since " + AlertText.time(s.path("windowSince"));
      String paused = s.path("pausedByAlert").isNumber() ? "#" + s.path("pausedByAlert").asText() : "";
      int checked = s.path("checkedPaths").size();
      table.row(AlertText.stream(s), s.path("policy").asText(), baseline, window, paused,
          checked == 0 ? "" : checked + ": " + join(s.path("checkedPaths")));
    }
    table.print(out);
    return 0;
  }

  private static String join(JsonNode array) {
    StringBuilder s = new StringBuilder();
    array.forEach(v -> s.append(s.length() == 0 ? "" : ", ").append(v.asText()));
    return s.length() <= 60 ? s.toString() : s.substring(0, 59) + "…";
  }
}
