package io.cxhub.app.drift;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.app.client.HubClient;
import io.cxhub.app.client.HubCommand;
import io.cxhub.app.client.TextTable;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cxhub drift list}: {@code GET /api/drift/alerts} as a table, newest first. */
@Command(name = "list", description = "List drift alerts, newest first.")
final class DriftListCommand extends HubCommand {

  /** The API's page size when none is asked for. */
  private static final int API_DEFAULT_LIMIT = 50;
  private static final int FIELDS_WIDTH = 60;

  @Option(names = "--system", paramLabel = "SYSTEM", description = "only this source system, e.g. crm")
  String system;

  @Option(names = "--stream", paramLabel = "STREAM", description = "only this stream, e.g. contacts")
  String stream;

  @Option(names = "--status", paramLabel = "STATUS", description = "OPEN, ACKNOWLEDGED, ACCEPTED or RESOLVED")
  String status;

  @Option(names = "--kind", paramLabel = "KIND", description = "e.g. FIELD_ADDED, TYPE_CHANGED, RENAMED, SPLIT")
  String kind;

  @Option(names = "--severity", paramLabel = "SEVERITY", description = "INFO or BREAKING")
  String severity;

  @Option(names = "--limit", paramLabel = "N", description = "at most N alerts (1 to 500; default 50)")
  Integer limit;

  @Option(names = "--before", paramLabel = "ID", description = "only alerts older than this id (the next page)")
  Long before;

  @Option(names = "--json", description = "print the API's JSON as it came")
  boolean json;

  @Override
  protected int run(HubClient hub, PrintWriter out) {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("system", system);
    q.put("stream", stream);
    q.put("status", status);
    q.put("kind", kind);
    q.put("severity", severity);
    q.put("limit", limit);
    q.put("before", before);
    HubClient.Answer answer = hub.get("api/drift/alerts" + HubClient.query(q));
    if (json) {
      out.println(answer.text());
      return 0;
    }
    JsonNode items = answer.json().path("items");
    if (items.size() == 0) {
      out.println(before == null ? "no drift alerts" + (q.values().stream().allMatch(v -> v == null) ? ""
          : " match these filters") : "no drift alerts older than #" + before);
      return 0;
    }
    TextTable table = new TextTable("ID", "SEVERITY", "KIND", "STREAM", "FIELDS", "STATUS", "OCCURRENCES",
        "LAST SEEN");
    for (JsonNode a : items) {
      table.row(a.path("id").asText(), a.path("severity").asText(), a.path("kind").asText(), AlertText.stream(a),
          cut(AlertText.fields(a)), a.path("status").asText(), a.path("occurrences").asText(),
          AlertText.time(a.path("lastSeen")));
    }
    table.print(out);
    if (items.size() >= (limit != null ? limit : API_DEFAULT_LIMIT)) {
      out.println("(" + items.size() + " shown; older ones: add --before " + items.get(items.size() - 1)
          .path("id").asText() + ")");
    }
    return 0;
  }

  private static String cut(String s) {
    return s.length() <= FIELDS_WIDTH ? s : s.substring(0, FIELDS_WIDTH - 1) + "…";
  }
}
