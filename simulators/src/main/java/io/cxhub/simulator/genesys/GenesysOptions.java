package io.cxhub.simulator.genesys;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How a {@link GenesysSimulator} is seeded.
 *
 * @param seed population and history seed ({@link io.cxhub.simulator.people.People#DEFAULT_SEED} by default)
 * @param conversations conversations in the seeded history
 * @param history how far back the history reaches from {@code anchor}
 * @param anchor the end of the history (the simulator's "now" when seeded), millisecond precision
 * @param tokenLifetime lifetime of issued access tokens ({@code expires_in})
 * @param clientId the OAuth client the simulator knows
 * @param clientSecret its secret
 */
public record GenesysOptions(long seed, int conversations, Duration history, Instant anchor, Duration tokenLifetime,
    String clientId, String clientSecret) {

  public static final String DEFAULT_CLIENT_ID = "7de3af06-cx-hub-demo";
  public static final String DEFAULT_CLIENT_SECRET = "sim-genesys-secret";

  public GenesysOptions {
    if (conversations < 0 || conversations > 20_000) {
      throw new IllegalArgumentException("conversations must be 0..20000, was " + conversations);
    }
    if (history.isNegative() || history.isZero()) {
      throw new IllegalArgumentException("history must be positive, was " + history);
    }
    anchor = anchor.truncatedTo(ChronoUnit.MILLIS);
  }

  /** ~30 days, 3000 conversations, ending now; tokens live a day like Genesys' default. */
  public static GenesysOptions defaults() {
    return new GenesysOptions(io.cxhub.simulator.people.People.DEFAULT_SEED, 3000, Duration.ofDays(30), Instant.now(),
        Duration.ofHours(24), DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET);
  }

  public GenesysOptions withConversations(int n) {
    return new GenesysOptions(seed, n, history, anchor, tokenLifetime, clientId, clientSecret);
  }

  public GenesysOptions withHistory(Duration d) {
    return new GenesysOptions(seed, conversations, d, anchor, tokenLifetime, clientId, clientSecret);
  }

  public GenesysOptions withAnchor(Instant a) {
    return new GenesysOptions(seed, conversations, history, a, tokenLifetime, clientId, clientSecret);
  }

  public GenesysOptions withSeed(long s) {
    return new GenesysOptions(s, conversations, history, anchor, tokenLifetime, clientId, clientSecret);
  }

  public GenesysOptions withTokenLifetime(Duration d) {
    return new GenesysOptions(seed, conversations, history, anchor, d, clientId, clientSecret);
  }
}
