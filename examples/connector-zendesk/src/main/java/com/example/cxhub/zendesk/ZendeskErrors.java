package com.example.cxhub.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads Zendesk's error bodies: {@code {"error":"..."}} or {@code {"error":"X","description":"..."}}. */
final class ZendeskErrors {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ZendeskErrors() {}

  static String message(String body) {
    if (body == null || body.isBlank()) {
      return "no body";
    }
    try {
      JsonNode n = JSON.readTree(body);
      JsonNode error = n.path("error");
      String text = error.isObject() ? error.path("title").asText(error.path("message").asText(""))
          : error.asText("");
      String description = n.path("description").asText("");
      String joined = description.isEmpty() ? text : text.isEmpty() ? description : text + ": " + description;
      return joined.isEmpty() ? abbreviate(body) : joined;
    } catch (IOException e) {
      return abbreviate(body);
    }
  }

  private static String abbreviate(String body) {
    String oneLine = body.replaceAll("\\s+", " ").trim();
    return oneLine.length() > 120 ? oneLine.substring(0, 120) + "…" : oneLine;
  }
}
