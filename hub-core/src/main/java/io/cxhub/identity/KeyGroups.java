package io.cxhub.identity;

import io.cxhub.mapping.IdentityKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Groups the entities of a batch that belong to one customer: two entities are in one group when
 * they share a key, or when their keys already point at the same profile. Each group ends on one
 * profile, so two invoices of a new customer in one batch do not create two profiles.
 */
public final class KeyGroups {

  private final int[] parent;

  private KeyGroups(int size) {
    parent = new int[size];
    for (int i = 0; i < size; i++) {
      parent[i] = i;
    }
  }

  /**
   * @param keysPerEntity the identity keys of each entity, in batch order
   * @param known the profile of each key already in the graph
   * @return the group of each entity: the index of the first entity of its group
   */
  public static int[] of(List<List<IdentityKey>> keysPerEntity, Map<IdentityKey, UUID> known) {
    KeyGroups groups = new KeyGroups(keysPerEntity.size());
    Map<IdentityKey, Integer> firstByKey = new HashMap<>();
    Map<UUID, Integer> firstByProfile = new HashMap<>();
    for (int i = 0; i < keysPerEntity.size(); i++) {
      for (IdentityKey key : keysPerEntity.get(i)) {
        Integer other = firstByKey.putIfAbsent(key, i);
        if (other != null) {
          groups.union(other, i);
        }
        UUID profile = known.get(key);
        if (profile != null) {
          Integer same = firstByProfile.putIfAbsent(profile, i);
          if (same != null) {
            groups.union(same, i);
          }
        }
      }
    }
    int[] result = new int[keysPerEntity.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = groups.find(i);
    }
    return result;
  }

  private int find(int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** The smaller index becomes the root, so a group is named by its first entity. */
  private void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
