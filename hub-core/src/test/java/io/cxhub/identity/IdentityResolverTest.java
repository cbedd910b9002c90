package io.cxhub.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.identity.IdentityRules.KeyRule;
import io.cxhub.identity.IdentityRules.SourceRule;
import io.cxhub.mapping.IdentityKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdentityResolverTest {

  private static final IdentityRules RULES = rules();

  @Test
  void aBatchEndsExactlyAsIfItsRecordsWereWrittenOneByOne() {
    for (int seed = 0; seed < 300; seed++) {
      Random random = new Random(seed);
      List<IdentityResolver.Entity> records = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        records.add(randomRecord(random));
      }
      Store together = new Store();
      List<UUID> batch = together.write(records);
      Store oneByOne = new Store();
      List<UUID> single = new ArrayList<>();
      for (IdentityResolver.Entity r : records) {
        single.addAll(oneByOne.write(List.of(r)));
      }
      assertEquals(partition(single, oneByOne), partition(batch, together), "seed " + seed);
      // merge counts may differ: two profiles born and joined within one batch were never stored, so no merge is recorded
      assertTrue(together.merges <= oneByOne.merges, "seed " + seed);
    }
  }

  @Test
  void aLimitRefusesTheMergeAndKeepsTheSecondIdOffTheProfile() {
    Store store = new Store();
    store.write(List.of(entity("salesforce", "crm_contact_id:1", "email:a@x.io")));
    store.write(List.of(entity("salesforce", "crm_contact_id:2", "email:b@x.io")));
    IdentityResolver.Result r = store.resolve(List.of(entity("stripe", "email:a@x.io", "email:b@x.io")));
    assertEquals(0, r.merges().size());
    assertEquals(1, r.refusals().size());
    assertTrue(r.refusals().get(0).reason().contains("2 crm_contact_id keys (limit 1)"), r.refusals().get(0).reason());
  }

  @Test
  void anUntrustedSourceAttachesToAProfileButNeverStartsAMerge() {
    Store store = new Store();
    store.write(List.of(entity("salesforce", "email:a@x.io")));
    store.write(List.of(entity("salesforce", "email:b@x.io")));
    IdentityResolver.Result r = store.resolve(List.of(entity("genesys", "email:a@x.io", "email:b@x.io",
        "ccaas_customer_id:77")));
    assertEquals(0, r.merges().size());
    assertEquals(1, r.attach().size(), "the untrusted record's own id attaches to a profile it reached");
    assertTrue(r.refusals().isEmpty());
  }

  private static IdentityRules rules() {
    Map<String, KeyRule> keys = new LinkedHashMap<>();
    keys.put("crm_contact_id", new KeyRule(true, 1));
    keys.put("email", new KeyRule(true, 2));
    keys.put("phone", new KeyRule(false, 0));
    return new IdentityRules(keys, Map.of("genesys", new SourceRule("ccaas", 0.2)), 0.5, KeyBlockList.none());
  }

  private static IdentityResolver.Entity randomRecord(Random random) {
    String[] systems = {"salesforce", "stripe", "genesys"};
    List<IdentityKey> keys = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int k = 0; k < n; k++) {
      keys.add(switch (random.nextInt(3)) {
        case 0 -> new IdentityKey("email", "e" + random.nextInt(12));
        case 1 -> new IdentityKey("phone", "+1415555000" + random.nextInt(6));
        default -> new IdentityKey("crm_contact_id", "c" + random.nextInt(8));
      });
    }
    return new IdentityResolver.Entity(keys.stream().distinct().toList(), systems[random.nextInt(systems.length)]);
  }

  private static IdentityResolver.Entity entity(String system, String... keys) {
    return new IdentityResolver.Entity(java.util.Arrays.stream(keys).map(IdentityKey::parse).toList(), system);
  }

  /** Which records share a profile, as each record's smallest partner index. */
  private static List<Integer> partition(List<UUID> profiles, Store store) {
    List<Integer> firstOf = new ArrayList<>();
    Map<UUID, Integer> first = new HashMap<>();
    for (int i = 0; i < profiles.size(); i++) {
      firstOf.add(first.computeIfAbsent(store.current(profiles.get(i)), p -> firstOf.size()));
    }
    return firstOf;
  }

  /** An in-memory identity graph that applies results as the writer does. */
  private static final class Store implements IdentityResolver.Facts {
    final Map<IdentityKey, UUID> owner = new HashMap<>();
    final Map<UUID, Instant> created = new HashMap<>();
    final Map<UUID, UUID> mergedInto = new HashMap<>();
    final Map<UUID, Map<String, Integer>> counts = new HashMap<>();
    int merges;
    long clock;

    IdentityResolver.Result resolve(List<IdentityResolver.Entity> records) {
      Map<IdentityKey, UUID> known = new HashMap<>();
      records.forEach(r -> r.keys().forEach(k -> {
        if (owner.containsKey(k)) {
          known.put(k, current(owner.get(k)));
        }
      }));
      return new IdentityResolver(RULES).resolve(records, known, this);
    }

    List<UUID> write(List<IdentityResolver.Entity> records) {
      IdentityResolver.Result r = resolve(records);
      List<UUID> fresh = new ArrayList<>();
      for (int i = 0; i < r.newProfiles(); i++) {
        UUID id = new UUID(1, ++clock);
        created.put(id, Instant.ofEpochSecond(clock));
        fresh.add(id);
      }
      for (IdentityResolver.Merge m : r.merges()) {
        mergedInto.put(m.merged(), m.survivor());
        counts.getOrDefault(m.merged(), Map.of()).forEach((t, n) ->
            counts.computeIfAbsent(m.survivor(), s -> new HashMap<>()).merge(t, n, Integer::sum));
        merges++;
      }
      List<UUID> homes = new ArrayList<>();
      for (IdentityResolver.Target t : r.homes()) {
        homes.add(t.isNew() ? fresh.get(t.newIndex()) : t.existing());
      }
      for (IdentityResolver.Attach a : r.attach()) {
        UUID p = a.target().isNew() ? fresh.get(a.target().newIndex()) : a.target().existing();
        owner.put(a.key(), p);
        counts.computeIfAbsent(p, s -> new HashMap<>()).merge(a.key().type(), 1, Integer::sum);
      }
      return homes;
    }

    UUID current(UUID p) {
      UUID c = p;
      while (mergedInto.containsKey(c)) {
        c = mergedInto.get(c);
      }
      return c;
    }

    @Override
    public Instant createdAt(UUID profile) {
      return created.get(profile);
    }

    @Override
    public Map<UUID, Map<String, Integer>> keyCounts(Set<UUID> profiles) {
      Map<UUID, Map<String, Integer>> out = new HashMap<>();
      profiles.forEach(p -> out.put(p, counts.getOrDefault(p, Map.of())));
      return out;
    }

    @Override
    public Set<List<UUID>> separations(Set<UUID> profiles) {
      return Set.of();
    }
  }
}
