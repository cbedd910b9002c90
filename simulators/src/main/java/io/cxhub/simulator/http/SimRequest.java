package io.cxhub.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request to a simulator, read completely.
 *
 * @param method HTTP method
 * @param path request path without the query
 * @param pathParams values of the {@code {name}} segments of the matched route
 * @param query query parameters (first value of each)
 * @param headers request headers, names in lower case (first value of each)
 * @param body raw request body
 */
public record SimRequest(String method, String path, Map<String, String> pathParams, Map<String, String> query,
    Map<String, String> headers, byte[] body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public Optional<String> param(String name) {
    return Optional.ofNullable(query.get(name));
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase()));
  }

  /** The path parameter, which the route pattern guarantees. */
  public String pathParam(String name) {
    return pathParams.get(name);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as JSON; a body that is not JSON throws {@link BadRequest}. */
  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new BadRequest("request body is not JSON: " + e.getMessage());
    }
  }

  /** The body as {@code application/x-www-form-urlencoded} fields. */
  public Map<String, String> form() {
    return parseQuery(bodyText());
  }

  /** The bearer token of the Authorization header, if any. */
  public Optional<String> bearer() {
    return header("authorization").filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(h -> h.substring(7).trim());
  }

  static Map<String, String> parseQuery(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.putIfAbsent(decode(k), decode(v));
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("malformed URL encoding: " + s);
    }
  }

  /** Thrown by a handler for a request the real API rejects with 400. */
  public static final class BadRequest extends RuntimeException {
    public BadRequest(String message) {
      super(message);
    }
  }

  static byte[] readAll(java.io.InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> segments(String path) {
    return List.of(path.replaceAll("^/+|/+$", "").split("/+"));
  }
}
