package io.cxhub.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.quarantine.QuarantineEntry;
import io.cxhub.quarantine.QuarantineStore;
import io.cxhub.spi.connector.HubEndpoints;
import io.cxhub.spi.record.RawRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;

/**
 * Sends held records of a stream through the data path again, e.g. after the mapping was fixed. Each
 * entry is taken once (the store marks it while replaying); a record that still fails is quarantined
 * anew with its current reason, so nothing is lost and nothing is applied twice. A replay takes the
 * entries held when it starts, not those it puts back.
 */
public final class QuarantineReplay {

  private static final int PAGE = 500;

  private final QuarantineStore store;
  private final ObjectMapper json;
  private CamelContext camel;

  public QuarantineReplay(QuarantineStore store, ObjectMapper json) {
    this.store = store;
    this.json = json;
  }

  void bind(CamelContext camel) {
    this.camel = camel;
  }

  /** Replays every held entry of {@code system/stream}; returns what became of them. */
  public Map<String, Object> replay(String system, String stream) {
    int taken = 0;
    IngestCounts counts = new IngestCounts(0, 0);
    // what fails again is held anew, as a newer entry: not ours to take again, or a paused stream would loop forever
    long through = store.newestId();
    List<QuarantineEntry> page;
    while (!(page = store.takeForReplay(system, stream, PAGE, through)).isEmpty()) {
      taken += page.size();
      List<RawRecord> records = new ArrayList<>(page.size());
      for (QuarantineEntry entry : page) {
        JsonNode payload = readOrNull(entry.record().rawText());
        if (payload == null || !payload.isObject()) {
          camel.createProducerTemplate().sendBodyAndHeaders(HubEndpoints.QUARANTINE, entry.record().rawText(), Map.of(
              HubEndpoints.SYSTEM, system, HubEndpoints.STREAM, stream,
              HubEndpoints.REASON, "still not a JSON object on replay of quarantine entry " + entry.id()));
          counts = counts.plus(new IngestCounts(0, 1));
          continue;
        }
        JsonNode id = payload.get("id");
        records.add(RawRecord.pushed(system, stream, id == null || id.isNull() ? null : id.asText(), payload));
      }
      if (!records.isEmpty()) {
        counts = counts.plus(camel.createFluentProducerTemplate().to(HubEndpoints.INGEST).withBody(records)
            .withHeader(PipelineRoutes.REPLAY, true).request(IngestCounts.class));
      }
      store.markReplayed(page.stream().map(QuarantineEntry::id).toList());
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("replayed", taken);
    result.put("accepted", counts.accepted());
    result.put("quarantinedAgain", counts.quarantined());
    return result;
  }

  private JsonNode readOrNull(String text) {
    try {
      return json.readTree(text);
    } catch (Exception e) {
      return null;
    }
  }
}
