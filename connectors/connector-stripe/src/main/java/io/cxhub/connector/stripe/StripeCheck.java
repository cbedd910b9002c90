package io.cxhub.connector.stripe;

import io.cxhub.spi.connector.CheckResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks each list the instance reads, and the events list, for one object: proves the API is
 * reachable, the key valid and allowed to read them. Messages never contain the key.
 */
final class StripeCheck {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private StripeCheck() {}

  static CheckResult run(StripeSettings s) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    List<String> paths = new ArrayList<>();
    s.streams().forEach(stream -> paths.add("/v1/" + stream));
    paths.add("/v1/events");
    List<String> problems = new ArrayList<>();
    for (String path : paths) {
      HttpResponse<String> r;
      try {
        r = http.send(HttpRequest.newBuilder(URI.create(s.apiBase() + path + "?limit=1")).timeout(TIMEOUT)
            .header("Authorization", "Bearer " + s.apiKey()).GET().build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        return CheckResult.failed("cannot reach the Stripe API at " + s.apiBase() + ": " + reason(e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return CheckResult.failed("interrupted while checking the Stripe API at " + s.apiBase());
      } catch (IllegalArgumentException e) {
        return CheckResult.failed("apiBase " + s.apiBase() + " is not a usable URL");
      }
      if (r.statusCode() == 401) {
        return CheckResult.failed("Stripe at " + s.apiBase() + " rejected the API key (401): check apiKey");
      }
      if (r.statusCode() == 403) {
        problems.add("the API key may not read " + path + " (403): grant it read access");
      } else if (r.statusCode() != 200) {
        problems.add("GET " + path + " answered " + r.statusCode() + ": " + StripeReader.errorMessage(r.body()));
      }
    }
    return problems.isEmpty() ? CheckResult.passed() : CheckResult.failed(String.join("; ", problems));
  }

  /** Why a request did not get through, in words (no exception class names). */
  private static String reason(IOException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (root instanceof java.net.http.HttpTimeoutException || root instanceof java.net.SocketTimeoutException) {
      return "no answer within " + TIMEOUT.toSeconds() + "s";
    }
    if (root instanceof java.net.UnknownHostException) {
      return "unknown host";
    }
    if (root instanceof javax.net.ssl.SSLException) {
      return "TLS handshake failed (" + root.getMessage() + ")";
    }
    return root.getMessage() == null ? "connection failed" : root.getMessage();
  }
}
