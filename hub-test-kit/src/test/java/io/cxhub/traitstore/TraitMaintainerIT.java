package io.cxhub.traitstore;

import static io.cxhub.traitstore.Timelines.interaction;
import static io.cxhub.traitstore.Timelines.survey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.mapping.IdentityKey;
import io.cxhub.mapping.MappedRecord;
import io.cxhub.profile.ProfileChange;
import io.cxhub.profile.ProfileChange.Cause;
import io.cxhub.profile.ProfileQueries;
import io.cxhub.profile.ProfileWriter;
import io.cxhub.profile.TimelineEvent;
import io.cxhub.profile.WriteResult;
import io.cxhub.store.Database;
import io.cxhub.taxonomy.Taxonomy;
import io.cxhub.testkit.SettableClock;
import io.cxhub.testkit.TestPostgres;
import io.cxhub.traits.TraitCatalog;
import io.cxhub.traits.TraitDefinition;
import io.cxhub.traits.TraitLoader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
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
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Trait values kept on stored profiles: after writes, when windows pass, and in one round of queries. */
class TraitMaintainerIT {

  private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
  private static final TraitLoader LOADER = new TraitLoader(Taxonomy.loadDefault());
  private static final TraitCatalog SHIPPED = TraitCatalog.load(Path.of("..", "traits"), LOADER);

  private final List<ProfileChange> published = Collections.synchronizedList(new ArrayList<>());
  private final SettableClock clock = new SettableClock(T);
  private Database db;
  private ProfileWriter writer;
  private TraitMaintainer maintainer;

  @BeforeEach
  void open() {
    db = Database.open(TestPostgres.newDatabase("traits"), null, null, 4);
    writer = new ProfileWriter(db.dataSource());
    maintainer = maintainer(db.dataSource());
  }

  @AfterEach
  void close() {
    db.close();
  }

  private TraitMaintainer maintainer(DataSource dataSource) {
    return new TraitMaintainer(new LiveTraits(Path.of("..", "traits"), LOADER, SHIPPED), dataSource, clock,
        published::addAll);
  }

  private WriteResult write(MappedRecord... records) {
    WriteResult result = writer.write(List.of(records));
    maintainer.afterWrite(result);
    return result;
  }

  @Test
  void contactsOfTheLastWeekDropWhenTheWindowPassesWithoutANewEvent() throws SQLException {
    Instant contact = T.minus(Duration.ofHours(1));
    write(interaction("ann@example.com", "conv-1", contact));
    String ann = profileOf("ann@example.com");
    assertEquals(List.of(change(ann, "contacts_7d", "0", "1", T, Cause.EVENT)), published);
    assertEquals(contact.plus(Duration.ofDays(7)), nextChange(ann, "contacts_7d"));
    published.clear();

    TraitExpiry expiry = new TraitExpiry(maintainer, db.dataSource(), 100);
    clock.set(contact.plus(Duration.ofDays(7)).minusNanos(1000));
    assertEquals(0, expiry.runOnce(), "a microsecond before the contact leaves the window nothing is due");
    assertEquals(List.of(), published);

    Instant leaves = contact.plus(Duration.ofDays(7));
    clock.set(leaves);
    assertEquals(1, expiry.runOnce());
    assertEquals(List.of(change(ann, "contacts_7d", "1", "0", leaves, Cause.EXPIRY)), published);
    assertEquals("0", storedValue(ann, "contacts_7d"));
    assertNull(nextChange(ann, "contacts_7d"), "nothing left to leave the window");
    assertEquals(0, expiry.runOnce(), "done once, not again");
  }

  @Test
  void writtenEventsChangeEachTraitOnceAndAReplayChangesNothing() throws SQLException {
    MappedRecord[] batch = {
        interaction("bo@example.com", "conv-2", T.minusSeconds(600)),
        survey("bo@example.com", "resp-1", 2, T.minusSeconds(300)),
        interaction("cy@example.com", "conv-3", T.minusSeconds(60))};
    write(batch);
    String bo = profileOf("bo@example.com");
    String cy = profileOf("cy@example.com");
    List<ProfileChange> expected = List.of(
        change(bo, "contacts_7d", "0", "1", T, Cause.EVENT),
        change(bo, "csat_avg_90d", "null", "2", T, Cause.EVENT),
        change(bo, "last_negative_survey_at", "null", "\"" + T.minusSeconds(300) + "\"", T, Cause.EVENT),
        change(cy, "contacts_7d", "0", "1", T, Cause.EVENT));
    assertEquals(sorted(expected), sorted(published));
    published.clear();
    String rowsBefore = traitRowVersions();

    clock.set(T.plusSeconds(5));
    WriteResult replay = write(batch);
    assertEquals(0, replay.eventsWritten());
    assertEquals(List.of(), published, "an unchanged replay changes no trait");
    assertEquals(rowsBefore, traitRowVersions(), "and writes no trait row");

    write(interaction("bo@example.com", "conv-4", T));
    assertEquals(List.of(change(bo, "contacts_7d", "1", "2", T.plusSeconds(5), Cause.EVENT)), published);
  }

