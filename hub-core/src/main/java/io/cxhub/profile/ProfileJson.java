package io.cxhub.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cxhub.store.StoreException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON forms of attributes and event data as they sit in jsonb columns. Values are built so
 * that a value read back from PostgreSQL equals the one written, which is what lets the writer tell
 * "unchanged" from "changed" by comparing trees.
 */
final class ProfileJson {

  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      // 49.90 stays 49.90: the scale of an amount is part of its value
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private ProfileJson() {}

  /** A taxonomy field value as JSON. Numbers go through their text so they get the node type parsing gives. */
  static JsonNode value(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return TextNode.valueOf(s);
    }
    if (v instanceof Boolean b) {
      return MAPPER.getNodeFactory().booleanNode(b);
    }
    if (v instanceof BigDecimal d) {
      return parse(d.toPlainString());
    }
    if (v instanceof Number n) {
      return parse(n.toString());
    }
    return TextNode.valueOf(v.toString()); // Instant, LocalDate: ISO-8601
  }

  static Map<String, Attribute> readAttributes(String json) {
    Map<String, Attribute> attributes = new TreeMap<>();
    JsonNode root = parse(json);
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode a = e.getValue();
      attributes.put(e.getKey(), new Attribute(a.get("value"), a.path("system").asText(), a.path("stream").asText(),
          a.hasNonNull("sourceId") ? a.get("sourceId").asText() : null, Instant.parse(a.path("observedAt").asText())));
    }
    return attributes;
  }

  static String writeAttributes(Map<String, Attribute> attributes) {
    ObjectNode root = MAPPER.createObjectNode();
    attributes.forEach((name, a) -> {
      ObjectNode o = root.putObject(name);
      o.set("value", a.value());
      o.put("system", a.system());
      o.put("stream", a.stream());
      o.put("sourceId", a.sourceId());
      o.put("observedAt", a.observedAt().toString());
    });
    return root.toString();
  }

  /** Event data with fields in name order, so equal content always gives equal text and hash. */
  static String canonicalData(Map<String, Object> fields) {
    ObjectNode data = MAPPER.createObjectNode();
    new TreeMap<>(fields).forEach((k, v) -> {
      if (v != null) {
        data.set(k, value(v));
      }
    });
    return data.toString();
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new StoreException("stored JSON is not valid: " + e.getOriginalMessage(), e);
    }
  }
}
