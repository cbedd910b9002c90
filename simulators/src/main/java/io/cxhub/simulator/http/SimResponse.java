package io.cxhub.simulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a simulator answers.
 *
 * @param status HTTP status
 * @param headers response headers
 * @param contentType content type of the body
 * @param body response body
 */
public record SimResponse(int status, Map<String, String> headers, String contentType, byte[] body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public SimResponse {
    headers = Map.copyOf(headers);
  }

  /** A JSON answer; {@code value} is a Jackson node or anything Jackson serializes. */
  public static SimResponse json(int status, Object value) {
    try {
      return new SimResponse(status, Map.of(), "application/json", JSON.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialize a simulator response", e);
    }
  }

  public static SimResponse bytes(int status, String contentType, byte[] body) {
    return new SimResponse(status, Map.of(), contentType, body);
  }

  public static SimResponse text(int status, String text) {
    return bytes(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  public static SimResponse empty(int status) {
    return new SimResponse(status, Map.of(), null, new byte[0]);
  }

  public SimResponse withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new SimResponse(status, h, contentType, body);
  }
}
