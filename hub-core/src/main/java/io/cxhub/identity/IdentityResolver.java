package io.cxhub.identity;

import io.cxhub.mapping.IdentityKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Decides, for a batch of records, which profile each record lands on, which profiles merge, and
 * which new keys attach where, under {@link IdentityRules}. Pure: it reads the store only through
 * {@link Facts}, asked at most once per kind and only when a rule needs it, so the writer and the
 * dry run ({@code cxhub identity simulate}) share one set of rules.
 *
 * <ol>
 *   <li>Records and known profiles are joined by keys that may merge (type and source trust).
 *       Profiles joined that way merge into the oldest, unless the merge would break a key-type limit
 *       or undo an un-merge; a refused profile stays as it was.
 *   <li>A record lands on the profile of its strongest known key (after merges), whatever the key's
 *       type: routing a call to a profile by a shared phone is not a merge.
 *   <li>A record with no known key lands where a record sharing one of its new keys landed, else on
 *       a new profile shared with every record it is tied to by new keys.
 *   <li>New keys attach to the profile of the first record carrying them, within their type's limit.
 * </ol>
 */
public final class IdentityResolver {

  /** A record to place: its identity keys and the system it came from. */
  public record Entity(List<IdentityKey> keys, String system) {}

  /** What the resolver may ask of the store. */
  public interface Facts {
    /** When each profile was created: the oldest survives a merge. */
    Instant createdAt(UUID profile);

    /** Keys per type already on each profile; asked only when a limit is configured. */
    Map<UUID, Map<String, Integer>> keyCounts(Set<UUID> profiles);

    /** Pairs (either order) an un-merge split apart; asked only when profiles are about to merge. */
    Set<List<UUID>> separations(Set<UUID> profiles);
  }

  /** Where records land: an existing profile, or the n-th new profile of the batch. */
  public record Target(UUID existing, int newIndex) {
    static Target of(UUID id) {
      return new Target(id, -1);
    }

    public boolean isNew() {
      return existing == null;
    }
  }

  /** {@code merged} folds into {@code survivor} because {@code entity}'s {@code key} pointed at it. */
  public record Merge(UUID survivor, UUID merged, int entity, IdentityKey key, String rule) {}

  /** A merge the rules refused, with why. */
  public record Refusal(UUID profile, UUID other, String reason) {}

  /** A new key to attach, from the first entity that carried it. */
  public record Attach(IdentityKey key, Target target, int entity) {}

  /** A new key left unattached, with why. */
  public record Dropped(IdentityKey key, int entity, String reason) {}

  public record Result(Target[] homes, int newProfiles, List<Merge> merges, List<Refusal> refusals,
      List<Attach> attach, List<Dropped> dropped) {}

  private final IdentityRules rules;

  public IdentityResolver(IdentityRules rules) {
    this.rules = rules;
  }

  public IdentityRules rules() {
    return rules;
  }

  public Result resolve(List<Entity> entities, Map<IdentityKey, UUID> known, Facts facts) {
    int n = entities.size();
    List<UUID> profiles = new ArrayList<>(new LinkedHashSet<>(known.values()));
    Map<UUID, Integer> profileNode = new HashMap<>();
    for (int p = 0; p < profiles.size(); p++) {
      profileNode.put(profiles.get(p), n + p);
    }
    boolean limited = rules.keys().values().stream().anyMatch(k -> k.limit() > 0);
    Map<UUID, Map<String, Integer>> counts = limited ? new HashMap<>(facts.keyCounts(Set.copyOf(profiles))) : new HashMap<>();

    // 1. join by keys that may merge; the first such key to reach a profile is the cause of its merge
    UnionFind joined = new UnionFind(n + profiles.size());
    Map<UUID, int[]> causeEntity = new HashMap<>();
    Map<UUID, IdentityKey> causeKey = new HashMap<>();
    Map<IdentityKey, Integer> firstHolder = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Entity e = entities.get(i);
      for (IdentityKey key : e.keys()) {
        if (!rules.mayMerge(key, e.system())) {
          continue;
        }
        UUID p = known.get(key);
        if (p != null) {
          joined.union(i, profileNode.get(p));
          if (causeEntity.putIfAbsent(p, new int[] {i}) == null) {
            causeKey.put(p, key);
          }
        } else {
          Integer holder = firstHolder.putIfAbsent(key, i);
          if (holder != null) {
            joined.union(holder, i);
          }
        }
      }
    }
    Map<Integer, List<UUID>> byComponent = new TreeMap<>();
    for (UUID p : profiles) {
      byComponent.computeIfAbsent(joined.find(profileNode.get(p)), r -> new ArrayList<>()).add(p);
    }

