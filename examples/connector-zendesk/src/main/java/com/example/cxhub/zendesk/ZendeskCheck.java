package com.example.cxhub.zendesk;

import io.cxhub.spi.connector.CheckResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * {@link ZendeskConnector#check}: asks {@code GET /api/v2/users/me.json} who the credentials belong
 * to. That endpoint is not one of the incremental exports, so a check does not use up the export
 * rate limit. Messages name the account and the way of authenticating, never the secret.
 */
final class ZendeskCheck {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private ZendeskCheck() {}

  static CheckResult run(ZendeskSettings s) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(s.baseUrl() + "/api/v2/users/me.json"))
        .timeout(TIMEOUT).header("Authorization", s.authorization()).header("Accept", "application/json").GET().build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return CheckResult.failed("cannot reach Zendesk at " + s.baseUrl() + " (" + describe(e) + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CheckResult.failed("interrupted while checking Zendesk at " + s.baseUrl());
    }
    int status = response.statusCode();
    String error = ZendeskErrors.message(response.body());
    return switch (status) {
      case 200 -> CheckResult.passed();
      case 401 -> CheckResult.failed("Zendesk at " + s.baseUrl() + " rejected " + s.authDescription() + " (401 " + error + ")");
      case 403 -> CheckResult.failed("Zendesk at " + s.baseUrl() + " does not allow " + s.authDescription()
          + " to read (403 " + error + ")");
      case 404 -> CheckResult.failed(s.baseUrl() + " does not look like a Zendesk account: /api/v2/users/me.json is 404");
      case 429 -> CheckResult.failed("Zendesk at " + s.baseUrl() + " is rate limiting this account; retry after "
          + response.headers().firstValue("Retry-After").orElse("a while") + " s");
      default -> CheckResult.failed("Zendesk at " + s.baseUrl() + " answered HTTP " + status + " (" + error + ")");
    };
  }

  private static String describe(IOException e) {
    if (e instanceof HttpConnectTimeoutException || e instanceof HttpTimeoutException) {
      return "timed out after " + TIMEOUT.toSeconds() + " s";
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof ConnectException || e instanceof ConnectException) {
      return "connection refused";
    }
    if (root instanceof UnknownHostException) {
      return "unknown host";
    }
    return root.getMessage() == null ? "I/O error" : root.getMessage();
  }
}