  @Test
  void anEventThatMovesToAnotherProfileChangesTheTraitsOfBoth() {
    write(interaction("dee@example.com", "conv-9", T.minusSeconds(60)));
    write(interaction("eve@example.com", "conv-10", T.minusSeconds(30)));
    String dee = profileOf("dee@example.com");
    String eve = profileOf("eve@example.com");
    published.clear();

    write(interaction("eve@example.com", "conv-9", T.minusSeconds(60))); // the source re-keyed the conversation

    assertEquals(sorted(List.of(change(dee, "contacts_7d", "1", "0", T, Cause.EVENT),
        change(eve, "contacts_7d", "1", "2", T, Cause.EVENT))), sorted(published));
  }

  @Test
  void aProfileThatAbsorbsAMergeTakesTheMergedOnesContactsAndTheMergedOnesValuesGo() throws SQLException {
    write(interaction("dee@example.com", "conv-5", T.minusSeconds(60)));
    write(Timelines.call("+14155550123", "call-1", T.minusSeconds(30)));
    String byEmail = profileOf("dee@example.com");
    String byPhone = new ProfileQueries(db.dataSource()).byKey(new IdentityKey("phone", "+14155550123")).orElseThrow().id();
    assertEquals(2, count("select count(*) from profile_trait where trait = 'contacts_7d' and value = '1'"));
    published.clear();

    WriteResult merge = write(Timelines.contact("003X", "dee@example.com", "+14155550123", T));
    assertEquals(1, merge.merges());
    String survivor = byEmail.compareTo(byPhone) < 0 ? byEmail : byPhone;
    assertEquals(List.of(change(survivor, "contacts_7d", "1", "2", T, Cause.MERGE)), published);
    assertEquals(1, count("select count(*) from profile_trait"), "the merged-away profile's values went with it");
  }

  @Test
  void oneRoundOfQueriesRecomputesAWholeBatchAndAgreesWithEvaluatingTheFullTimeline() {
    List<String> statements = Collections.synchronizedList(new ArrayList<>());
    maintainer = maintainer(counting(db.dataSource(), statements));
    Random random = new Random(42);
    List<MappedRecord> batch = new ArrayList<>();
    for (int customer = 0; customer < 40; customer++) {
      String email = "c" + customer + "@example.com";
      int contacts = random.nextInt(6);
      int surveys = random.nextInt(4);
      for (int i = 0; i < contacts; i++) {
        batch.add(interaction(email, "conv-" + customer + "-" + i, T.minus(Duration.ofHours(random.nextInt(24 * 12)))));
      }
      for (int i = 0; i < surveys; i++) {
        batch.add(survey(email, "resp-" + customer + "-" + i, 1 + random.nextInt(5),
            T.minus(Duration.ofDays(random.nextInt(120)))));
      }
    }
    WriteResult result = write(batch.toArray(MappedRecord[]::new));

    assertTrue(result.timelineChanged().size() > 30, result.toString());
    assertEquals(4, statements.size(), "lock, read values, read events, upsert: " + statements);
    ProfileQueries queries = new ProfileQueries(db.dataSource());
    for (UUID profile : result.timelineChanged()) {
      List<TimelineEvent> timeline = queries.timeline(profile.toString(), 500, null).events();
      for (TraitDefinition trait : SHIPPED.all()) {
        JsonNode expected = TraitJson.of(trait.evaluate(timeline, T));
        String stored = storedValue(profile.toString(), trait.name());
        JsonNode actual = stored == null ? TraitJson.of(trait.evaluate(List.of(), T)) : TraitJson.parse(stored);
        assertEquals(expected, actual, trait.name() + " of " + profile);
      }
    }
  }

  private String profileOf(String email) {
    return new ProfileQueries(db.dataSource()).byKey(new IdentityKey("email", email)).orElseThrow().id();
  }

  private static ProfileChange change(String profile, String trait, String oldJson, String newJson, Instant at,
      Cause cause) {
    return new ProfileChange(profile, trait, TraitJson.parse(oldJson), TraitJson.parse(newJson), at, cause);
  }

  private static List<String> sorted(List<ProfileChange> changes) {
    return changes.stream().map(ProfileChange::toString).sorted().toList();
  }

  private String storedValue(String profile, String trait) {
    return query("select value::text from profile_trait where profile_id = '" + profile + "' and trait = '" + trait + "'");
  }

  private Instant nextChange(String profile, String trait) {
    String next = query("select to_char(next_change at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
        + " from profile_trait where profile_id = '" + profile + "' and trait = '" + trait + "'");
    return next == null ? null : Instant.parse(next);
  }

  private String traitRowVersions() {
    return query("select string_agg(profile_id || '/' || trait || ':' || xmin::text, ',' order by profile_id, trait)"
        + " from profile_trait");
  }

  private long count(String sql) {
    return Long.parseLong(query(sql));
  }

  private String query(String sql) {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The same database, noting every statement prepared on it. */
  private static DataSource counting(DataSource real, List<String> statements) {
    return (DataSource) Proxy.newProxyInstance(TraitMaintainerIT.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          Object result = invoke(real, method, args);
          if (!method.getName().equals("getConnection")) {
            return result;
          }
          Connection connection = (Connection) result;
          return Proxy.newProxyInstance(TraitMaintainerIT.class.getClassLoader(), new Class<?>[] {Connection.class},
              (p, m, a) -> {
                if (m.getName().startsWith("prepare")) {
                  statements.add((String) a[0]);
                }
                return invoke(connection, m, a);
              });
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
