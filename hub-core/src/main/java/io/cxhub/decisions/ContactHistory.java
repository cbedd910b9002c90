package io.cxhub.decisions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The contacts a customer already had: decisions that went out (not held-out or suppressed ones),
 * newest or oldest first, it does not matter. Immutable.
 */
public record ContactHistory(List<Contact> contacts) {

  /** One past contact. */
  public record Contact(String channel, Instant at, String useCaseId) {
    public Contact {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(useCaseId, "useCaseId");
    }
  }

  public static final ContactHistory EMPTY = new ContactHistory(List.of());

  public ContactHistory {
    contacts = List.copyOf(contacts);
  }

  public static ContactHistory of(Contact... contacts) {
    return new ContactHistory(List.of(contacts));
  }

  /** This history plus one more contact. */
  public ContactHistory with(Contact contact) {
    List<Contact> all = new ArrayList<>(contacts);
    all.add(contact);
    return new ContactHistory(all);
  }

  /** The latest contact on the channel after {@code since} (exclusive), if any. */
  public Optional<Contact> lastOn(String channel, Instant since) {
    return contacts.stream()
        .filter(c -> c.channel().equals(channel) && c.at().isAfter(since))
        .max(java.util.Comparator.comparing(Contact::at));
  }

  /** The contacts after {@code since} (exclusive) on channels that {@code counts} accepts. */
  public List<Contact> since(Instant since, java.util.function.Predicate<String> counts) {
    return contacts.stream()
        .filter(c -> c.at().isAfter(since) && counts.test(c.channel()))
        .sorted(java.util.Comparator.comparing(Contact::at))
        .toList();
  }
}
