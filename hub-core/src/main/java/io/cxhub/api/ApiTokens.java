package io.cxhub.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Bearer tokens and their roles. Tokens come from the environment or files, never from YAML, and are
 * compared in constant time; only their names ever reach a log.
 */
public final class ApiTokens {

  /** One configured token. {@link #toString()} hides the secret. */
  public record Token(String name, String secret, Role role) {
    public Token {
      if (secret == null || secret.length() < 16) {
        throw new IllegalArgumentException("API token '" + name + "': expected a secret of at least 16 characters");
      }
    }

    @Override
    public String toString() {
      return "Token[" + name + ", " + role + "]";
    }
  }

  private final List<Token> tokens;

  public ApiTokens(List<Token> tokens) {
    this.tokens = List.copyOf(tokens);
  }

  /** The role of the bearer token in an {@code Authorization} header, if it is one of ours. */
  public Optional<Token> authenticate(String authorizationHeader) {
    if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    byte[] given = authorizationHeader.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    Token match = null;
    for (Token t : tokens) { // no early exit: every token is compared
      if (MessageDigest.isEqual(given, t.secret().getBytes(StandardCharsets.UTF_8))) {
        match = t;
      }
    }
    return Optional.ofNullable(match);
  }
}
