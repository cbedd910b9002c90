package io.cxhub.profile;

import io.cxhub.identity.IdentityGraph;
import io.cxhub.identity.IdentityGraph.NewIdentity;
import io.cxhub.identity.KeyBlockList;
import io.cxhub.identity.KeyGroups;
import io.cxhub.identity.MergeCause;
import io.cxhub.identity.ProfileMerger;
import io.cxhub.mapping.EntityRecord;
import io.cxhub.mapping.IdentityKey;
import io.cxhub.mapping.MappedRecord;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.store.ConcurrentChangeException;
import io.cxhub.store.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
import javax.sql.DataSource;

/**
 * Writes mapped records into profiles and their timelines.
 *
 * <p>A batch is one transaction: its identity keys are resolved in one query, entities that share
 * keys land on one profile, a record whose keys reach two profiles merges them into the older one,
 * {@code party} fields become attributes by survivorship and every other entity becomes a timeline
 * event. Writing the same batch again changes no row. Several writers (threads or nodes) may run
 * at once: a key attached by two writers fails the later one on the identity primary key, a profile
 * changed or merged away since it was read fails the version check or a foreign key, and the loser
 * retries its whole batch. Profiles are not locked except for merges, because most batches change
 * nothing and a row lock is itself a write. Thread-safe.
 */
public final class ProfileWriter {

  private final Transactions transactions;
  private final IdentityGraph graph = new IdentityGraph();
  private final ProfileMerger merger = new ProfileMerger();
  private final ProfileRows profiles = new ProfileRows();
  private final EventRows events = new EventRows();
  private final KeyBlockList blocked;

  public ProfileWriter(DataSource dataSource) {
    this(dataSource, KeyBlockList.none());
  }

  /** @param blocked shared key values that tie no record to a profile (hub.yaml {@code identity.blockedKeys}) */
  public ProfileWriter(DataSource dataSource, KeyBlockList blocked) {
    this.transactions = new Transactions(dataSource);
    this.blocked = blocked;
  }

  /** One entity of the batch with the record it came from. */
  private record Item(RawRecord source, EntityRecord entity, String sourceId) {}

  /** Entities that end on one profile, and what happens to that profile. */
  private static final class Group {
    final List<Integer> items = new ArrayList<>();
    final Set<UUID> profiles = new LinkedHashSet<>();
    UUID profileId;
    String version;
    boolean created;
    boolean changed;
    int merges;
    Map<String, Attribute> attributes = new TreeMap<>();
  }

  /**
   * @throws io.cxhub.store.StoreException when the batch could not be written (nothing of it is)
   */
  public WriteResult write(List<MappedRecord> batch) {
    List<Item> items = new ArrayList<>();
    List<Unlinkable> unlinkable = new ArrayList<>();
    for (MappedRecord record : batch) {
      for (EntityRecord mapped : record.entities()) {
        EntityRecord entity = withoutBlockedKeys(mapped);
        String sourceId = entity.sourceId() != null ? entity.sourceId() : record.source().sourceId();
        if (entity.keys().isEmpty() && !mapped.keys().isEmpty()) {
          unlinkable.add(new Unlinkable(record, mapped, "only blocked identity keys ("
              + String.join(", ", mapped.keys().stream().map(IdentityKey::type).distinct().toList())
              + "): values many customers share (hub.yaml identity.blockedKeys) tie this " + mapped.entity()
              + " to no profile"));
        } else if (entity.keys().isEmpty()) {
          unlinkable.add(new Unlinkable(record, entity, "no identity keys: this " + entity.entity()
              + " cannot be tied to a profile (does the mapping of " + record.source().streamKey() + " declare keys?)"));
        } else if (sourceId == null && !entity.isParty()) {
          unlinkable.add(new Unlinkable(record, entity, "no source id: this " + entity.entity()
              + " could not be told apart from the other " + entity.entity() + " records of " + record.source().system()));
        } else {
          items.add(new Item(record.source(), entity, sourceId));
        }
      }
    }
    if (items.isEmpty()) {
      return new WriteResult(0, 0, 0, 0, 0, unlinkable, Set.of(), Set.of());
    }
    WriteResult written = transactions.inTransaction(
        "write a batch of " + batch.size() + " records to profiles", c -> write(c, items));
    return written.withUnlinkable(unlinkable);
  }

