package io.cxhub.identity;

import io.cxhub.mapping.IdentityKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * <p>Records are placed one at a time in batch order, each seeing the keys the records before it
 * attached, so a batch ends as if its records had been written one by one:
 * <ol>
 *   <li>The profiles the record's mergeable keys reach (key type and source trust allowing) merge
 *       into the oldest, unless the merge would break a key-type limit or undo an un-merge; a
 *       refused profile stays as it was.
 *   <li>The record lands on the profile of its strongest mergeable known key. Without one, a
 *       record that has a mergeable key of its own starts a new profile (a shared phone does not
 *       pull a new person into a stranger's profile); one that has not (a call with only a phone)
 *       lands on the profile of its strongest known key of any kind: routing is not merging.
 *   <li>Its new keys attach to that profile, within their type's limit.
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
    return new Run(entities, known, facts).resolve();
  }

  /**
   * One batch, record by record in batch order, so a batch ends exactly as if its records had been
   * written one at a time: a record sees the keys the records before it attached.
   */
  private final class Run {
    private final List<Entity> entities;
    private final Facts facts;
    private final Map<IdentityKey, Target> owner = new HashMap<>();
    private final Map<Target, Target> mergedInto = new HashMap<>();
    private final Map<Target, Map<String, Integer>> counts = new HashMap<>();
    private final Comparator<IdentityKey> strongestFirst = rules.priority();
    private final boolean limited = rules.keys().values().stream().anyMatch(k -> k.limit() > 0);
    private final Set<UUID> knownProfiles;
    private Set<List<UUID>> separated;
    private int created;
    private final List<Merge> merges = new ArrayList<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private final List<Attach> attach = new ArrayList<>();
    private final List<Dropped> dropped = new ArrayList<>();

    Run(List<Entity> entities, Map<IdentityKey, UUID> known, Facts facts) {
      this.entities = entities;
      this.facts = facts;
      known.forEach((k, p) -> owner.put(k, Target.of(p)));
      knownProfiles = new LinkedHashSet<>(known.values());
      if (limited) {
        facts.keyCounts(knownProfiles).forEach((p, c) -> counts.put(Target.of(p), new HashMap<>(c)));
      }
    }

    Result resolve() {
      Target[] homes = new Target[entities.size()];
      for (int i = 0; i < entities.size(); i++) {
        homes[i] = place(i);
      }
      // new profiles folded into others get no id: number the remaining ones densely
      Map<Integer, Target> renumbered = new TreeMap<>();
      for (int i = 0; i < homes.length; i++) {
        homes[i] = current(homes[i]);
      }
      for (Target t : homes) {
        if (t.isNew()) {
          renumbered.putIfAbsent(t.newIndex(), null);
        }
      }
      int n = 0;
      for (Map.Entry<Integer, Target> e : renumbered.entrySet()) {
        e.setValue(new Target(null, n++));
      }
      for (int i = 0; i < homes.length; i++) {
        homes[i] = dense(homes[i], renumbered);
      }
      List<Attach> attached = attach.stream()
          .map(a -> new Attach(a.key(), dense(current(a.target()), renumbered), a.entity())).toList();
      return new Result(homes, n, merges, refusals, attached, dropped);
    }

    private Target dense(Target t, Map<Integer, Target> renumbered) {
      return t.isNew() ? renumbered.get(t.newIndex()) : t;
    }

    /** Merges what this record's mergeable keys reach, picks its profile and attaches its new keys there. */
    private Target place(int i) {
      Entity e = entities.get(i);
      Map<Target, IdentityKey> reached = new LinkedHashMap<>();
      for (IdentityKey key : e.keys()) {
        Target t = owner.get(key);
        if (t != null && rules.mayMerge(key, e.system())) {
          reached.putIfAbsent(current(t), key);
        }
      }
      if (reached.size() > 1) {
        merge(i, reached);
      }
      Target home = home(e);
      for (IdentityKey key : e.keys()) {
        if (owner.containsKey(key)) {
          continue;
        }
        int limit = rules.key(key.type()).limit();
        Map<String, Integer> have = counts.computeIfAbsent(home, t -> new HashMap<>());
        int n = have.getOrDefault(key.type(), 0);
        if (limit > 0 && n >= limit) {
          dropped.add(new Dropped(key, i, "the profile already has " + n + " " + key.type() + " key"
              + (n == 1 ? "" : "s") + " (limit " + limit + ")"));
          continue;
        }
        have.put(key.type(), n + 1);
        owner.put(key, home);
        attach.add(new Attach(key, home, i));
      }
      return home;
    }

    /**
     * The profile of the record's strongest mergeable known key; else a new one when the record
     * has a mergeable key of its own (a shared phone must not pull a new person into a stranger's
     * profile); else the profile of its strongest known key of any kind (a call with only a phone).
     */
    private Target home(Entity e) {
      IdentityKey strongestMergeable = null;
      IdentityKey strongest = null;
      boolean ownMergeableKey = false;
      for (IdentityKey key : e.keys()) {
        boolean mergeable = rules.mayMerge(key, e.system());
        if (!owner.containsKey(key)) {
          ownMergeableKey |= mergeable;
          continue;
        }
        if (mergeable && (strongestMergeable == null || strongestFirst.compare(key, strongestMergeable) < 0)) {
          strongestMergeable = key;
        }
        if (strongest == null || strongestFirst.compare(key, strongest) < 0) {
          strongest = key;
        }
      }
      if (strongestMergeable != null) {
        return current(owner.get(strongestMergeable));
      }
      if (strongest != null && !ownMergeableKey) {
        return current(owner.get(strongest));
      }
      return new Target(null, created++);
    }

    /** Folds the profiles one record joins into the oldest, each unless a limit or an un-merge forbids it. */
    private void merge(int i, Map<Target, IdentityKey> reached) {
      List<Target> byAge = new ArrayList<>(reached.keySet());
      byAge.sort(this::olderFirst);
      Target survivor = byAge.get(0);
      List<Target> absorbed = new ArrayList<>(List.of(survivor));
      for (Target candidate : byAge.subList(1, byAge.size())) {
        String refusal = refusal(candidate, absorbed, survivor);
        if (refusal != null) {
          refusals.add(new Refusal(candidate.existing(), survivor.existing(), refusal));
          continue;
        }
        counts.getOrDefault(candidate, Map.of()).forEach((t, c) ->
            counts.computeIfAbsent(survivor, s -> new HashMap<>()).merge(t, c, Integer::sum));
        mergedInto.put(candidate, survivor);
        absorbed.add(candidate);
        if (!candidate.isNew()) { // a profile of this batch folding into another was never stored: nothing to record
          IdentityKey key = reached.get(candidate);
          merges.add(new Merge(survivor.existing(), candidate.existing(), i, key,
              rules.describeMerge(key, entities.get(i).system())));
        }
      }
    }

    /** Stored profiles by creation, then this batch's new ones in the order they were made. */
    private int olderFirst(Target a, Target b) {
      if (a.isNew() || b.isNew()) {
        return a.isNew() && b.isNew() ? Integer.compare(a.newIndex(), b.newIndex()) : a.isNew() ? 1 : -1;
      }
      int byTime = facts.createdAt(a.existing()).compareTo(facts.createdAt(b.existing()));
      return byTime != 0 ? byTime : a.existing().toString().compareTo(b.existing().toString());
    }

    private String refusal(Target candidate, List<Target> absorbed, Target survivor) {
      if (!candidate.isNew()) {
        if (separated == null) {
          separated = knownProfiles.size() < 2 ? Set.of() : facts.separations(knownProfiles);
        }
        for (Target a : absorbed) {
          if (!a.isNew() && (separated.contains(List.of(a.existing(), candidate.existing()))
              || separated.contains(List.of(candidate.existing(), a.existing())))) {
            return "profiles " + a.existing() + " and " + candidate.existing() + " were split apart by an un-merge";
          }
        }
      }
      return IdentityResolver.this.refusal(counts.getOrDefault(survivor, Map.of()),
          counts.getOrDefault(candidate, Map.of()));
    }

    private Target current(Target t) {
      Target c = t;
      for (Target next = mergedInto.get(c); next != null; next = mergedInto.get(c)) {
        c = next;
      }
      return c;
    }
  }

  /** Why two profiles with these key counts may not become one, or null when they may. */
  private String refusal(Map<String, Integer> survivorCounts, Map<String, Integer> candidateCounts) {
    for (Map.Entry<String, IdentityRules.KeyRule> rule : rules.keys().entrySet()) {
      int limit = rule.getValue().limit();
      int together = survivorCounts.getOrDefault(rule.getKey(), 0) + candidateCounts.getOrDefault(rule.getKey(), 0);
      if (limit > 0 && together > limit) {
        return "together they would have " + together + " " + rule.getKey() + " keys (limit " + limit + ")";
      }
    }
    return null;
  }
}
