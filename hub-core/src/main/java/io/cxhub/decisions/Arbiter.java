package io.cxhub.decisions;

import io.cxhub.decisions.Arbitration.Outcome;
import io.cxhub.decisions.Arbitration.Verdict;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides, for one customer, which of the use cases' candidates go out and on which channel.
 *
 * <ol>
 *   <li>A candidate whose every allowed channel the {@link ContactPolicy} blocks given the
 *       customer's history alone is SUPPRESSED, with every blocking reason.
 *   <li>The others are ranked greedily: each round, every remaining candidate takes the first of
 *       its channels (in its order of preference) that the policy permits given the history plus
 *       this arbitration's winners so far, and is scored priority x value x response rate (use
 *       case, offer, that channel); the highest score wins the round, ties going to the smaller
 *       use case id, then offer id, so the result does not depend on the input order.
 *   <li>A round's winner whose customer is in its use case's holdout is HELD_OUT: recorded with
 *       the channel it would have used, not sent, and it uses up nothing, so the customer gets
 *       what they would have got without that use case. Otherwise it is WON and counts as a
 *       contact at {@code now} on its channel (and against the caps if it is a message).
 *   <li>At most one candidate per use case wins (or is held out); its use case's other offers
 *       LOSE to it. Several use cases can win in one arbitration, each on a different channel,
 *       as long as the caps have room.
 *   <li>A candidate left with no permitted channel LOSES to the winner that took its channel,
 *       with both scores; if a cap is what stops it (the winners used up the last room), it is
 *       SUPPRESSED with the cap reason, and the reasons also name the winner that took the room.
 * </ol>
 *
 * Thread-safe if the rates supplier is; the arbiter keeps no state between calls.
 */
public final class Arbiter {

  private static final Comparator<Candidate> IDS =
      Comparator.comparing(Candidate::useCaseId).thenComparing(Candidate::offerId);

  private final ContactPolicy policy;
  private final Supplier<ResponseRates> rates;

