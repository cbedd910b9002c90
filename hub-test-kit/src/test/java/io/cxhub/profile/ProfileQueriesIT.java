package io.cxhub.profile;

import static io.cxhub.profile.Records.T0;
import static io.cxhub.profile.Records.billingCustomer;
import static io.cxhub.profile.Records.email;
import static io.cxhub.profile.Records.invoice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.mapping.MappedRecord;
import io.cxhub.store.Database;
import io.cxhub.testkit.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProfileQueriesIT {

  private Database db;
  private ProfileWriter writer;
  private ProfileQueries queries;

  @BeforeEach
  void open() {
    db = Database.open(TestPostgres.newDatabase("queries"), null, null, 2);
    writer = new ProfileWriter(db.dataSource());
    queries = new ProfileQueries(db.dataSource());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void pagesVisitEveryProfileOnceInCreationOrder() throws Exception {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      writer.write(List.of(billingCustomer("cus_" + i, "p" + i + "@example.com", "P" + i, T0)));
      created.add(queries.byKey(email("p" + i + "@example.com")).orElseThrow().id());
      Thread.sleep(2); // ids are time-ordered to the millisecond
    }

    List<String> seen = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      ProfilePage page = queries.page(2, after);
      page.profiles().forEach(p -> seen.add(p.id()));
      after = page.nextAfter();
      pages++;
    } while (after != null);

    assertEquals(created, seen);
    assertEquals(3, pages);
    assertEquals(2, queries.page(2, null).profiles().get(0).identities().size());
  }

  @Test
  void timelinePagesGoBackInTime() {
    List<MappedRecord> batch = new ArrayList<>(List.of(billingCustomer("cus_1", "t@example.com", "T", T0)));
    for (int i = 0; i < 5; i++) {
      batch.add(invoice("in_" + i, "cus_1", i + ".00", T0.plusSeconds(i)));
    }
    writer.write(batch);
    String id = queries.byKey(email("t@example.com")).orElseThrow().id();

    List<String> seen = new ArrayList<>();
    TimelinePage page = queries.timeline(id, 2, null);
    seen.addAll(page.events().stream().map(TimelineEvent::sourceId).toList());
    while (page.nextBefore() != null) {
      page = queries.timeline(id, 2, page.nextBefore());
      seen.addAll(page.events().stream().map(TimelineEvent::sourceId).toList());
    }

    assertEquals(List.of("in_4", "in_3", "in_2", "in_1", "in_0"), seen);
  }

  @Test
  void unknownIdsAreEmptyAndBadArgumentsAreNamed() {
    assertTrue(queries.byId("not-a-uuid").isEmpty());
    assertTrue(queries.byId("018f0000-0000-7000-8000-000000000000").isEmpty());
    assertTrue(queries.byKey(email("nobody@example.com")).isEmpty());
    assertNull(queries.page(10, null).nextAfter());
    IllegalArgumentException limit = assertThrows(IllegalArgumentException.class, () -> queries.page(0, null));
    assertTrue(limit.getMessage().contains("limit 0"), limit.getMessage());
    IllegalArgumentException after = assertThrows(IllegalArgumentException.class, () -> queries.page(5, "x"));
    assertTrue(after.getMessage().contains("afterId 'x'"), after.getMessage());
  }
}
