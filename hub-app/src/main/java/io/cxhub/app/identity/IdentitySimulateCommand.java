package io.cxhub.app.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cxhub.app.client.HubClient;
import io.cxhub.app.client.HubCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cxhub identity simulate --rules FILE}: {@code POST /api/identity/simulate}. The hub replays
 * the stored records' keys under the candidate rules and says how many profiles would merge or
 * split; nothing changes until the rules go into hub.yaml.
 */
@Command(name = "simulate",
    description = "Report how many profiles would merge or split under candidate identity rules, on the stored data.")
final class IdentitySimulateCommand extends HubCommand {

  @Option(names = "--rules", required = true, paramLabel = "FILE",
      description = "a hub.yaml-shaped file with the candidate rules under identity: (keys, sources, minMergeTrust,"
          + " blockedKeys)")
  Path rules;

  @Option(names = "--json", description = "print the API's JSON as it came")
  boolean json;

  @Override
  protected int run(HubClient hub, PrintWriter out) {
    String text;
    try {
      text = Files.readString(rules);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + rules + ": " + e.getMessage(), e);
    }
    HubClient.Answer answer = hub.post("api/identity/simulate", JsonNodeFactory.instance.objectNode()
        .put("file", rules.toString()).put("yaml", text));
    if (json) {
      out.println(answer.text());
      return 0;
    }
    JsonNode r = answer.json();
    out.printf("replayed %d records of %d profiles under %s: %d profiles%n", r.path("records").asInt(),
        r.path("storedProfiles").asInt(), rules, r.path("simulatedProfiles").asInt());
    out.printf("  would merge: %d profiles into others (%d merges)%n", r.path("profilesMerged").asInt(),
        r.path("merges").asInt());
    out.printf("  would split: %d profiles%n", r.path("splits").asInt());
    out.printf("  records on another profile: %d; merges refused by limits or un-merges: %d; keys not attached: %d%n",
        r.path("recordsMoved").asInt(), r.path("mergesRefused").asInt(), r.path("keysDropped").asInt());
    for (JsonNode m : r.path("mergeExamples")) {
      java.util.List<String> ids = new java.util.ArrayList<>();
      m.forEach(id -> ids.add(id.asText()));
      out.println("  merge e.g. " + String.join(" + ", ids));
    }
    for (JsonNode s : r.path("splitExamples")) {
      out.println("  split e.g. " + s.asText());
    }
    return 0;
  }
}