  /** With rates read once per {@link #decide} from the supplier, e.g. an updater's snapshot. */
  public Arbiter(ContactPolicy policy, Supplier<ResponseRates> rates) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.rates = Objects.requireNonNull(rates, "rates");
  }

  public Arbiter(ContactPolicy policy, ResponseRates rates) {
    this(policy, () -> rates);
  }

  public ContactPolicy policy() {
    return policy;
  }

  /** {@link #decide(String, List, ContactHistory, Instant, ZoneId)} in the policy's fallback zone. */
  public Arbitration decide(
      String profileId, List<Candidate> candidates, ContactHistory history, Instant now) {
    return decide(profileId, candidates, history, now, policy.fallbackZone());
  }

  /**
   * Arbitrates the candidates of one customer at {@code now}.
   *
   * @param zone the customer's zone (see {@link ContactPolicy#zoneOf(String)})
   * @throws IllegalArgumentException if a candidate is for another customer, or two candidates
   *     have the same use case and offer
   */
  public Arbitration decide(
      String profileId,
      List<Candidate> candidates,
      ContactHistory history,
      Instant now,
      ZoneId zone) {
    Objects.requireNonNull(profileId, "profileId");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(zone, "zone");
    Set<List<String>> seen = new HashSet<>();
    for (Candidate c : candidates) {
      if (!c.profileId().equals(profileId)) {
        throw new IllegalArgumentException(
            "candidate of use case " + c.useCaseId() + " is for profile " + c.profileId()
                + ", not " + profileId);
      }
      if (!seen.add(List.of(c.useCaseId(), c.offerId()))) {
        throw new IllegalArgumentException(
            "two candidates for use case " + c.useCaseId() + " offer " + c.offerId());
      }
    }
    ResponseRates r = rates.get();
    Map<Candidate, Verdict> verdicts = new HashMap<>();
    Map<Candidate, String> firstOpen = new LinkedHashMap<>();

    // 1. suppressed by the history alone
    for (Candidate c : candidates) {
      List<Reason> reasons = new ArrayList<>();
      String open = null;
      for (String channel : c.channels()) {
        List<Reason> blocked = policy.check(channel, history, now, zone);
        if (blocked.isEmpty()) {
          open = channel;
          break;
        }
        reasons.addAll(blocked);
      }
      if (open == null) {
        verdicts.put(
            c,
            new Verdict(
                c, Outcome.SUPPRESSED, Optional.empty(), score(r, c, c.channels().get(0)), reasons));
      } else {
        firstOpen.put(c, open);
      }
    }

    // 2.-4. greedy rounds
    List<Candidate> remaining = new ArrayList<>(firstOpen.keySet());
    ContactHistory state = history;
    Map<String, Verdict> byUseCase = new HashMap<>();
    Verdict lastMessage = null;
    while (!remaining.isEmpty()) {
      Candidate best = null;
      String bestChannel = null;
      double bestScore = 0;
      for (Candidate c : remaining) {
        String channel = firstPermitted(c, state, now, zone);
        if (channel == null) {
          continue;
        }
        double s = score(r, c, channel);
        if (best == null || s > bestScore || (s == bestScore && IDS.compare(c, best) < 0)) {
          best = c;
          bestChannel = channel;
          bestScore = s;
        }
      }
      if (best == null) {
        break;
      }
      remaining.remove(best);
      Verdict v;
      if (Holdouts.inHoldout(best)) {
        v =
            new Verdict(
                best,
                Outcome.HELD_OUT,
                Optional.of(bestChannel),
                bestScore,
                List.of(
                    new Reason.HeldOut(
                        best.useCaseId(),
                        Holdouts.bucket(best.useCaseId(), best.profileId()),
                        best.holdoutPercent())));
      } else {
        v = new Verdict(best, Outcome.WON, Optional.of(bestChannel), bestScore, List.of());
        state = state.with(new ContactHistory.Contact(bestChannel, now, best.useCaseId()));
        if (policy.isMessaging(bestChannel)) {
          lastMessage = v;
        }
      }
      verdicts.put(best, v);
      byUseCase.put(best.useCaseId(), v);
      for (var it = remaining.iterator(); it.hasNext(); ) {
        Candidate c = it.next();
        if (c.useCaseId().equals(best.useCaseId())) {
          it.remove();
          verdicts.put(c, lost(r, c, firstOpen.get(c), v));
        }
      }
    }

    // 5. left without a channel because of this arbitration's winners
    for (Candidate c : remaining) {
      String channel = firstOpen.get(c);
      List<Reason> blocked = policy.check(channel, state, now, zone);
      boolean capped = blocked.stream().anyMatch(Reason.CapReached.class::isInstance);
      Verdict taker =
          blocked.stream()
              .filter(Reason.ChannelUsed.class::isInstance)
              .map(used -> byUseCase.get(((Reason.ChannelUsed) used).lastUseCaseId()))
              .filter(Objects::nonNull)
              .findFirst()
              .orElse(capped ? lastMessage : null);
      if (taker == null) {
        // cannot happen: the channel was open on the history alone
        throw new IllegalStateException(
            "candidate " + c.useCaseId() + "/" + c.offerId() + " lost a channel to no winner");
      }
      Verdict lost = lost(r, c, channel, taker);
      if (capped) {
        List<Reason> reasons = new ArrayList<>(blocked);
        reasons.addAll(lost.reasons());
        verdicts.put(
            c, new Verdict(c, Outcome.SUPPRESSED, Optional.empty(), lost.score(), reasons));
      } else {
        verdicts.put(c, lost);
      }
    }

    List<Verdict> ordered = new ArrayList<>(verdicts.values());
    ordered.sort(
        Comparator.comparingDouble(Verdict::score)
            .reversed()
            .thenComparing(Verdict::candidate, IDS));
    return new Arbitration(profileId, now, zone, ordered);
  }

  private String firstPermitted(Candidate c, ContactHistory state, Instant now, ZoneId zone) {
    for (String channel : c.channels()) {
      if (policy.check(channel, state, now, zone).isEmpty()) {
        return channel;
      }
    }
    return null;
  }

  private static Verdict lost(ResponseRates r, Candidate c, String channel, Verdict winner) {
    double own = score(r, c, channel);
    return new Verdict(
        c,
        Outcome.LOST,
        Optional.empty(),
        own,
        List.of(
            new Reason.LostTo(
                winner.candidate().useCaseId(),
                winner.candidate().offerId(),
                winner.channel().orElseThrow(),
                own,
                winner.score())));
  }

  /** priority x value x response rate of the use case, offer and channel. */
  static double score(ResponseRates r, Candidate c, String channel) {
    return c.priority() * c.value() * r.rate(c.useCaseId(), c.offerId(), channel);
  }
}
