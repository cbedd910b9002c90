package io.cxhub.identity;

import io.cxhub.mapping.IdentityKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deterministic rules that decide when two profiles are one customer (hub.yaml {@code identity}).
 *
 * <ul>
 *   <li>Key types that may merge: a phone shared by a household can route a call to a profile
 *       without ever joining two profiles.
 *   <li>A limit per key type per profile: a second CRM contact id means a second person, so a
 *       merge that would give a profile two is refused and a new key beyond the limit is not attached.
 *   <li>Per-source trust: a record from a source below {@code minMergeTrust} attaches to a profile
 *       but never joins two.
 *   <li>Source categories ({@code crm}, {@code billing}, …) that the taxonomy's {@code source_priority}
 *       survivorship ranks.
 *   <li>The block list of shared values.
 * </ul>
 *
 * Immutable and thread-safe.
 *
 * @param keys rules per key type; their order is the key priority (where a record goes when its
 *     keys reach profiles that may not merge); types not listed merge and have no limit
 * @param sources rules per source system
 */
public record IdentityRules(Map<String, KeyRule> keys, Map<String, SourceRule> sources, double minMergeTrust,
    KeyBlockList blocked) {

  /** @param limit most keys of this type on one profile, or 0 for no limit */
  public record KeyRule(boolean merge, int limit) {
    public static final KeyRule DEFAULT = new KeyRule(true, 0);
  }

  /** @param category the kind of system ({@code crm}, {@code billing}, {@code ccaas}, {@code survey}), or null */
  public record SourceRule(String category, double trust) {
    public static final SourceRule DEFAULT = new SourceRule(null, 1.0);
  }

  public IdentityRules {
    keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    sources = Map.copyOf(sources);
  }

  /** Every key type merges, no limits, every source trusted, nothing blocked. */
  public static IdentityRules permissive() {
    return new IdentityRules(Map.of(), Map.of(), 0.5, KeyBlockList.none());
  }

  public IdentityRules withBlocked(KeyBlockList list) {
    return new IdentityRules(keys, sources, minMergeTrust, list);
  }

  public KeyRule key(String type) {
    return keys.getOrDefault(type, KeyRule.DEFAULT);
  }

  public SourceRule source(String system) {
    return sources.getOrDefault(system, SourceRule.DEFAULT);
  }

  /** Whether a record of {@code system} carrying {@code key} may join the profile that key points at to another. */
  public boolean mayMerge(IdentityKey key, String system) {
    return key(key.type()).merge() && source(system).trust() >= minMergeTrust;
  }

  /** The category of a system, or the system's own name when none is configured. */
  public String category(String system) {
    String category = source(system).category();
    return category != null ? category : system;
  }

  /** Keys strongest first: listed types in their order, then the others by type name, then by value. */
  public Comparator<IdentityKey> priority() {
    List<String> order = new ArrayList<>(keys.keySet());
    return Comparator.<IdentityKey>comparingInt(k -> {
          int i = order.indexOf(k.type());
          return i < 0 ? order.size() : i;
        })
        .thenComparing(IdentityKey::type)
        .thenComparing(IdentityKey::value);
  }

  /** What the rule that lets {@code key} from {@code system} merge says, for the merge record. */
  public String describeMerge(IdentityKey key, String system) {
    KeyRule k = key(key.type());
    return key.type() + " may merge" + (k.limit() > 0 ? " (limit " + k.limit() + " per profile)" : "")
        + "; " + system + " trust " + source(system).trust() + " >= " + minMergeTrust;
  }
}
