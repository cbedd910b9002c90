package io.cxhub.traitstore;

import static io.cxhub.traitstore.Timelines.interaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.mapping.MappedRecord;
import io.cxhub.profile.ProfileChange;
import io.cxhub.profile.ProfileWriter;
import io.cxhub.store.Database;
import io.cxhub.taxonomy.Taxonomy;
import io.cxhub.testkit.SettableClock;
import io.cxhub.testkit.TestPostgres;
import io.cxhub.traits.TraitCatalog;
import io.cxhub.traits.TraitLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** New and changed traits computed over stored profiles in pages, resumable, with their progress. */
class TraitBackfillIT {

  private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
  private static final String CONTACTS = """
      trait: contacts_7d
      entity: interaction
      aggregate: count
      time: started_at
      window: %s
      """;

  @TempDir
  Path traitsDir;

  private final List<ProfileChange> published = Collections.synchronizedList(new ArrayList<>());
  private Database db;
  private LiveTraits traits;
  private TraitMaintainer maintainer;

  @BeforeEach
  void open() {
    db = Database.open(TestPostgres.newDatabase("backfill"), null, null, 4);
    TraitLoader loader = new TraitLoader(Taxonomy.loadDefault());
    traits = new LiveTraits(traitsDir, loader, TraitCatalog.load(traitsDir, loader));
    maintainer = new TraitMaintainer(traits, db.dataSource(), new SettableClock(T), published::addAll);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aNewTraitIsComputedForEveryStoredProfileInPagesAndResumesAfterARestart() throws Exception {
    // five customers stored before the trait existed: three with a contact this week, two 20 days ago
    List<MappedRecord> records = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      records.add(interaction("c" + i + "@example.com", "conv-" + i, T.minus(Duration.ofDays(i < 3 ? 1 : 20))));
    }
    new ProfileWriter(db.dataSource()).write(records);
    TraitBackfill backfill = new TraitBackfill(maintainer, db.dataSource(), 2, 1);
    backfill.sync();
    assertFalse(backfill.runPage(), "no traits, nothing to backfill");

    Files.writeString(traitsDir.resolve("contacts_7d.yaml"), CONTACTS.formatted("7d"));
    assertEquals(List.of(), traits.reload());
    backfill.sync();
    assertEquals(BackfillProgress.State.PENDING, progress(backfill).state());
    assertTrue(backfill.runPage());
    BackfillProgress running = progress(backfill);
    assertEquals(new BackfillProgress(BackfillProgress.State.RUNNING, 2, 5L, T, null, T), running);

    TraitBackfill restarted = new TraitBackfill(maintainer, db.dataSource(), 2, 1);
    assertTrue(restarted.runPage());
    assertTrue(restarted.runPage());
    assertFalse(restarted.runPage());
    BackfillProgress done = progress(restarted);
    assertEquals(BackfillProgress.State.DONE, done.state());
    assertEquals(5, done.done());
    assertEquals(5L, done.total());
    assertEquals(3, published.size(), published.toString());
    assertTrue(published.stream().allMatch(c -> c.cause() == ProfileChange.Cause.BACKFILL
        && c.oldValue().asLong() == 0 && c.newValue().asLong() == 1), published.toString());
    assertEquals(3, count("select count(*) from profile_trait where value = '1'"),
        "the two without a contact this week keep the value of no events, unstored");

    // a changed window recomputes everyone; only the two older contacts change
    published.clear();
    Files.writeString(traitsDir.resolve("contacts_7d.yaml"), CONTACTS.formatted("30d"));
    assertEquals(List.of(), traits.reload());
    restarted.sync();
    assertEquals(BackfillProgress.State.PENDING, progress(restarted).state());
    while (restarted.runPage()) {
      // pages
    }
    assertEquals(2, published.size(), published.toString());
    assertEquals(5, count("select count(*) from profile_trait where value = '1'"));

    // a description alone is no new definition
    Files.writeString(traitsDir.resolve("contacts_7d.yaml"), CONTACTS.formatted("30d") + "description: Contacts.\n");
    assertEquals(List.of(), traits.reload());
    restarted.sync();
    assertEquals(BackfillProgress.State.DONE, progress(restarted).state());

    // a removed trait takes its values along
    Files.delete(traitsDir.resolve("contacts_7d.yaml"));
    assertEquals(List.of(), traits.reload());
    restarted.sync();
    assertEquals(0, count("select count(*) from profile_trait"));
    assertNull(restarted.states().get("contacts_7d"));
  }

  @Test
  void aBrokenTraitsTreeKeepsTheRunningCatalogUntilItIsFixed() throws Exception {
    Files.writeString(traitsDir.resolve("contacts_7d.yaml"), CONTACTS.formatted("7d"));
    assertEquals(List.of(), traits.reload());
    TraitBackfill backfill = new TraitBackfill(maintainer, db.dataSource(), 2, 1);
    TraitWatcher watcher = new TraitWatcher(traits, backfill);
    assertEquals(List.of(), watcher.poll(), "nothing changed");

    Files.writeString(traitsDir.resolve("surveys.yaml"), "trait: surveys\nentity: survey\naggregate: count\n");
    List<io.cxhub.config.Problem> problems = watcher.poll();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).toString().contains("surveys.yaml:2"), problems.toString());
    assertTrue(problems.get(0).toString().contains("unknown entity 'survey'"), problems.toString());
    assertEquals(List.of("contacts_7d"), names(), "the running catalog stays");
    assertEquals(List.of(), watcher.poll(), "problems are reported once per change");

    Files.writeString(traitsDir.resolve("surveys.yaml"), "trait: surveys\nentity: survey_response\naggregate: count\n");
    assertEquals(List.of(), watcher.poll());
    assertEquals(List.of("contacts_7d", "surveys"), names());
    TraitDefinitions.Backfill surveys = backfill.states().get("surveys");
    assertNotNull(surveys, "the new trait is recorded for its backfill");
    assertNull(surveys.finishedAt(), "and waits for it");
  }

  private List<String> names() {
    return traits.current().all().stream().map(io.cxhub.traits.TraitDefinition::name).toList();
  }

  private static BackfillProgress progress(TraitBackfill backfill) {
    TraitDefinitions.Backfill b = backfill.states().get("contacts_7d");
    assertNotNull(b, "contacts_7d is recorded");
    return BackfillProgress.of(b.done(), b.total(), b.startedAt(), b.finishedAt(), T);
  }

  private long count(String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
