package io.cxhub.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Posts notices as Slack-compatible JSON ({@link SlackMessage}) to an incoming webhook. 2xx is delivered; 429
 * waits for Retry-After; 408 and 5xx and I/O failures are retried; any other status is a rejection (a wrong or
 * revoked URL does not get better by asking again).
 *
 * <p>The URL is a secret (Slack's carries the token in its path): it appears in no log line and no exception
 * message. Failures are described as {@code HTTP <status>} or by exception type, with the URL cut out.
 */
final class WebhookSink implements AlertSink {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  /** Longest Retry-After honoured: a misbehaving receiver must not park the queue for hours. */
  static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);
  private static final int MAX_BODY_IN_LOG = 200;

  private final URI uri;
  private final List<String> secrets; // the URL and its parts that may carry a token, longest first
  private final ObjectMapper json;
  private final HttpClient http;

  WebhookSink(String url, ObjectMapper json) {
    this.uri = parse(url);
    this.secrets = secretParts(uri);
    this.json = json;
    this.http = HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER) // a redirect would resend the alert to a host nobody configured
        .build();
  }

  /** Parses without ever quoting the URL: URISyntaxException's message would. */
  private static URI parse(String url) {
    URI parsed;
    try {
      parsed = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "drift.notify.webhookUrl is not a valid URL (error at character " + e.getIndex() + ")");
    }
    String scheme = parsed.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
        || parsed.getHost() == null) {
      throw new IllegalArgumentException("drift.notify.webhookUrl must be an absolute http(s) URL with a host");
    }
    return parsed;
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public Delivery deliver(Notice notice) throws InterruptedException {
    byte[] body;
    try {
      body = json.writeValueAsBytes(SlackMessage.of(notice, json));
    } catch (JsonProcessingException e) {
      return Delivery.rejected("cannot render the message: " + e.getOriginalMessage());
    }
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) { // connection refused, reset, timeout: all transient from here
      return Delivery.retry(redact(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
    }
    int status = response.statusCode();
    String answer = head(response.body());
    if (status >= 200 && status < 300) {
      return Delivery.delivered();
    }
    String detail = "HTTP " + status + (answer.isEmpty() ? "" : " " + answer);
    if (status == 429) {
      return Delivery.retryAfter(retryAfter(response.headers().firstValue("Retry-After").orElse(null)), detail);
    }
    if (status == 408 || status >= 500) {
      return Delivery.retry(detail);
    }
    return Delivery.rejected(detail);
  }

  /** The start of the receiver's answer (Slack says why, e.g. {@code invalid_payload}); the rest is not read. */
  private String head(InputStream in) {
    try (in) {
      String text = new String(in.readNBytes(MAX_BODY_IN_LOG), StandardCharsets.UTF_8).strip();
      return redact(text.replaceAll("\\s+", " "));
    } catch (IOException e) {
      return "";
    }
  }

  /** Seconds or an HTTP date (RFC 9110), capped; null (use the backoff) when missing or unreadable. */
  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    Duration wait;
    try {
      wait = Duration.ofSeconds(Long.parseLong(header.strip()));
    } catch (NumberFormatException notSeconds) {
      try {
        wait = Duration.between(ZonedDateTime.now(),
            ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
  }

  private static List<String> secretParts(URI uri) {
    List<String> parts = new ArrayList<>();
    for (String p : new String[] {uri.toString(), uri.getRawPath(), uri.getPath(), uri.getRawQuery(), uri.getQuery()}) {
      if (p != null && p.length() > 1 && !parts.contains(p)) { // "/" alone is no secret
        parts.add(p);
      }
    }
    parts.sort(Comparator.comparingInt(String::length).reversed());
    return List.copyOf(parts);
  }

  /** Cuts the URL, its path (where Slack keeps the token) and its query out of anything that may be logged. */
  private String redact(String text) {
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, "<redacted>");
    }
    return out;
  }

  @Override
  public void close(long timeoutMillis) {
    // Java 17's HttpClient has no close(): its selector thread is a daemon and ends with the client
  }
}
