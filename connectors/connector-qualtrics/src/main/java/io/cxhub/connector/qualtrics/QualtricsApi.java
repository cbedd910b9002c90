package io.cxhub.connector.qualtrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Qualtrics v3 calls this connector makes, with {@code X-API-TOKEN} auth, retries per
 * {@link RetryPolicy} and errors classified once: {@link ApiFailure} (the call did not succeed:
 * auth, not found, retries exhausted) versus {@link MalformedResponse} (it succeeded but the body
 * cannot be read: quarantine it). Thread-safe. The token is never part of a message.
 */
final class QualtricsApi {

  private static final Logger log = LoggerFactory.getLogger(QualtricsApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String token;
  private final RetryPolicy retry;
  private final HttpClient http;

  QualtricsApi(String baseUrl, String token, RetryPolicy retry) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.retry = retry;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** GET; returns {@code result}. */
  JsonNode get(String path) {
    return result(path, send(request(path).GET(), path));
  }

  /** POST of a JSON body; returns {@code result}. */
  JsonNode post(String path, JsonNode body) {
    return result(path, send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))), path));
  }

  /** DELETE. */
  void delete(String path) {
    send(request(path).DELETE(), path);
  }

  /** GET of a file (the export ZIP): the raw bytes. */
  byte[] download(String path) {
    return send(request(path).GET(), path);
  }

  String baseUrl() {
    return baseUrl;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
        .header("X-API-TOKEN", token).header("Accept", "application/json");
  }

  private byte[] send(HttpRequest.Builder builder, String path) {
    HttpRequest request = builder.build();
    String what = request.method() + " " + path;
    for (int attempt = 1; ; attempt++) {
      Duration wait;
      String problem;
      try {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status / 100 == 2) {
          return response.body();
        }
        String message = errorMessage(response.body());
        if (status == 401 || status == 403) {
          throw new ApiFailure("Qualtrics at " + baseUrl + " rejected the API token (" + status + "): " + message, status);
        }
        if (status == 429) {
          wait = retry.retryAfter(response.headers().firstValue("Retry-After").orElse(null));
          problem = "rate limited (429)";
        } else if (status >= 500) {
          wait = retry.backoff(attempt);
          problem = "server error " + status + ": " + message;
        } else {
          throw new ApiFailure(what + " failed with " + status + ": " + message, status);
        }
      } catch (ConnectException | HttpTimeoutException e) {
        wait = retry.backoff(attempt);
        problem = "cannot reach Qualtrics at " + baseUrl + " (" + (e instanceof ConnectException ? "connection refused" : "timed out") + ")";
      } catch (IOException e) {
        wait = retry.backoff(attempt);
        problem = "I/O failure talking to Qualtrics at " + baseUrl + ": " + e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiFailure(what + " interrupted", 0);
      }
      if (attempt >= retry.attempts()) {
        throw new ApiFailure(retry.attempts() == 1 ? problem : what + ": " + problem + ", gave up after " + attempt + " attempts", 0);
      }
      log.info("qualtrics: {}: {}, attempt {} of {}, retrying in {} ms", what, problem, attempt, retry.attempts(), wait.toMillis());
      sleep(wait);
    }
  }

  private static JsonNode result(String path, byte[] body) {
    try {
      JsonNode tree = JSON.readTree(body);
      if (tree == null || !tree.isObject()) {
        throw new MalformedResponse(path, "not a JSON object", body);
      }
      return tree.path("result");
    } catch (IOException e) {
      throw new MalformedResponse(path, "unreadable JSON: " + firstLine(e.getMessage()), body);
    }
  }

  private static String errorMessage(byte[] body) {
    try {
      JsonNode error = JSON.readTree(body).path("meta").path("error");
      if (error.hasNonNull("errorMessage")) {
        return error.path("errorMessage").asText() + (error.hasNonNull("errorCode") ? " [" + error.path("errorCode").asText() + "]" : "");
      }
    } catch (IOException | RuntimeException e) {
      // not Qualtrics' error shape: show the start of the text
    }
    String text = new String(body, StandardCharsets.UTF_8).strip();
    return text.isEmpty() ? "no details" : firstLine(text.length() > 200 ? text.substring(0, 200) : text);
  }

  private static byte[] bytes(JsonNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiFailure("interrupted while waiting to retry", 0);
    }
  }

  /** A call that did not succeed; the message is one line, names the call and holds no secret. */
  static final class ApiFailure extends RuntimeException {
    private final int status;

    ApiFailure(String message, int status) {
      super(message, null, false, false);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  /** A successful answer whose body cannot be read. */
  static final class MalformedResponse extends RuntimeException {
    private final String reason;
    private final byte[] body;

    MalformedResponse(String path, String reason, byte[] body) {
      super(path + ": " + reason, null, false, false);
      this.reason = reason;
      this.body = body;
    }

    String reason() {
      return reason;
    }

    byte[] body() {
      return body;
    }
  }
}
