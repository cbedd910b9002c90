package io.cxhub.identity;

import io.cxhub.mapping.IdentityKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Identity key values many customers share (a switchboard number, {@code noreply@} addresses) that
 * must never tie records to one profile: such a key would glue strangers together. Values are
 * compared as the mappings normalize them (E.164 phones, lower-case e-mails); {@code *} matches any
 * run of characters ({@code noreply@*}). Immutable and thread-safe.
 */
public final class KeyBlockList {

  private static final KeyBlockList NONE = new KeyBlockList(Map.of(), Map.of());

  private final Map<String, Set<String>> exact;
  private final Map<String, List<Pattern>> patterns;

  private KeyBlockList(Map<String, Set<String>> exact, Map<String, List<Pattern>> patterns) {
    this.exact = exact;
    this.patterns = patterns;
  }

  public static KeyBlockList none() {
    return NONE;
  }

  /**
   * @param byType blocked values per identity key type, e.g. {@code phone: [+18005550142]}, {@code email: [noreply@*]}
   * @throws IllegalArgumentException naming a value that is not in the normalized form its type has
   */
  public static KeyBlockList of(Map<String, List<String>> byType) {
    Map<String, Set<String>> exact = new HashMap<>();
    Map<String, List<Pattern>> patterns = new HashMap<>();
    byType.forEach((type, values) -> {
      for (String value : values) {
        requireNormalized(type, value);
        if (value.contains("*")) {
          patterns.computeIfAbsent(type, t -> new ArrayList<>()).add(glob(value));
        } else {
          exact.computeIfAbsent(type, t -> new HashSet<>()).add(value);
        }
      }
    });
    return exact.isEmpty() && patterns.isEmpty() ? NONE : new KeyBlockList(Map.copyOf(exact), Map.copyOf(patterns));
  }

  public boolean blocks(IdentityKey key) {
    Set<String> values = exact.get(key.type());
    if (values != null && values.contains(key.value())) {
      return true;
    }
    for (Pattern p : patterns.getOrDefault(key.type(), List.of())) {
      if (p.matcher(key.value()).matches()) {
        return true;
      }
    }
    return false;
  }

  /** {@code keys} without the blocked ones (the same list when none is blocked). */
  public List<IdentityKey> allowed(List<IdentityKey> keys) {
    if (this == NONE) {
      return keys;
    }
    List<IdentityKey> allowed = new ArrayList<>(keys.size());
    for (IdentityKey key : keys) {
      if (!blocks(key)) {
        allowed.add(key);
      }
    }
    return allowed.size() == keys.size() ? keys : allowed;
  }

  private static void requireNormalized(String type, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("blocked " + type + " value is empty: expected a value or a pattern with *");
    }
    if (type.equals("phone") && !value.matches("\\+[0-9*]{2,15}")) {
      throw new IllegalArgumentException("blocked phone '" + value + "': expected E.164 as the mappings normalize it, "
          + "e.g. +18005550142 (digits after +, * for any)");
    }
    if (type.equals("email") && !value.equals(value.strip().toLowerCase(java.util.Locale.ROOT))) {
      throw new IllegalArgumentException("blocked email '" + value + "': expected it trimmed and lower-case, as the "
          + "mappings normalize e-mails");
    }
  }

  private static Pattern glob(String value) {
    String[] parts = value.split("\\*", -1);
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString());
  }
}
