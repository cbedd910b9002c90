package io.cxhub.identity;

import io.cxhub.mapping.IdentityKey;
import io.cxhub.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The dry run behind {@code cxhub identity simulate}: replays the identity keys of every stored
 * record (party source records and timeline events, oldest first, in batches like the writer's)
 * through an {@link IdentityResolver} with candidate rules and an in-memory graph, then compares
 * the profiles it would build with the stored ones. Nothing is written. Memory grows with the
 * number of keys in the store (the in-memory graph), so run it where the hub runs.
 *
 * <p>Keys the current rules blocked were never stored, so unblocking a value cannot be simulated;
 * records written before keys were kept (before schema V5) keep their current profile.
 */
public final class IdentitySimulation {

  /** Batch size of the replay: the writer's default. */
  private static final int BATCH = 500;
  private static final int EXAMPLES = 10;

  /**
   * @param merges simulated profiles that would hold the records of two or more stored profiles
   * @param profilesMerged stored profiles that would be folded into another
   * @param splits stored profiles whose records would end on two or more profiles
   * @param recordsMoved records whose profile would change (counted against the stored profile they share most with)
   * @param mergeExamples up to ten merges, each the stored profile ids that would become one
   * @param splitExamples up to ten stored profile ids that would split
   */
  public record Report(int records, int storedProfiles, int simulatedProfiles, int merges, int profilesMerged,
      int splits, int recordsMoved, int mergesRefused, int keysDropped, List<List<UUID>> mergeExamples,
      List<UUID> splitExamples) {}

  private record StoredRecord(UUID profile, String system, Instant at, List<IdentityKey> keys) {}

  private final DataSource dataSource;

  public IdentitySimulation(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Report run(IdentityRules rules) {
    List<StoredRecord> records = read();
    Set<List<UUID>> separated = separations();
    IdentityResolver resolver = new IdentityResolver(rules);
    Graph graph = new Graph(separated);
    UUID[] homes = new UUID[records.size()];
    int refused = 0;
    int dropped = 0;
    for (int from = 0; from < records.size(); from += BATCH) {
      List<StoredRecord> batch = records.subList(from, Math.min(records.size(), from + BATCH));
      List<IdentityResolver.Entity> entities = new ArrayList<>(batch.size());
      Set<IdentityKey> keys = new HashSet<>();
      for (StoredRecord r : batch) {
        List<IdentityKey> allowed = rules.blocked().allowed(r.keys());
        entities.add(new IdentityResolver.Entity(allowed, r.system()));
        keys.addAll(allowed);
      }
      Map<IdentityKey, UUID> known = graph.find(keys);
      IdentityResolver.Result result = resolver.resolve(entities, known, graph);
      refused += result.refusals().size();
      dropped += result.dropped().size();
      UUID[] home = graph.apply(result, batch.stream().map(StoredRecord::profile).toList());
      System.arraycopy(home, 0, homes, from, home.length);
    }
    int[] simulated = new int[records.size()];
    for (int i = 0; i < homes.length; i++) {
      simulated[i] = graph.number(homes[i]);
    }
    return compare(records, simulated, refused, dropped);
  }

  /** Stored profile per simulated profile and the reverse, from the two assignments of each record. */
  private static Report compare(List<StoredRecord> records, int[] simulated, int refused, int dropped) {
    Map<Integer, Map<UUID, Integer>> storedBySimulated = new TreeMap<>();
    Map<UUID, Map<Integer, Integer>> simulatedByStored = new LinkedHashMap<>();
    for (int i = 0; i < records.size(); i++) {
      UUID stored = records.get(i).profile();
      storedBySimulated.computeIfAbsent(simulated[i], s -> new LinkedHashMap<>()).merge(stored, 1, Integer::sum);
      simulatedByStored.computeIfAbsent(stored, s -> new TreeMap<>()).merge(simulated[i], 1, Integer::sum);
    }
    int merges = 0;
    int profilesMerged = 0;
    List<List<UUID>> mergeExamples = new ArrayList<>();
    for (Map<UUID, Integer> stored : storedBySimulated.values()) {
      if (stored.size() > 1) {
        merges++;
        profilesMerged += stored.size() - 1;
        if (mergeExamples.size() < EXAMPLES) {
          mergeExamples.add(List.copyOf(stored.keySet()));
        }
      }
    }
    int splits = 0;
    int moved = 0;
    List<UUID> splitExamples = new ArrayList<>();
    for (Map.Entry<UUID, Map<Integer, Integer>> e : simulatedByStored.entrySet()) {
      Map<Integer, Integer> parts = e.getValue();
      if (parts.size() > 1) {
        splits++;
        if (splitExamples.size() < EXAMPLES) {
          splitExamples.add(e.getKey());
        }
        int largest = parts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        moved += parts.values().stream().mapToInt(Integer::intValue).sum() - largest;
      }
    }
    for (Map<UUID, Integer> stored : storedBySimulated.values()) {
      if (stored.size() > 1) {
        int largest = stored.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        moved += stored.values().stream().mapToInt(Integer::intValue).sum() - largest;
      }
    }
    return new Report(records.size(), simulatedByStored.size(), storedBySimulated.size(), merges, profilesMerged,
        splits, moved, refused, dropped, mergeExamples, splitExamples);
  }

  /** Every record that carried keys, oldest first (ties in a fixed order, so runs repeat). */
  private List<StoredRecord> read() {
    List<StoredRecord> records = new ArrayList<>();
    String sql = "select profile_id, system, at, keys from ("
        + " select profile_id, system, observed_at as at, keys, 0 as kind, entity, source_id from profile_source"
        + " union all select profile_id, system, occurred_at, keys, 1, entity, source_id from profile_event) r"
        + " where keys <> '{}' order by at, kind, system, entity, source_id";
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false); // a cursor, so the store is streamed rather than loaded in one result
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(5_000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            List<IdentityKey> keys = new ArrayList<>();
            for (String k : (String[]) rs.getArray(4).getArray()) {
              keys.add(IdentityKey.parse(k));
            }
            records.add(new StoredRecord(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
                keys));
          }
        }
      }
      c.rollback();
    } catch (SQLException e) {
      throw new StoreException("read the stored records' identity keys for the simulation: " + e.getMessage(), e);
    }
    return records;
  }

  private Set<List<UUID>> separations() {
    Set<List<UUID>> pairs = new HashSet<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "select profile_a, profile_b from profile_separation"); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        pairs.add(List.of(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
      }
    } catch (SQLException e) {
      throw new StoreException("read the un-merged pairs for the simulation: " + e.getMessage(), e);
    }
    return pairs;
  }

  /**
   * The simulated identity graph. Simulated profiles get ids of their own; each remembers the stored
   * profiles its records came from, so pairs an admin split apart stay apart here too.
   */
  private static final class Graph implements IdentityResolver.Facts {
    private final Set<List<UUID>> separated;
    private final Map<IdentityKey, UUID> owner = new HashMap<>();
    private final Map<UUID, Instant> created = new HashMap<>();
    private final Map<UUID, Map<String, Integer>> counts = new HashMap<>();
    private final Map<UUID, Set<UUID>> storedOf = new HashMap<>();
    private final Map<UUID, UUID> mergedInto = new HashMap<>();
    private long sequence;

    Graph(Set<List<UUID>> separated) {
      this.separated = separated;
    }

    Map<IdentityKey, UUID> find(Set<IdentityKey> keys) {
      Map<IdentityKey, UUID> known = new HashMap<>();
      for (IdentityKey k : keys) {
        UUID p = owner.get(k);
        if (p != null) {
          known.put(k, current(p));
        }
      }
      return known;
    }

    /** Applies a batch's decisions; returns each record's simulated profile. */
    UUID[] apply(IdentityResolver.Result result, List<UUID> storedProfiles) {
      List<UUID> fresh = new ArrayList<>();
      for (int i = 0; i < result.newProfiles(); i++) {
        UUID id = new UUID(0, ++sequence);
        created.put(id, Instant.ofEpochSecond(sequence)); // creation order is replay order
        fresh.add(id);
      }
      for (IdentityResolver.Merge m : result.merges()) {
        mergedInto.put(m.merged(), m.survivor());
        counts.getOrDefault(m.merged(), Map.of()).forEach((t, n) -> counts.computeIfAbsent(m.survivor(),
            s -> new HashMap<>()).merge(t, n, Integer::sum));
        storedOf.computeIfAbsent(m.survivor(), s -> new HashSet<>()).addAll(storedOf.getOrDefault(m.merged(), Set.of()));
      }
      UUID[] home = new UUID[result.homes().length];
      for (int i = 0; i < home.length; i++) {
        IdentityResolver.Target t = result.homes()[i];
        home[i] = t.isNew() ? fresh.get(t.newIndex()) : t.existing();
        storedOf.computeIfAbsent(home[i], s -> new HashSet<>()).add(storedProfiles.get(i));
      }
      for (IdentityResolver.Attach a : result.attach()) {
        owner.put(a.key(), home[a.entity()]);
        counts.computeIfAbsent(home[a.entity()], s -> new HashMap<>()).merge(a.key().type(), 1, Integer::sum);
      }
      return home;
    }

    /** The profile a simulated profile ended in, after every merge since. */
    UUID current(UUID profile) {
      UUID p = profile;
      for (UUID next = mergedInto.get(p); next != null; next = mergedInto.get(p)) {
        p = next;
      }
      return p;
    }

    /** A number for the profile a record ended on (its creation sequence). */
    int number(UUID simulated) {
      return (int) current(simulated).getLeastSignificantBits();
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
      Set<List<UUID>> pairs = new HashSet<>();
      if (separated.isEmpty()) {
        return pairs;
      }
      for (UUID a : profiles) {
        for (UUID b : profiles) {
          if (!a.equals(b) && apart(storedOf.getOrDefault(a, Set.of()), storedOf.getOrDefault(b, Set.of()))) {
            pairs.add(List.of(a, b));
          }
        }
      }
      return pairs;
    }

    private boolean apart(Set<UUID> a, Set<UUID> b) {
      for (UUID x : a) {
        for (UUID y : b) {
          if (separated.contains(List.of(x, y)) || separated.contains(List.of(y, x))) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
