package io.cxhub.app.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxhub.app.client.HubClient;
import io.cxhub.app.client.HubCommand;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cxhub identity unmerge PROFILE -m TEXT [--merged ID]}: {@code POST /api/profiles/{id}/unmerge}. */
@Command(name = "unmerge",
    description = "Split a profile merged into PROFILE back off; the two are never merged again.")
final class IdentityUnmergeCommand extends HubCommand {

  @Parameters(index = "0", paramLabel = "PROFILE", description = "the surviving profile's id")
  String profile;

  @Option(names = "--merged", paramLabel = "ID", description = "the profile to split off (default: the last one merged)")
  String merged;

  @Option(names = {"-m", "--comment"}, required = true, paramLabel = "TEXT",
      description = "why the merge is wrong (goes into the merge history)")
  String comment;

  @Override
  protected int run(HubClient hub, PrintWriter out) {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("comment", comment);
    if (merged != null) {
      body.put("merged", merged);
    }
    JsonNode r = hub.post("api/profiles/" + HubClient.segment(profile) + "/unmerge", body).json();
    out.printf("profile %s split off %s: %d keys, %d source records, %d events moved back (merge #%d)%n",
        r.path("survivor").asText(), r.path("restored").asText(), r.path("identities").asInt(),
        r.path("sourceRecords").asInt(), r.path("events").asInt(), r.path("mergeId").asLong());
    return 0;
  }
}
