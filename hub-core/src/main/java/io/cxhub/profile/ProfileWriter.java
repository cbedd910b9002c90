package io.cxhub.profile;

import io.cxhub.identity.IdentityGraph;
import io.cxhub.identity.IdentityGraph.NewIdentity;
import io.cxhub.identity.IdentityResolver;
import io.cxhub.identity.IdentityResolver.Target;
import io.cxhub.identity.IdentityRules;
import io.cxhub.identity.KeyBlockList;
import io.cxhub.identity.MergeCause;
import io.cxhub.identity.ProfileMerger;
import io.cxhub.mapping.EntityRecord;
import io.cxhub.mapping.IdentityKey;
import io.cxhub.mapping.MappedRecord;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.store.ConcurrentChangeException;
import io.cxhub.store.Transactions;
import io.cxhub.taxonomy.Taxonomy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes mapped records into profiles and their timelines.
 *
 * <p>A batch is one transaction: its identity keys are resolved in one query, the
 * {@link IdentityResolver} decides under the {@link IdentityRules} where each entity lands and
 * which profiles merge (into the oldest), {@code party} entities are kept as source records from
 * which the attributes are derived by each field's survivorship rule, and every other entity
 * becomes a timeline event. Every record keeps the keys it carried, so a merge can be undone.
 * Writing the same batch again changes no row. Several writers (threads or nodes) may run at once:
 * a key attached by two writers fails the later one on the identity primary key, a profile changed
 * or merged away since it was read fails the version check or a foreign key, and the loser retries
 * its whole batch. Profiles are not locked except for merges, because most batches change nothing
 * and a row lock is itself a write. Thread-safe.
 */
public final class ProfileWriter {

  private static final Logger log = LoggerFactory.getLogger(ProfileWriter.class);

  private final Transactions transactions;
  private final IdentityGraph graph = new IdentityGraph();
  private final ProfileMerger merger = new ProfileMerger();
  private final ProfileRows profiles = new ProfileRows();
  private final EventRows events = new EventRows();
  private final SourceRows sources = new SourceRows();
  private final IdentityResolver resolver;
  private final Survivors survivors;

  /** Every key type merges and the most recent value of each attribute wins. */
  public ProfileWriter(DataSource dataSource) {
    this(dataSource, IdentityRules.permissive(), null);
  }

  /** @param blocked shared key values that tie no record to a profile (hub.yaml {@code identity.blockedKeys}) */
  public ProfileWriter(DataSource dataSource, KeyBlockList blocked) {
    this(dataSource, IdentityRules.permissive().withBlocked(blocked), null);
  }

  /**
   * @param rules when profiles merge (hub.yaml {@code identity})
   * @param taxonomy gives each attribute its survivorship rule; null for "most recent wins" everywhere
   */
  public ProfileWriter(DataSource dataSource, IdentityRules rules, Taxonomy taxonomy) {
    this.transactions = new Transactions(dataSource);
    this.resolver = new IdentityResolver(rules);
    this.survivors = taxonomy == null ? Survivors.mostRecent() : new Survivors(taxonomy, rules);
  }

  public IdentityRules rules() {
    return resolver.rules();
  }

  /** One entity of the batch with the record it came from. */
  private record Item(RawRecord source, EntityRecord entity, String sourceId) {}

