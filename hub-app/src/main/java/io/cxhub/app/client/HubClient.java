package io.cxhub.app.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The hub's REST API from a terminal, over the JDK's HttpClient. Every failure becomes a
 * {@link HubCallException} with one line to show: unreachable hub (exit 2) or the API's own
 * {@code error} message (exit 1).
 */
public final class HubClient {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  /** The address as shown in messages: without the trailing slash that resolving paths needs. */
  private final String shown;
  private final String token;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param base the hub's address, e.g. {@code http://localhost:8080}
   * @param token the bearer token, or null to send none
   */
  public HubClient(URI base, String token) {
    this.base = base;
    this.shown = base.toString().replaceFirst("/$", "");
    this.token = token;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  /** An answer: the body as the hub sent it, and parsed. */
  public record Answer(String text, JsonNode json) {}

  public Answer get(String path) {
    return send(request(path).GET().build());
  }

  public Answer post(String path, JsonNode body) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
  }

  /** {@code ?a=1&b=x} of the non-null values, URL-encoded; empty when all are null. */
  public static String query(Map<String, ?> params) {
    StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
    params.forEach((k, v) -> {
      if (v != null) {
        q.add(k + "=" + URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
      }
    });
    return q.toString();
  }

  /** A path segment, URL-encoded: what the user typed must not change the path. */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private HttpRequest.Builder request(String path) {
    // relative to the base, so a hub behind a path prefix (http://proxy/cxhub/) keeps it
    URI uri = base.resolve(path.replaceFirst("^/+", ""));
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private Answer send(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new HubCallException("cannot reach the hub at " + shown + ": " + why(e) + " (is it running? --url)",
          HubCallException.NOT_DELIVERED);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HubCallException("interrupted while waiting for the hub at " + shown, HubCallException.NOT_DELIVERED);
    }
    JsonNode body = parse(response.body());
    int status = response.statusCode();
    if (status >= 200 && status < 300 && body != null) {
      return new Answer(response.body(), body);
    }
    if (body == null || !body.path("error").isTextual()) {
      // not the hub's API answering (a proxy, another server on that port)
      throw new HubCallException(shown + " answered " + request.method() + " " + request.uri().getPath() + " with HTTP "
          + status + " and no cxhub JSON: is --url the hub's address?", HubCallException.REFUSED);
    }
    String message = body.path("error").asText() + " (HTTP " + status + ")";
    if (status == 401) {
      message += token == null ? "; no token given: set CXHUB_ADMIN_TOKEN or --token"
          : "; the token from --token or CXHUB_ADMIN_TOKEN was refused";
    }
    throw new HubCallException(message, HubCallException.REFUSED);
  }

  private JsonNode parse(String text) {
    try {
      JsonNode node = json.readTree(text);
      return node == null || node.isMissingNode() ? null : node;
    } catch (IOException notJson) {
      return null;
    }
  }

  /** The cause in words: the JDK often leaves the message of a refused connection empty. */
  private static String why(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return t.getMessage() == null ? "connection refused" : t.getMessage();
      }
      if (t instanceof UnknownHostException) {
        return "unknown host " + t.getMessage();
      }
      if (t instanceof HttpConnectTimeoutException) {
        return "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
      }
      if (t instanceof HttpTimeoutException) {
        return "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
      }
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
