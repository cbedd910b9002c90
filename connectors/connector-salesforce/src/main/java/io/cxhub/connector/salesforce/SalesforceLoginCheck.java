package io.cxhub.connector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.spi.connector.CheckResult;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The connection check: logs in once with the instance's OAuth flow, the same request
 * camel-salesforce makes, and reports Salesforce's own error ({@code invalid_grant},
 * {@code invalid_client_id}, ...) or the network failure in one line, without secrets.
 */
final class SalesforceLoginCheck {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SalesforceLoginCheck() {}

  static CheckResult run(SalesforceSettings s) {
    if (!s.problems().isEmpty()) {
      return CheckResult.failed(String.join("; ", s.problems()));
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", s.usernamePassword() ? "password" : "client_credentials");
    form.put("client_id", s.clientId());
    form.put("client_secret", s.clientSecret());
    if (s.usernamePassword()) {
      form.put("username", s.userName());
      form.put("password", s.password());
    }
    String body = form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    String tokenUrl = s.loginUrl() + "/services/oauth2/token";
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    try {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(tokenUrl))
              .timeout(Duration.ofSeconds(20))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Accept", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode answer = parse(response.body());
      if (response.statusCode() == 200 && answer.path("access_token").isTextual()) {
        return CheckResult.passed();
      }
      String error = answer.path("error").asText("");
      String description = answer.path("error_description").asText("");
      return CheckResult.failed("Salesforce login at " + s.loginUrl() + " as " + who(s) + " refused (HTTP "
          + response.statusCode() + (error.isEmpty() ? "" : ", " + error) + (description.isEmpty() ? "" : ": " + description)
          + ")");
    } catch (IOException e) {
      return CheckResult.failed("cannot reach the Salesforce login URL " + s.loginUrl() + ": "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CheckResult.failed("interrupted while logging in to " + s.loginUrl());
    } catch (IllegalArgumentException e) {
      return CheckResult.failed("loginUrl " + s.loginUrl() + " is not a usable URL");
    }
  }

  private static String who(SalesforceSettings s) {
    return s.usernamePassword() ? "user " + s.userName() + " (client " + s.clientId() + ")" : "client " + s.clientId();
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body == null || body.isEmpty() ? "{}" : body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