    // 2. merge each component's profiles into its oldest, within the limits and past un-merges
    Map<UUID, UUID> finalOf = new HashMap<>();
    List<Merge> merges = new ArrayList<>();
    List<Refusal> refusals = new ArrayList<>();
    Set<UUID> merging = new HashSet<>();
    byComponent.values().stream().filter(c -> c.size() > 1).forEach(merging::addAll);
    Set<List<UUID>> separated = merging.isEmpty() ? Set.of() : facts.separations(merging);
    Comparator<UUID> oldestFirst = Comparator.comparing(facts::createdAt).thenComparing(UUID::toString);
    for (List<UUID> component : byComponent.values()) {
      if (component.size() < 2) {
        continue;
      }
      component.sort(oldestFirst);
      UUID survivor = component.get(0);
      List<UUID> absorbed = new ArrayList<>(List.of(survivor));
      Map<String, Integer> survivorCounts = new HashMap<>(counts.getOrDefault(survivor, Map.of()));
      for (UUID candidate : component.subList(1, component.size())) {
        String refusal = refusal(candidate, absorbed, separated, survivorCounts, counts.getOrDefault(candidate, Map.of()));
        if (refusal != null) {
          refusals.add(new Refusal(candidate, survivor, refusal));
          continue;
        }
        int entity = causeEntity.get(candidate)[0];
        IdentityKey key = causeKey.get(candidate);
        merges.add(new Merge(survivor, candidate, entity, key, rules.describeMerge(key, entities.get(entity).system())));
        counts.getOrDefault(candidate, Map.of()).forEach((t, c) -> survivorCounts.merge(t, c, Integer::sum));
        absorbed.add(candidate);
        finalOf.put(candidate, survivor);
      }
      counts.put(survivor, survivorCounts);
    }

    // 3. each record goes to the profile of its strongest known key
    Target[] homes = new Target[n];
    Comparator<IdentityKey> strongestFirst = rules.priority();
    for (int i = 0; i < n; i++) {
      IdentityKey strongest = null;
      for (IdentityKey key : entities.get(i).keys()) {
        if (known.containsKey(key) && (strongest == null || strongestFirst.compare(key, strongest) < 0)) {
          strongest = key;
        }
      }
      if (strongest != null) {
        UUID p = known.get(strongest);
        homes[i] = Target.of(finalOf.getOrDefault(p, p));
      }
    }

    // 4. records without a known key follow the records they share new keys with
    UnionFind tied = new UnionFind(n);
    Map<IdentityKey, Integer> holderOfNew = new HashMap<>();
    for (int i = 0; i < n; i++) {
      for (IdentityKey key : entities.get(i).keys()) {
        if (!known.containsKey(key)) {
          Integer holder = holderOfNew.putIfAbsent(key, i);
          if (holder != null) {
            tied.union(holder, i);
          }
        }
      }
    }
    Map<Integer, Target> homeOfTie = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (homes[i] != null) {
        homeOfTie.putIfAbsent(tied.find(i), homes[i]);
      }
    }
    int newProfiles = 0;
    for (int i = 0; i < n; i++) {
      if (homes[i] == null) {
        Target t = homeOfTie.get(tied.find(i));
        if (t == null) {
          t = new Target(null, newProfiles++);
          homeOfTie.put(tied.find(i), t);
        }
        homes[i] = t;
      }
    }

    // 5. new keys attach to the first carrier's profile, within the limit of their type
    List<Attach> attach = new ArrayList<>();
    List<Dropped> dropped = new ArrayList<>();
    Map<Target, Map<String, Integer>> added = new HashMap<>();
    Set<IdentityKey> placed = new HashSet<>();
    for (int i = 0; i < n; i++) {
      for (IdentityKey key : entities.get(i).keys()) {
        if (known.containsKey(key) || !placed.add(key)) {
          continue;
        }
        int limit = rules.key(key.type()).limit();
        Map<String, Integer> extra = added.computeIfAbsent(homes[i], t -> new HashMap<>());
        if (limit > 0) {
          int have = (homes[i].isNew() ? 0 : counts.getOrDefault(homes[i].existing(), Map.of()).getOrDefault(key.type(), 0))
              + extra.getOrDefault(key.type(), 0);
          if (have >= limit) {
            dropped.add(new Dropped(key, i, "the profile already has " + have + " " + key.type() + " key"
                + (have == 1 ? "" : "s") + " (limit " + limit + ")"));
            continue;
          }
        }
        extra.merge(key.type(), 1, Integer::sum);
        attach.add(new Attach(key, homes[i], i));
      }
    }
    return new Result(homes, newProfiles, merges, refusals, attach, dropped);
  }

  /** Why {@code candidate} may not join the profiles merged so far, or null when it may. */
  private String refusal(UUID candidate, Collection<UUID> absorbed, Set<List<UUID>> separated,
      Map<String, Integer> survivorCounts, Map<String, Integer> candidateCounts) {
    for (UUID a : absorbed) {
      if (separated.contains(List.of(a, candidate)) || separated.contains(List.of(candidate, a))) {
        return "profiles " + a + " and " + candidate + " were split apart by an un-merge";
      }
    }
    for (Map.Entry<String, IdentityRules.KeyRule> rule : rules.keys().entrySet()) {
      int limit = rule.getValue().limit();
      int together = survivorCounts.getOrDefault(rule.getKey(), 0) + candidateCounts.getOrDefault(rule.getKey(), 0);
      if (limit > 0 && together > limit) {
        return "together they would have " + together + " " + rule.getKey() + " keys (limit " + limit + ")";
      }
    }
    return null;
  }

  /** Disjoint sets over 0..n-1; the smaller index is the root, so results do not depend on union order. */
  private static final class UnionFind {
    private final int[] parent;

    UnionFind(int n) {
      parent = new int[n];
      for (int i = 0; i < n; i++) {
        parent[i] = i;
      }
    }

    int find(int i) {
      while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
      }
      return i;
    }

    void union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra != rb) {
        parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }
  }
}
