package io.cxhub.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.profile.ProfileChange;
import io.cxhub.profile.ProfileChange.Cause;
import io.cxhub.testkit.SettableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Computed traits on a running hub: values follow ingestion with one change per changed value,
 * drop when their window passes (the hub's trait clock is moved), and a trait file dropped into
 * traits/ is backfilled over every stored profile with its progress on {@code /api/traits}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TraitsEndToEndIT {

  private static final SettableClock clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private static final Instant T0 = clock.instant();
  private static final List<ProfileChange> changes = Collections.synchronizedList(new ArrayList<>());
  private static HubFixture fixture;

  @BeforeAll
  static void startHub() throws Exception {
    fixture = new HubFixture(Map.of());
    // small batches go to the store at once: every step here waits for one
    Files.writeString(fixture.configDir.resolve("hub.yaml"), "pipeline:\n  batchTimeoutMillis: 20\n");
    Path traits = Files.createDirectories(fixture.configDir.resolve("traits"));
    Files.copy(HubFixture.REPO.resolve("traits/contacts_7d.yaml"), traits.resolve("contacts_7d.yaml"));
    fixture.start(clock);
    fixture.hub.profileChanges().register("test", changes::addAll);
  }

  @AfterAll
  static void stopHub() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  @Order(1)
  void contactsCountOnceWhenIngestedNotOnAReplayAndLeaveTheWindowAWeekLater() {
    String first = conversation("conv-ann-1", "ann@example.com", T0.minus(Duration.ofHours(1)));
    ingest(first);
    String ann = awaitProfile("ann@example.com");
    awaitChanges(ann, 1);
    assertEquals(List.of(change(0, 1, Cause.EVENT)), summaries(ann));
    JsonNode trait = fixture.json(fixture.get("/api/profiles/" + ann)).path("traits").path("contacts_7d");
    assertEquals(1, trait.path("value").asInt(), trait.toString());
    assertFalse(trait.path("computedAt").isNull(), trait.toString());

    // the replay travels with a record for someone else, so once that one's change is here the replay is done
    ingest(first + "\n" + conversation("conv-sentinel", "sentinel@example.com", T0));
    awaitChanges(awaitProfile("sentinel@example.com"), 1);
    assertEquals(1, summaries(ann).size(), "an unchanged replay changes no trait: " + summaries(ann));

    ingest(conversation("conv-ann-2", "ann@example.com", T0.minus(Duration.ofMinutes(30))));
    awaitChanges(ann, 2);
    assertEquals(change(1, 2, Cause.EVENT), summaries(ann).get(1));

    // a week after the later contact both have left the window; no event arrives, time alone changes the value
    Instant bothGone = T0.minus(Duration.ofMinutes(30)).plus(Duration.ofDays(7));
    clock.set(bothGone);
    awaitChanges(ann, 3);
    assertEquals(change(2, 0, Cause.EXPIRY), summaries(ann).get(2));
    assertEquals(bothGone, changesOf(ann).get(2).at());
    assertEquals(0, fixture.json(fixture.get("/api/profiles/" + ann)).path("traits").path("contacts_7d").path("value")
        .asInt(-1));
  }

  @Test
  @Order(2)
  void aTraitDroppedIntoTraitsIsBackfilledOverEveryStoredProfile() throws Exception {
    ingest(conversation("conv-bo-1", "bo@example.com", clock.instant()) + "\n"
        + conversation("conv-cy-1", "cy@example.com", clock.instant()) + "\n"
        + conversation("conv-cy-2", "cy@example.com", clock.instant().minus(Duration.ofDays(40))));
    String cy = awaitProfile("cy@example.com");
    awaitChanges(cy, 1);
    JsonNode profiles = fixture.json(fixture.get("/api/profiles?limit=500")).path("items").path("profiles");
    assertEquals(4, profiles.size(), profiles.toString());

    Path staged = Files.writeString(fixture.configDir.resolve("voice_contacts.yaml.new"), """
        trait: voice_contacts
        description: Voice contacts of all time.
        entity: interaction
        aggregate: count
        where:
          channel: VOICE
        """);
    Files.move(staged, fixture.configDir.resolve("traits/voice_contacts.yaml"), StandardCopyOption.ATOMIC_MOVE);

    HubFixtureAwait.until("voice_contacts backfilled", () -> "DONE".equals(backfill("voice_contacts").path("state").asText()));
    JsonNode progress = backfill("voice_contacts");
    assertEquals(4, progress.path("done").asInt(), progress.toString());
    assertEquals(4, progress.path("total").asInt(), progress.toString());
    assertEquals(Map.of("ann@example.com", 2, "sentinel@example.com", 1, "bo@example.com", 1, "cy@example.com", 2),
        Map.of("ann@example.com", voiceContacts("ann@example.com"), "sentinel@example.com",
            voiceContacts("sentinel@example.com"), "bo@example.com", voiceContacts("bo@example.com"), "cy@example.com",
            voiceContacts("cy@example.com")));
    HubFixtureAwait.until("four backfill changes", () -> changes.stream().filter(c -> c.cause() == Cause.BACKFILL).count() == 4);
    JsonNode list = fixture.json(fixture.get("/api/traits"));
    assertEquals("7d", list.path("items").get(0).path("window").asText(), list.toString());
    assertEquals(4, list.path("profileChanges").path("BACKFILL").asInt(), list.toString());
  }

  private static void ingest(String ndjson) {
    assertEquals(202, fixture.post("/api/ingest/genesys/conversations", ndjson).statusCode());
  }

  private static String conversation(String id, String email, Instant start) {
    return "{\"conversationId\":\"" + id + "\",\"conversationStart\":\"" + start + "\",\"derived\":{\"mediaType\":\"voice\","
        + "\"direction\":\"inbound\",\"customer\":{\"email\":\"" + email + "\"}}}";
  }

  private static String awaitProfile(String email) {
    HubFixtureAwait.until("a profile for " + email, () -> profileOf(email) != null);
    return profileOf(email);
  }

  private static String profileOf(String email) {
    JsonNode items = fixture.json(fixture.get("/api/profiles?key=email:" + email)).path("items");
    return items.isEmpty() ? null : items.get(0).path("id").asText();
  }

  private static int voiceContacts(String email) {
    return fixture.json(fixture.get("/api/profiles/" + profileOf(email))).path("traits").path("voice_contacts")
        .path("value").asInt(-1);
  }

  private static JsonNode backfill(String trait) {
    for (JsonNode t : fixture.json(fixture.get("/api/traits")).path("items")) {
      if (t.path("trait").asText().equals(trait)) {
        return t.path("backfill");
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static void awaitChanges(String profile, int n) {
    HubFixtureAwait.until(n + " changes of " + profile, () -> changesOf(profile).size() >= n);
  }

  private static List<ProfileChange> changesOf(String profile) {
    synchronized (changes) {
      return changes.stream().filter(c -> c.profileId().equals(profile) && c.trait().equals("contacts_7d")).toList();
    }
  }

  private static List<String> summaries(String profile) {
    return changesOf(profile).stream().map(c -> c.oldValue() + "->" + c.newValue() + " " + c.cause()).toList();
  }

  private static String change(int from, int to, Cause cause) {
    return from + "->" + to + " " + cause;
  }
}
