package io.cxhub.traits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxhub.profile.TimelineEvent;
import io.cxhub.taxonomy.Taxonomy;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The incremental form gives exactly what a full evaluation of the same timeline gives. */
class TraitStateTest {

  private static final TraitLoader LOADER = new TraitLoader(Taxonomy.loadDefault());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final String[] STATUSES = {"SUCCEEDED", "FAILED", "PENDING", "REFUNDED"};

  @TempDir
  Path dir;

  private TraitDefinition trait(String yaml) throws IOException {
    return LOADER.load(Files.writeString(dir.resolve("trait.yaml"), yaml));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "aggregate: count\nwindow: 7d",
      "aggregate: exists\nwindow: 36h\nwhere: { status: REFUNDED }",
      "aggregate: sum\nfield: amount\nwindow: 7d\nwhere: { status: SUCCEEDED }",
      "aggregate: avg\nfield: amount\nwindow: 3d",
      "aggregate: min\nfield: amount\nwindow: 2d\nwhere: { method: { in: [CARD, ACH] } }",
      "aggregate: max\nfield: amount\nwindow: 12h",
      "aggregate: first\nfield: method\nwindow: 5d\ntime: paid_at",
      "aggregate: last\nfield: amount\nwindow: 5d\ntime: paid_at",
      "aggregate: distinct_count\nfield: method\nwindow: 1d",
      "aggregate: last\nfield: paid_at\ntime: paid_at\nsince: hours\nwhere: { status: SUCCEEDED }",
      "aggregate: sum\nfield: amount\nwhere: { amount: { gt: 50 } }",
  })
  void incrementalEqualsFullEvaluationOverRandomTimelines(String body) throws IOException {
    TraitDefinition trait = trait("trait: t\nentity: payment\n" + body + "\n");
    Random random = new Random(body.hashCode());
    TraitState state = trait.newState();
    Map<String, TimelineEvent> latest = new LinkedHashMap<>(); // the store keeps one version per record
    List<String> sourceIds = new ArrayList<>();
    Instant now = START;
    int checks = 0;
    for (int i = 0; i < 3000; i++) {
      now = now.plusSeconds(random.nextInt(1200));
      TimelineEvent event = randomEvent(random, i, now, sourceIds);
      latest.put(event.sourceId(), event);
      state.add(event);
      if (random.nextInt(5) == 0) {
        Instant at = now.plusSeconds(random.nextInt(3 * 3600));
        now = at;
        assertEquals(trait.evaluate(List.copyOf(latest.values()), at), state.value(at), "at " + at + " after " + i + " events");
        checks++;
      }
    }
    assertEquals(true, checks > 400, "only " + checks + " comparisons");
  }

  /** Mostly new payments, some newer versions of earlier ones (replacing them), one in ten of another entity. */
  private static TimelineEvent randomEvent(Random random, int id, Instant now, List<String> sourceIds) {
    String entity = random.nextInt(10) == 0 ? "invoice" : "payment";
    String sourceId;
    if (!sourceIds.isEmpty() && random.nextInt(5) == 0) {
      sourceId = sourceIds.get(random.nextInt(sourceIds.size()));
      entity = sourceId.substring(0, sourceId.indexOf('-'));
    } else {
      sourceId = entity + "-" + id;
      sourceIds.add(sourceId);
    }
    ObjectNode data = JSON.createObjectNode();
    if (random.nextInt(8) != 0) {
      data.put("amount", BigDecimal.valueOf(random.nextInt(20000), 2));
    }
    data.put("status", STATUSES[random.nextInt(STATUSES.length)]);
    data.put("method", List.of("CARD", "ACH", "WIRE", "CHECK").get(random.nextInt(4)));
    if (random.nextInt(6) != 0) {
      // business time may lag arrival by up to three days, or run slightly ahead of it
      data.put("paid_at", now.minusSeconds(random.nextInt(3 * 86400)).plusSeconds(random.nextInt(600)).toString());
    }
    return new TimelineEvent(id, entity, "billing", "payments", sourceId, now, data);
  }

  @Test
  void aNewerVersionReplacesTheOldOne() throws IOException {
    TraitDefinition open = trait("trait: t\nentity: case\naggregate: count\nwhere: { status: OPEN }\n");
    TraitState state = open.newState();
    state.add(new TimelineEvent(1, "case", "crm", "cases", "c1", START, JSON.createObjectNode().put("status", "OPEN")));
    state.add(new TimelineEvent(2, "case", "crm", "cases", "c2", START, JSON.createObjectNode().put("status", "OPEN")));
    assertEquals(TraitValue.of(2L), state.value(START));
    state.add(new TimelineEvent(3, "case", "crm", "cases", "c1", START.plusSeconds(5), JSON.createObjectNode().put("status", "CLOSED")));
    assertEquals(TraitValue.of(1L), state.value(START.plusSeconds(5)));
    assertEquals(1, state.size());
  }

  @Test
  void expiryDropsWhatLeftTheWindowAndTimeOnlyMovesForward() throws IOException {
    TraitState state = trait("trait: t\nentity: interaction\naggregate: count\nwindow: 1h\n").newState();
    List<TimelineEvent> events = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      events.add(new TimelineEvent(i, "interaction", "ccaas", "contacts", "i" + i, START.plus(Duration.ofMinutes(20L * i)),
          JSON.createObjectNode()));
    }
    events.forEach(state::add);
    assertEquals(Optional.of(START.plus(Duration.ofHours(1))), state.nextExpiry());
    assertEquals(TraitValue.of(2L), state.value(START.plus(Duration.ofMinutes(60))));
    assertEquals(2, state.size());
    assertThrows(IllegalArgumentException.class, () -> state.expire(START));
  }
}
