package io.cxhub.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A computed trait of a profile took a new value. Published on the bus after the value is committed,
 * one per trait and profile whose value differs from the stored one (a recomputation that finds the
 * same value publishes nothing).
 *
 * @param profileId the profile (see {@link ProfileView#id()})
 * @param trait the trait's name ({@code traits/<trait>.yaml})
 * @param oldValue the value before, as JSON; the trait's value over no events (0, false, null) when it had none stored
 * @param newValue the value now, as JSON; {@link NullNode} for no value (an average of nothing)
 * @param at the instant the new value was computed for
 * @param cause what made the hub recompute it
 */
public record ProfileChange(String profileId, String trait, JsonNode oldValue, JsonNode newValue, Instant at,
    Cause cause) {

  /** Why a trait was recomputed. */
  public enum Cause {
    /** Events of the profile were inserted or changed. */
    EVENT,
    /** Time passed: an event left the window, a condition on now turned, a {@code since} count ticked. */
    EXPIRY,
    /** The trait is new or its definition changed, and stored profiles are being computed for it. */
    BACKFILL,
    /** The profile absorbed another one, with its events. */
    MERGE,
    /** A merge was undone: the profile gave events back, or came back with them. */
    UNMERGE
  }

  public ProfileChange {
    Objects.requireNonNull(profileId, "profileId");
    Objects.requireNonNull(trait, "trait");
    oldValue = oldValue == null ? NullNode.getInstance() : oldValue;
    newValue = newValue == null ? NullNode.getInstance() : newValue;
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(cause, "cause");
  }
}
