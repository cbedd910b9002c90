package io.cxhub.simulator.http;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth 2 client-credentials bookkeeping for a simulator: the clients it knows, the bearer tokens it
 * issued and when they expire, so a connector must log in, reuse its token and log in again when a
 * token expires (or is revoked by a test).
 */
public final class AccessTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, String> clients = new ConcurrentHashMap<>();
  private final Map<String, Instant> issued = new ConcurrentHashMap<>();
  private final Duration lifetime;
  private final Clock clock;

  public AccessTokens(Duration lifetime) {
    this(lifetime, Clock.systemUTC());
  }

  AccessTokens(Duration lifetime, Clock clock) {
    this.lifetime = lifetime;
    this.clock = clock;
  }

  public AccessTokens client(String clientId, String clientSecret) {
    clients.put(clientId, clientSecret);
    return this;
  }

  public boolean knows(String clientId, String clientSecret) {
    return clientId != null && clientSecret != null && clientSecret.equals(clients.get(clientId));
  }

  /** A new token for a client that authenticated. */
  public String issue() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    String token = HexFormat.of().formatHex(b);
    issued.put(token, clock.instant().plus(lifetime));
    return token;
  }

  public Duration lifetime() {
    return lifetime;
  }

  /** True when the request carries a bearer token this simulator issued and that has not expired. */
  public boolean valid(SimRequest request) {
    Optional<String> token = request.bearer();
    if (token.isEmpty()) {
      return false;
    }
    Instant expires = issued.get(token.get());
    return expires != null && clock.instant().isBefore(expires);
  }

  /** Expires every token issued so far, as a password change or an admin revoke would. */
  public void revokeAll() {
    issued.clear();
  }
}