  private EntityRecord withoutBlockedKeys(EntityRecord entity) {
    List<IdentityKey> allowed = blocked.allowed(entity.keys());
    return allowed == entity.keys() ? entity
        : new EntityRecord(entity.entity(), entity.sourceId(), entity.fields(), allowed);
  }

  private WriteResult write(Connection c, List<Item> items) throws SQLException {
    Set<IdentityKey> keys = new LinkedHashSet<>();
    items.forEach(item -> keys.addAll(item.entity().keys()));
    Map<IdentityKey, UUID> known = graph.find(c, keys);
    Set<UUID> knownProfiles = new HashSet<>(known.values());
    Map<UUID, ProfileRows.Stored> stored = present(profiles.read(c, knownProfiles), knownProfiles);
    Group[] groupOf = group(items, known);
    Collection<Group> groups = new LinkedHashSet<>(Arrays.asList(groupOf));

    Set<UUID> merging = new HashSet<>();
    groups.stream().filter(g -> g.profiles.size() > 1).forEach(g -> merging.addAll(g.profiles));
    stored.putAll(present(profiles.lock(c, merging), merging));

    Map<UUID, String> inserts = new LinkedHashMap<>();
    List<ProfileRows.Update> updates = new ArrayList<>();
    List<NewIdentity> newIdentities = new ArrayList<>();
    Set<IdentityKey> attached = new HashSet<>(known.keySet());
    for (Group g : groups) {
      settle(c, g, stored, items, known);
      Map<String, Attribute> before = new TreeMap<>(g.attributes);
      for (int i : g.items) {
        Item item = items.get(i);
        if (item.entity().isParty()) {
          apply(item, g.attributes);
        }
        for (IdentityKey key : item.entity().keys()) {
          if (attached.add(key)) {
            newIdentities.add(new NewIdentity(key, g.profileId, item.source().system(), item.source().observedAt()));
            g.changed = true;
          }
        }
      }
      g.changed |= !g.attributes.equals(before);
      if (g.created) {
        inserts.put(g.profileId, ProfileJson.writeAttributes(g.attributes));
      } else if (g.changed) {
        updates.add(new ProfileRows.Update(g.profileId, g.version, ProfileJson.writeAttributes(g.attributes)));
      }
    }

    // rows in key order, so two writers touching the same rows take their locks in the same order
    newIdentities.sort(Comparator.comparing(n -> n.key().toString()));
    updates.sort(Comparator.comparing(u -> u.id().toString()));
    profiles.insert(c, inserts, Instant.now());
    graph.add(c, newIdentities);
    profiles.update(c, updates);
    List<EventRows.Row> rows = eventRows(items, groupOf);
    Set<EventRows.Key> written = events.upsert(c, rows);

    int unchanged = 0;
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      boolean same = item.entity().isParty()
          ? !groupOf[i].created && !groupOf[i].changed
          : !written.contains(eventKey(item));
      unchanged += same ? 1 : 0;
    }
    int merges = groups.stream().mapToInt(g -> g.merges).sum();
    // which timelines changed, for the traits computed over them
    Set<UUID> survivors = new HashSet<>();
    groups.stream().filter(g -> g.merges > 0).forEach(g -> survivors.add(g.profileId));
    Set<UUID> timelineChanged = new HashSet<>(survivors);
    rows.stream().filter(r -> written.contains(r.key())).forEach(r -> timelineChanged.add(r.profileId()));
    return new WriteResult(inserts.size(), updates.size(), written.size(), unchanged, merges, List.of(),
        timelineChanged, survivors);
  }

  /** The group of each entity, with the known profiles its keys reach. */
  private static Group[] group(List<Item> items, Map<IdentityKey, UUID> known) {
    int[] root = KeyGroups.of(items.stream().map(i -> i.entity().keys()).toList(), known);
    Map<Integer, Group> byRoot = new HashMap<>();
    Group[] groupOf = new Group[items.size()];
    for (int i = 0; i < items.size(); i++) {
      Group g = byRoot.computeIfAbsent(root[i], r -> new Group());
      g.items.add(i);
      for (IdentityKey key : items.get(i).entity().keys()) {
        UUID p = known.get(key);
        if (p != null) {
          g.profiles.add(p);
        }
      }
      groupOf[i] = g;
    }
    return groupOf;
  }

  /**
   * Picks the group's profile: a new one when none of its keys is known, the only one reached, or
   * the oldest of several, into which the others are merged.
   */
  private void settle(Connection c, Group g, Map<UUID, ProfileRows.Stored> stored, List<Item> items,
      Map<IdentityKey, UUID> known) throws SQLException {
    if (g.profiles.isEmpty()) {
      g.profileId = ProfileIds.next();
      g.created = true;
      return;
    }
    List<ProfileRows.Stored> involved = g.profiles.stream().map(stored::get)
        .sorted((a, b) -> a.olderThan(b) ? -1 : b.olderThan(a) ? 1 : 0).toList();
    ProfileRows.Stored survivor = involved.get(0);
    g.profileId = survivor.id();
    g.version = survivor.version();
    g.attributes = ProfileJson.readAttributes(survivor.attributes());
    for (ProfileRows.Stored merged : involved.subList(1, involved.size())) {
      merger.merge(c, survivor.id(), merged.id(), merged.createdAt(), merged.attributes(),
          causeOf(g, merged.id(), items, known));
      ProfileJson.readAttributes(merged.attributes()).forEach((name, a) -> {
        if (a.beats(g.attributes.get(name))) {
          g.attributes.put(name, a);
        }
      });
      g.merges++;
      g.changed = true;
    }
  }

  /** The profiles read, after checking none of the wanted ones vanished since their keys were read. */
  private static Map<UUID, ProfileRows.Stored> present(Map<UUID, ProfileRows.Stored> found, Set<UUID> wanted) {
    if (found.size() < wanted.size()) {
      Set<UUID> missing = new HashSet<>(wanted);
      missing.removeAll(found.keySet());
      throw new ConcurrentChangeException("profiles " + missing + " were merged away by another writer"
          + " after this batch read their keys");
    }
    return found;
  }

  /** Applies the fields of a party to the attributes, each one subject to survivorship. */
  private static void apply(Item item, Map<String, Attribute> attributes) {
    RawRecord source = item.source();
    item.entity().fields().forEach((name, value) -> {
      if (value != null) {
        Attribute candidate = new Attribute(ProfileJson.value(value), source.system(), source.stream(),
            item.sourceId(), source.observedAt());
        if (candidate.beats(attributes.get(name))) {
          attributes.put(name, candidate);
        }
      }
    });
  }

  /** The first entity of the group (in batch order) with a key that points at the merged profile. */
  private static MergeCause causeOf(Group g, UUID merged, List<Item> items, Map<IdentityKey, UUID> known) {
    for (int i : g.items) {
      Item item = items.get(i);
      for (IdentityKey key : item.entity().keys()) {
        if (merged.equals(known.get(key))) {
          return new MergeCause(item.source().system(), item.source().stream(), item.sourceId(),
              item.entity().entity(), key);
        }
      }
    }
    throw new IllegalStateException("profile " + merged + " is in a group without any key that points at it");
  }

  /** One row per event key; when a batch holds the same event twice, the later one wins. */
  private static List<EventRows.Row> eventRows(List<Item> items, Group[] groupOf) {
    Map<EventRows.Key, EventRows.Row> rows = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      if (item.entity().isParty()) {
        continue;
      }
      String data = ProfileJson.canonicalData(item.entity().fields());
      EventRows.Key key = eventKey(item);
      rows.remove(key);
      rows.put(key, new EventRows.Row(key, item.source().stream(), groupOf[i].profileId,
          item.source().observedAt(), data, ProfileJson.sha256(data)));
    }
    return new ArrayList<>(rows.values());
  }

  private static EventRows.Key eventKey(Item item) {
    return new EventRows.Key(item.source().system(), item.entity().entity(), item.sourceId());
  }
}
