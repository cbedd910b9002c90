package io.cxhub.traitstore;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cxhub.store.StoreException;
import io.cxhub.traits.TraitValue;
import java.math.BigDecimal;

/**
 * Trait values and event data as JSON, read and written so that a value read back from jsonb equals
 * the one computed: that equality is how a recomputation tells a change from the same value.
 */
final class TraitJson {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private TraitJson() {}

  /** Numbers go through their text, so they get the node type that parsing the stored value gives. */
  static JsonNode of(TraitValue value) {
    Object v = value.value().orElse(null);
    if (v == null) {
      return NullNode.getInstance();
    }
    if (v instanceof BigDecimal d) {
      return parse(d.toPlainString());
    }
    if (v instanceof Number n) {
      return parse(n.toString());
    }
    if (v instanceof Boolean b) {
      return BooleanNode.valueOf(b);
    }
    return TextNode.valueOf(v.toString()); // String; LocalDate and Instant as ISO-8601
  }

  /** The jsonb text of a value; null for no value, stored as SQL null. */
  static String text(JsonNode value) {
    if (value.isNull()) {
      return null;
    }
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a trait value could not be written as JSON: " + value, e);
    }
  }

  /** Stored jsonb text; null (SQL null) is no value. */
  static JsonNode parse(String json) {
    if (json == null) {
      return NullNode.getInstance();
    }
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new StoreException("stored JSON is not valid: " + e.getOriginalMessage(), e);
    }
  }
}
