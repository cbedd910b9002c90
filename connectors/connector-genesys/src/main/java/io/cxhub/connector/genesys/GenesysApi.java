package io.cxhub.connector.genesys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Genesys Cloud's Platform API for one connector instance: logs in with OAuth client credentials
 * (HTTP Basic auth on {@code POST /oauth/token}), keeps the bearer token until shortly before it
 * expires or the API answers 401, and retries within bounds: 429 after its Retry-After (up to
 * {@link #MAX_INLINE_RETRY_AFTER}, three times), 5xx and connection failures with exponential
 * backoff (250 ms doubling, three retries). Beyond that the call fails with a {@link PollFailure}.
 * Not thread-safe: one poll at a time uses it.
 */
final class GenesysApi {

  static final String TOKEN_PATH = "/oauth/token";
  static final String DETAILS_QUERY_PATH = "/api/v2/analytics/conversations/details/query";
  static final Duration MAX_INLINE_RETRY_AFTER = Duration.ofSeconds(10);
  static final int MAX_RETRIES = 3;

  /** Waits between attempts; tests may replace it. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private static final Logger log = LoggerFactory.getLogger(GenesysApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GenesysSettings settings;
  private final HttpTransport http;
  private final Clock clock;
  private final Sleeper sleeper;
  private String token;
  private Instant refreshAt = Instant.MIN;
  private long logins;

  GenesysApi(GenesysSettings settings, HttpTransport http, Clock clock, Sleeper sleeper) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** How many times this instance logged in (a cached token is reused). */
  long logins() {
    return logins;
  }

  /** One details-query page: the raw body of a 2xx answer, left to the caller to parse. */
  String detailsQuery(String requestJson) throws PollFailure, InterruptedException {
    return api("POST", DETAILS_QUERY_PATH, requestJson);
  }

  /** An authorized API call; answers 2xx or fails. */
  String api(String method, String path, String body) throws PollFailure, InterruptedException {
    boolean reauthenticated = false;
    int rateLimited = 0;
    int failed = 0;
    while (true) {
      String bearer = token();
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Authorization", "Bearer " + bearer);
      headers.put("Accept", "application/json");
      if (body != null) {
        headers.put("Content-Type", "application/json");
      }
      HttpTransport.Response r;
      try {
        r = http.send(method, settings.apiUrl() + path, headers, body);
      } catch (IOException e) {
        failed = retryOrFail(failed, "cannot reach " + settings.apiUrl() + ": " + rootMessage(e));
        continue;
      }
      if (r.status() >= 200 && r.status() < 300) {
        return r.body();
      }
      if (r.status() == 401 && !reauthenticated) {
        // expired or revoked: log in again once
        log.info("genesys: {} {} answered 401 ({}); logging in again", method, path, describe(r));
        token = null;
        reauthenticated = true;
        continue;
      }
      if (r.status() == 429) {
        Duration wait = retryAfter(r);
        if (++rateLimited > MAX_RETRIES || wait.compareTo(MAX_INLINE_RETRY_AFTER) > 0) {
          throw new PollFailure("rate limited by " + settings.apiUrl() + " (" + describe(r) + ")", wait);
        }
        log.info("genesys: rate limited on {} {}, retrying in {} ms", method, path, wait.toMillis());
        sleeper.sleep(wait);
        continue;
      }
      if (r.status() >= 500) {
        failed = retryOrFail(failed, settings.apiUrl() + path + " answered " + r.status() + " (" + describe(r) + ")");
        continue;
      }
      throw new PollFailure(method + " " + settings.apiUrl() + path + " answered " + r.status() + ": " + describe(r));
    }
  }

  /** The cached token, or a new one when there is none or it is about to expire. */
  private String token() throws PollFailure, InterruptedException {
    if (token != null && clock.instant().isBefore(refreshAt)) {
      return token;
    }
    token = null;
    String basic = Base64.getEncoder().encodeToString(
        (settings.clientId() + ":" + settings.clientSecret()).getBytes(StandardCharsets.UTF_8));
    Map<String, String> headers = Map.of("Authorization", "Basic " + basic,
        "Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json");
    int failed = 0;
    while (true) {
      HttpTransport.Response r;
      try {
        r = http.send("POST", settings.loginUrl() + TOKEN_PATH, headers, "grant_type=client_credentials");
      } catch (IOException e) {
        failed = retryOrFail(failed, "cannot reach the login service " + settings.loginUrl() + ": " + rootMessage(e));
        continue;
      }
      if (r.status() == 200) {
        JsonNode answer = parse(r.body());
        String t = answer == null ? "" : answer.path("access_token").asText("");
        if (t.isEmpty()) {
          throw new PollFailure("the login service " + settings.loginUrl() + " answered 200 without an access_token");
        }
        long expiresIn = answer.path("expires_in").asLong(3600);
        // refresh a minute early (or at half-life for short-lived tokens) so no request carries a stale one
        refreshAt = clock.instant().plusSeconds(Math.max(1, Math.min(expiresIn - 60, expiresIn / 2 + 1)));
        token = t;
        logins++;
        return t;
      }
      if (r.status() == 429 || r.status() >= 500) {
        failed = retryOrFail(failed, "the login service " + settings.loginUrl() + " answered " + r.status());
        continue;
      }
      throw new PollFailure("login to " + settings.loginUrl() + " as client " + settings.clientId() + " was refused: HTTP "
          + r.status() + " " + describe(r) + "; check clientId and clientSecret");
    }
  }

  private int retryOrFail(int failedSoFar, String message) throws PollFailure, InterruptedException {
    if (failedSoFar >= MAX_RETRIES) {
      throw new PollFailure(message + " (" + (failedSoFar + 1) + " attempts)");
    }
    Duration wait = Duration.ofMillis(250L << failedSoFar);
    log.info("genesys: {}; retrying in {} ms", message, wait.toMillis());
    sleeper.sleep(wait);
    return failedSoFar + 1;
  }

  private static Duration retryAfter(HttpTransport.Response r) {
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(r.retryAfter().orElse("1").trim())));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(1);
    }
  }

  /** The error as Genesys words it: {@code code: message} of its error body, or the start of the body. */
  static String describe(HttpTransport.Response r) {
    JsonNode e = parse(r.body());
    if (e != null && e.has("code")) {
      return e.path("code").asText() + ": " + e.path("message").asText();
    }
    if (e != null && e.has("error")) {
      return e.path("error").asText() + ": " + e.path("error_description").asText(e.path("description").asText(""));
    }
    String b = r.body() == null ? "" : r.body().strip();
    return b.isEmpty() ? "no body" : b.length() > 200 ? b.substring(0, 200) + "…" : b;
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
