package io.cxhub.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a pushed body into records: one JSON object, a JSON array of objects, or NDJSON (one object
 * per line). What cannot be read is returned as rejects with the reason and the original text, so
 * the caller can quarantine it; a bad line in NDJSON does not spoil the good ones.
 */
public final class IngestPayloads {

  /** A part of the body that is not a JSON object. */
  public record Reject(String text, String reason) {}

  /** Records read and parts rejected. */
  public record Parsed(List<JsonNode> records, List<Reject> rejects) {}

  private final ObjectMapper json;

  public IngestPayloads(ObjectMapper json) {
    this.json = json;
  }

  public Parsed parse(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    List<JsonNode> records = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    if (text.isEmpty()) {
      rejects.add(new Reject("", "empty body: expected a JSON object, a JSON array of objects, or NDJSON"));
      return new Parsed(records, rejects);
    }
    try {
      JsonNode whole = readSingleDocument(text);
      if (whole.isArray()) {
        for (int i = 0; i < whole.size(); i++) {
          addObject(whole.get(i), "element " + i, records, rejects);
        }
      } else {
        addObject(whole, "body", records, rejects);
      }
      return new Parsed(records, rejects);
    } catch (MoreThanOneDocument e) {
      return parseLines(text);
    } catch (IOException e) {
      rejects.add(new Reject(text, "not JSON: " + firstLine(e)));
      return new Parsed(records, rejects);
    }
  }

  private Parsed parseLines(String text) {
    List<JsonNode> records = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        addObject(json.readTree(line), "line " + (i + 1), records, rejects);
      } catch (JsonProcessingException e) {
        rejects.add(new Reject(line, "line " + (i + 1) + " is not JSON: " + firstLine(e)));
      }
    }
    return new Parsed(records, rejects);
  }

  private JsonNode readSingleDocument(String text) throws IOException {
    try (JsonParser p = json.createParser(text)) {
      JsonNode node = json.readTree(p);
      if (node == null) {
        throw new IOException("no JSON value");
      }
      JsonToken after;
      try {
        after = p.nextToken();
      } catch (JsonProcessingException trailingGarbage) {
        if (text.indexOf('\n') > 0) {
          throw new MoreThanOneDocument();
        }
        throw trailingGarbage;
      }
      if (after != null) {
        throw new MoreThanOneDocument();
      }
      return node;
    } catch (JsonProcessingException e) {
      if (text.indexOf('\n') > 0 && text.startsWith("{")) {
        throw new MoreThanOneDocument(); // a broken first line of NDJSON: judge line by line
      }
      throw e;
    }
  }

  private static void addObject(JsonNode node, String where, List<JsonNode> records, List<Reject> rejects) {
    if (node.isObject()) {
      records.add(node);
    } else {
      rejects.add(new Reject(node.toString(), where + " is a JSON " + node.getNodeType().name().toLowerCase()
          + ": expected a JSON object"));
    }
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private static final class MoreThanOneDocument extends IOException {
    MoreThanOneDocument() {
      super(null, null);
    }
  }
}
