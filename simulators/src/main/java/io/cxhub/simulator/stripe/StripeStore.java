package io.cxhub.simulator.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The simulated account's objects and events, each kind kept in creation order (oldest first);
 * Stripe lists them newest first. {@code created} never decreases along a list, so list order is
 * creation order reversed, as in Stripe. Guarded by the simulator's lock.
 */
final class StripeStore {

  /** One page of a list, newest first. */
  record Page(List<ObjectNode> data, boolean hasMore) {}

  /** Raised for a {@code starting_after}/{@code ending_before} id the list does not hold. */
  static final class NoSuchObject extends RuntimeException {
    NoSuchObject(String message) {
      super(message);
    }
  }

  static final List<String> KINDS = List.of("customer", "invoice", "charge", "subscription", "event");

  private final Map<String, List<ObjectNode>> lists = new LinkedHashMap<>();
  private final Map<String, ObjectNode> byId = new HashMap<>();
  private final Map<String, Long> lastCreated = new HashMap<>();

  StripeStore() {
    KINDS.forEach(k -> lists.put(k, new ArrayList<>()));
  }

  /** Appends a new object; its {@code created} is raised to the latest of its kind if it is older. */
  ObjectNode add(ObjectNode object) {
    String kind = object.path("object").asText();
    long created = Math.max(object.path("created").asLong(), lastCreated.getOrDefault(kind, 0L));
    object.put("created", created);
    lastCreated.put(kind, created);
    lists.get(kind).add(object);
    byId.put(object.path("id").asText(), object);
    return object;
  }

  ObjectNode get(String id) {
    return byId.get(id);
  }

  List<ObjectNode> all(String kind) {
    return lists.get(kind);
  }

  int count(String kind) {
    return lists.get(kind).size();
  }

  /**
   * Stripe's cursor paging: newest first; {@code startingAfter} continues towards older objects,
   * {@code endingBefore} returns the {@code limit} objects just newer than the given one.
   */
  Page page(String kind, Predicate<ObjectNode> filter, String startingAfter, String endingBefore, int limit) {
    List<ObjectNode> all = lists.get(kind);
    List<ObjectNode> out = new ArrayList<>();
    boolean more = false;
    if (endingBefore != null) {
      int at = indexOf(all, endingBefore, kind);
      for (int i = at + 1; i < all.size(); i++) { // newer than the anchor, closest first
        if (filter.test(all.get(i))) {
          if (out.size() == limit) {
            more = true;
            break;
          }
          out.add(all.get(i));
        }
      }
      java.util.Collections.reverse(out);
      return new Page(out, more);
    }
    int from = startingAfter == null ? all.size() - 1 : indexOf(all, startingAfter, kind) - 1;
    for (int i = from; i >= 0; i--) {
      if (filter.test(all.get(i))) {
        if (out.size() == limit) {
          more = true;
          break;
        }
        out.add(all.get(i));
      }
    }
    return new Page(out, more);
  }

  private static int indexOf(List<ObjectNode> all, String id, String kind) {
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).path("id").asText().equals(id)) {
        return i;
      }
    }
    throw new NoSuchObject("No such " + kind + ": '" + id + "'");
  }
}
