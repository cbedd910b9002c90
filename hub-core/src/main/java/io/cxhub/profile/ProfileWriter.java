package io.cxhub.profile;

import io.cxhub.identity.IdentityGraph;
import io.cxhub.identity.IdentityGraph.NewIdentity;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  public ProfileWriter(DataSource dataSource) {
    this.transactions = new Transactions(dataSource);
  }

  /** One entity of the batch with the record it came from. */
  private record Item(RawRecord source, EntityRecord entity, String sourceId) {}

  /** Entities that end on one profile. */
  private static final class Group {
    final List<Integer> items = new ArrayList<>();
    final Set<UUID> profiles = new LinkedHashSet<>();
    UUID profileId;
    boolean created;
    boolean changed;
  }

  /**
   * @throws io.cxhub.store.StoreException when the batch could not be written (nothing of it is)
   */
  public WriteResult write(List<MappedRecord> batch) {
    List<Item> items = new ArrayList<>();
    List<Unlinkable> unlinkable = new ArrayList<>();
    for (MappedRecord record : batch) {
      for (EntityRecord entity : record.entities()) {
        String sourceId = entity.sourceId() != null ? entity.sourceId() : record.source().sourceId();
        if (entity.keys().isEmpty()) {
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
      return new WriteResult(0, 0, 0, 0, 0, unlinkable);
    }
    WriteResult written = transactions.inTransaction(
        "write a batch of " + batch.size() + " records to profiles", c -> write(c, items));
    return written.withUnlinkable(unlinkable);
  }

  private WriteResult write(Connection c, List<Item> items) throws SQLException {
    Set<IdentityKey> keys = new LinkedHashSet<>();
    List<List<IdentityKey>> keysPerItem = new ArrayList<>(items.size());
    for (Item item : items) {
      keys.addAll(item.entity().keys());
      keysPerItem.add(item.entity().keys());
    }
    Map<IdentityKey, UUID> known = graph.find(c, keys);
    Set<UUID> knownProfiles = new HashSet<>(known.values());
    Map<UUID, ProfileRows.Stored> stored = present(profiles.read(c, knownProfiles), knownProfiles);

    int[] groupOf = KeyGroups.of(keysPerItem, known);
    Map<Integer, Group> groups = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Group g = groups.computeIfAbsent(groupOf[i], k -> new Group());
      g.items.add(i);
      for (IdentityKey key : keysPerItem.get(i)) {
        UUID p = known.get(key);
        if (p != null) {
          g.profiles.add(p);
        }
      }
    }

    Set<UUID> merging = new HashSet<>();
    groups.values().stream().filter(g -> g.profiles.size() > 1).forEach(g -> merging.addAll(g.profiles));
    stored.putAll(present(profiles.lock(c, merging), merging));

    Instant now = Instant.now();
    Map<UUID, String> inserts = new LinkedHashMap<>();
    List<ProfileRows.Update> updates = new ArrayList<>();
    List<NewIdentity> newIdentities = new ArrayList<>();
    Set<IdentityKey> attached = new HashSet<>(known.keySet());
    int merges = 0;
    for (Group g : groups.values()) {
      Map<String, Attribute> attributes;
      String before;
      if (g.profiles.isEmpty()) {
        g.profileId = ProfileIds.next();
        g.created = true;
        attributes = new java.util.TreeMap<>();
        before = null;
      } else {
        List<ProfileRows.Stored> involved = g.profiles.stream().map(stored::get)
            .sorted((a, b) -> a.olderThan(b) ? -1 : b.olderThan(a) ? 1 : 0).toList();
        ProfileRows.Stored survivor = involved.get(0);
        g.profileId = survivor.id();
        before = survivor.attributes();
        attributes = ProfileJson.readAttributes(survivor.attributes());
        for (ProfileRows.Stored merged : involved.subList(1, involved.size())) {
          merger.merge(c, survivor.id(), merged.id(), merged.createdAt(), merged.attributes(),
              causeOf(g, merged.id(), items, known));
          ProfileJson.readAttributes(merged.attributes()).forEach((name, a) -> {
            if (a.beats(attributes.get(name))) {
              attributes.put(name, a);
            }
          });
          merges++;
          g.changed = true;
        }
      }
      for (int i : g.items) {
        Item item = items.get(i);
        if (item.entity().isParty()) {
          apply(item, attributes);
        }
        for (IdentityKey key : item.entity().keys()) {
          if (attached.add(key)) {
            newIdentities.add(new NewIdentity(key, g.profileId, item.source().system(), item.source().observedAt()));
            g.changed = true;
          }
        }
      }
      String after = ProfileJson.writeAttributes(attributes);
      if (g.created) {
        inserts.put(g.profileId, after);
      } else if (g.changed || !attributes.equals(ProfileJson.readAttributes(before))) {
        g.changed = true;
        updates.add(new ProfileRows.Update(g.profileId, stored.get(g.profileId).version(), after));
      }
    }

    profiles.insert(c, inserts, now);
    graph.add(c, newIdentities);
    profiles.update(c, updates);
    Set<EventRows.Key> written = events.upsert(c, eventRows(items, groupOf, groups));

    int unchanged = 0;
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      Group g = groups.get(groupOf[i]);
      boolean same = item.entity().isParty()
          ? !g.created && !g.changed
          : !written.contains(eventKey(item));
      if (same) {
        unchanged++;
      }
    }
    return new WriteResult(inserts.size(), updates.size(), written.size(), unchanged, merges, List.of());
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
  private static List<EventRows.Row> eventRows(List<Item> items, int[] groupOf, Map<Integer, Group> groups) {
    Map<EventRows.Key, EventRows.Row> rows = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      if (item.entity().isParty()) {
        continue;
      }
      String data = ProfileJson.canonicalData(item.entity().fields());
      EventRows.Key key = eventKey(item);
      rows.remove(key);
      rows.put(key, new EventRows.Row(key, item.source().stream(), groups.get(groupOf[i]).profileId,
          item.source().observedAt(), data, ProfileJson.sha256(data)));
    }
    return new ArrayList<>(rows.values());
  }

  private static EventRows.Key eventKey(Item item) {
    return new EventRows.Key(item.source().system(), item.entity().entity(), item.sourceId());
  }
}
