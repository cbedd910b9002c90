package io.cxhub.decisions;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How often and when a customer may be contacted. Immutable and thread-safe.
 *
 * <ul>
 *   <li>At most one contact per customer per channel per {@code channelWindow}, on every channel.
 *   <li>Each {@link Cap} limits messages across all channels and use cases; task channels (e.g. a
 *       CRM task for an agent) do not count against caps and are not limited by them.
 *   <li>Quiet hours, in the customer's zone, block messaging channels; task channels are not
 *       subject to them. The reason reports the end of the quiet hours so the caller can defer.
 * </ul>
 *
 * Windows are half-open: a contact exactly {@code channelWindow} ago no longer blocks.
 *
 * @param channelWindow the per-channel window, more than 0
 * @param caps global caps on messages; may be empty
 * @param quietHours quiet hours, or empty for none
 * @param fallbackZone the zone used when the customer has none, or an unknown one
 * @param taskChannels channels that are tasks for people, not messages to the customer
 */
public record ContactPolicy(
    Duration channelWindow,
    List<Cap> caps,
    Optional<QuietHours> quietHours,
    ZoneId fallbackZone,
    Set<String> taskChannels) {

  /** At most {@code max} messages per {@code per}. */
  public record Cap(int max, Duration per) {
    public Cap {
      Objects.requireNonNull(per, "per");
      if (max < 1) {
        throw new IllegalArgumentException("a cap needs max of 1 or more, was " + max);
      }
      if (per.isNegative() || per.isZero()) {
        throw new IllegalArgumentException("a cap needs a period of more than 0, was " + per);
      }
    }

    @Override
    public String toString() {
      return max + "/" + human(per);
    }
  }

  /**
   * Local times of day during which messaging channels are blocked: from {@code start}
   * (inclusive) to {@code end} (exclusive), over midnight when start is after end.
   */
  public record QuietHours(LocalTime start, LocalTime end) {
    public QuietHours {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      if (start.equals(end)) {
        throw new IllegalArgumentException(
            "quiet hours from " + start + " to " + end + " are empty; leave them out instead");
      }
    }

    /** Whether the local time is within quiet hours. */
    public boolean contains(LocalTime t) {
      return start.isBefore(end)
          ? !t.isBefore(start) && t.isBefore(end)
          : !t.isBefore(start) || t.isBefore(end);
    }

    /** The end of the quiet hours that contain {@code now} in {@code zone}, or empty if none. */
    public Optional<Instant> endOf(Instant now, ZoneId zone) {
      ZonedDateTime local = now.atZone(zone);
      LocalTime t = local.toLocalTime();
      if (!contains(t)) {
        return Optional.empty();
      }
      LocalDate day = local.toLocalDate();
      // over midnight and still in the evening part: quiet hours end tomorrow
      if (!t.isBefore(end)) {
        day = day.plusDays(1);
      }
      // ZonedDateTime.of moves a local time in a DST gap forward, which is what we want
      return Optional.of(ZonedDateTime.of(day, end, zone).toInstant());
    }
  }

  public ContactPolicy {
    Objects.requireNonNull(channelWindow, "channelWindow");
    if (channelWindow.isNegative() || channelWindow.isZero()) {
      throw new IllegalArgumentException(
          "the per-channel window must be more than 0, was " + channelWindow);
    }
    caps = List.copyOf(caps);
    Objects.requireNonNull(quietHours, "quietHours");
    Objects.requireNonNull(fallbackZone, "fallbackZone");
    taskChannels = Set.copyOf(taskChannels);
  }

  /** One contact per channel per 24 h, 2 messages per 48 h, quiet 21:00-08:00, UTC, task "crm". */
  public static ContactPolicy defaults() {
    return new ContactPolicy(
        Duration.ofHours(24),
        List.of(new Cap(2, Duration.ofHours(48))),
        Optional.of(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0))),
        ZoneId.of("UTC"),
        Set.of("crm"));
  }

  public ContactPolicy withCaps(List<Cap> newCaps) {
    return new ContactPolicy(channelWindow, newCaps, quietHours, fallbackZone, taskChannels);
  }

  public ContactPolicy withQuietHours(Optional<QuietHours> newQuietHours) {
    return new ContactPolicy(channelWindow, caps, newQuietHours, fallbackZone, taskChannels);
  }

  public ContactPolicy withFallbackZone(ZoneId zone) {
    return new ContactPolicy(channelWindow, caps, quietHours, zone, taskChannels);
  }

  /** Whether the channel sends a message to the customer (not a task for a person). */
  public boolean isMessaging(String channel) {
    return !taskChannels.contains(channel);
  }

  /**
   * The customer's zone from a profile attribute (an IANA id such as {@code Europe/Paris}); the
   * fallback zone when the attribute is missing, blank or not a zone the JVM knows.
   */
  public ZoneId zoneOf(String attribute) {
    if (attribute == null || attribute.isBlank()) {
      return fallbackZone;
    }
    try {
      return ZoneId.of(attribute.strip());
    } catch (DateTimeException e) {
      return fallbackZone;
    }
  }

  /**
   * Why the channel may not be used for the customer at {@code now}; empty when it may. Every
   * rule that blocks is reported, per-channel window first, then caps, then quiet hours.
   */
  public List<Reason> check(String channel, ContactHistory history, Instant now, ZoneId zone) {
    List<Reason> reasons = new ArrayList<>();
    history
        .lastOn(channel, now.minus(channelWindow))
        .ifPresent(
            last ->
                reasons.add(
                    new Reason.ChannelUsed(
                        channel,
                        last.at(),
                        last.useCaseId(),
                        channelWindow,
                        last.at().plus(channelWindow))));
    if (isMessaging(channel)) {
      for (Cap cap : caps) {
        List<ContactHistory.Contact> within = history.since(now.minus(cap.per()), this::isMessaging);
        if (within.size() >= cap.max()) {
          // room again when enough of the oldest contacts have left the period
          Instant until = within.get(within.size() - cap.max()).at().plus(cap.per());
          reasons.add(new Reason.CapReached(channel, cap, within.size(), until));
        }
      }
      quietHours.ifPresent(
          q ->
              q.endOf(now, zone)
                  .ifPresent(
                      until ->
                          reasons.add(
                              new Reason.QuietHours(channel, zone, q.start(), q.end(), until))));
    }
    return reasons;
  }

  static String human(Duration d) {
    if (d.toSeconds() % 3600 == 0) {
      return d.toHours() + "h";
    }
    return d.toString();
  }
}