  /**
   * @throws io.cxhub.store.StoreException when the batch could not be written (nothing of it is)
   */
  public WriteResult write(List<MappedRecord> batch) {
    KeyBlockList blocked = resolver.rules().blocked();
    List<Item> items = new ArrayList<>();
    List<Unlinkable> unlinkable = new ArrayList<>();
    for (MappedRecord record : batch) {
      for (EntityRecord mapped : record.entities()) {
        EntityRecord entity = withoutBlockedKeys(mapped, blocked);
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
          // a party without an id of its own is known by its strongest key
          String id = sourceId != null ? sourceId
              : "key:" + entity.keys().stream().min(resolver.rules().priority()).orElseThrow();
          items.add(new Item(record.source(), entity, id));
        }
      }
    }
    if (items.isEmpty()) {
      return WriteResult.nothing(unlinkable);
    }
    WriteResult written = transactions.inTransaction(
        "write a batch of " + batch.size() + " records to profiles", c -> write(c, items));
    return written.withUnlinkable(unlinkable);
  }

  private static EntityRecord withoutBlockedKeys(EntityRecord entity, KeyBlockList blocked) {
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
    IdentityResolver.Result resolved = resolver.resolve(
        items.stream().map(i -> new IdentityResolver.Entity(i.entity().keys(), i.source().system())).toList(),
        known, new StoreFacts(c, stored));

    List<UUID> newIds = new ArrayList<>();
    for (int i = 0; i < resolved.newProfiles(); i++) {
      newIds.add(ProfileIds.next());
    }
    UUID[] home = new UUID[items.size()];
    for (int i = 0; i < items.size(); i++) {
      Target t = resolved.homes()[i];
      home[i] = t.isNew() ? newIds.get(t.newIndex()) : t.existing();
    }

    Set<UUID> merging = new HashSet<>();
    resolved.merges().forEach(m -> {
      merging.add(m.survivor());
      merging.add(m.merged());
    });
    stored.putAll(present(profiles.lock(c, merging), merging));
    Set<UUID> changed = new HashSet<>();
    for (IdentityResolver.Merge m : resolved.merges()) {
      Item cause = items.get(m.entity());
      ProfileRows.Stored merged = stored.get(m.merged());
      merger.merge(c, m.survivor(), m.merged(), merged.createdAt(), merged.attributes(),
          new MergeCause(cause.source().system(), cause.source().stream(), cause.sourceId(), cause.entity().entity(),
              m.key()), m.rule());
      changed.add(m.survivor());
    }
    resolved.refusals().forEach(r -> log.info("profile {} and {} not merged: {}", r.other(),
        r.profile() != null ? r.profile() : "a profile new in this batch", r.reason()));

    List<NewIdentity> newIdentities = new ArrayList<>();
    for (IdentityResolver.Attach a : resolved.attach()) {
      Item carrier = items.get(a.entity());
      UUID target = home[a.entity()];
      newIdentities.add(new NewIdentity(a.key(), target, carrier.source().system(), carrier.source().observedAt()));
      changed.add(target);
    }
    // rows in key order, so two writers touching the same rows take their locks in the same order
    newIdentities.sort(Comparator.comparing(n -> n.key().toString()));

    Map<SourceRows.Key, SourceRows.Row> sourceRows = new LinkedHashMap<>();
    Map<EventRows.Key, EventRows.Row> eventRows = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      RawRecord source = item.source();
      List<String> carried = item.entity().keys().stream().map(IdentityKey::toString).sorted().toList();
      if (item.entity().isParty()) {
        SourceRows.Key key = new SourceRows.Key(source.system(), item.entity().entity(), item.sourceId());
        Map<String, com.fasterxml.jackson.databind.JsonNode> fields = new LinkedHashMap<>();
        item.entity().fields().forEach((name, value) -> {
          if (value != null) {
            fields.put(name, ProfileJson.value(value));
          }
        });
        SourceRows.Row row = new SourceRows.Row(key, source.stream(), home[i], source.observedAt(),
            new java.util.TreeSet<>(carried), fields);
        sourceRows.merge(key, row, SourceRows.Row::patchedWith);
      } else {
        // when a batch holds the same event twice, the later one wins
        String data = ProfileJson.canonicalData(item.entity().fields());
        EventRows.Key key = eventKey(item);
        eventRows.remove(key);
        eventRows.put(key, new EventRows.Row(key, source.stream(), home[i], source.observedAt(), data, carried,
            ProfileJson.sha256(data + '\u001f' + String.join(",", carried))));
      }
    }

    Map<UUID, ProfileRows.Stored> inserted = profiles.insert(c, newIds, Instant.now());
    stored.putAll(inserted);
    graph.add(c, newIdentities);
    Set<SourceRows.Key> sourcesWritten = sources.upsert(c, new ArrayList<>(sourceRows.values()));
    EventRows.Written eventUpsert = events.upsert(c, new ArrayList<>(eventRows.values()));
    Set<EventRows.Key> eventsWritten = eventUpsert.keys();

    Set<UUID> rederive = new HashSet<>(merging);
    sourcesWritten.forEach(k -> rederive.add(sourceRows.get(k).profileId()));
    rederive.removeAll(resolved.merges().stream().map(IdentityResolver.Merge::merged).toList());
    changed.addAll(rederive);
    changed.removeIf(id -> inserted.containsKey(id) && !rederive.contains(id)); // nothing to derive yet
    List<ProfileRows.Update> updates = updates(c, changed, rederive, stored);
    int updated = (int) updates.stream().filter(u -> !inserted.containsKey(u.id())).count();

    int unchanged = 0;
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      boolean same = item.entity().isParty()
          ? !sourcesWritten.contains(new SourceRows.Key(item.source().system(), item.entity().entity(), item.sourceId()))
              && !changed.contains(home[i])
          : !eventsWritten.contains(eventKey(item));
      unchanged += same ? 1 : 0;
    }
    // which timelines changed, for the traits computed over them
    Set<UUID> survivors = new HashSet<>();
    resolved.merges().forEach(m -> survivors.add(m.survivor()));
    Set<UUID> timelineChanged = new HashSet<>(survivors);
    eventsWritten.forEach(k -> timelineChanged.add(eventRows.get(k).profileId()));
    timelineChanged.addAll(eventUpsert.left());
    return new WriteResult(inserted.size(), updated, eventsWritten.size(), unchanged, resolved.merges().size(),
        resolved.refusals().size(), resolved.dropped().size(), List.of(), timelineChanged, survivors);
  }

  /**
   * Writes the changed profiles: attributes derived again from the source records where those
   * changed, every row checked against the version read (also when only keys were added, so a
   * concurrent writer of the same profile is caught).
   */
  private List<ProfileRows.Update> updates(Connection c, Set<UUID> changed, Set<UUID> rederive,
      Map<UUID, ProfileRows.Stored> stored) throws SQLException {
    Map<UUID, List<SourceRecord>> records = sources.read(c, rederive);
    List<ProfileRows.Update> updates = new ArrayList<>();
    for (UUID id : changed) {
      ProfileRows.Stored row = stored.get(id);
      String attributes = rederive.contains(id)
          ? ProfileJson.writeAttributes(survivors.attributes(records.getOrDefault(id, List.of())))
          : row.attributes();
      updates.add(new ProfileRows.Update(id, row.version(), attributes));
    }
    updates.sort(Comparator.comparing(u -> u.id().toString()));
    profiles.update(c, updates);
    return updates;
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

  private static EventRows.Key eventKey(Item item) {
    return new EventRows.Key(item.source().system(), item.entity().entity(), item.sourceId());
  }

  /** What the resolver asks of the store, answered on this batch's transaction. */
  private record StoreFacts(Connection c, Map<UUID, ProfileRows.Stored> stored) implements IdentityResolver.Facts {

    @Override
    public Instant createdAt(UUID profile) {
      return stored.get(profile).createdAt();
    }

    @Override
    public Map<UUID, Map<String, Integer>> keyCounts(Set<UUID> profiles) {
      try {
        return IdentityGraph.keyCounts(c, profiles);
      } catch (SQLException e) {
        throw new io.cxhub.store.StoreException("count the identity keys of " + profiles.size() + " profiles", e);
      }
    }

    @Override
    public Set<List<UUID>> separations(Set<UUID> profiles) {
      try {
        return IdentityGraph.separations(c, profiles);
      } catch (SQLException e) {
        throw new io.cxhub.store.StoreException("read the un-merged pairs among " + profiles.size() + " profiles", e);
      }
    }
  }
}
