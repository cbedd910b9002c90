package io.cxhub.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a value as one line of YAML flow text in the style of the shipped mappings:
 * {@code { path: phone, transform: [{ phone: { region: US } }] }}. Strings stay plain when
 * {@link io.cxhub.config.YamlLoader} reads them back as the same string, and are double-quoted
 * otherwise. Reading the output back gives the input.
 */
public final class FlowYaml {

  /** Plain scalars that are also safe inside flow collections (no {@code [ ] { } , :} or leading indicators). */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.$@/-]*");
  /** Plain words that YAML 1.1 resolves to booleans or null. */
  private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "y", "n", "on", "off", "null");

  private FlowYaml() {}

  public static String write(JsonNode value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(JsonNode value, StringBuilder out) {
    if (value.isObject()) {
      if (value.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{ ");
      Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        out.append(string(field.getKey())).append(": ");
        write(field.getValue(), out);
        out.append(fields.hasNext() ? ", " : " }");
      }
    } else if (value.isArray()) {
      out.append('[');
      for (int i = 0; i < value.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        write(value.get(i), out);
      }
      out.append(']');
    } else if (value.isTextual()) {
      out.append(string(value.asText()));
    } else if (value.isBigDecimal() || value.isFloatingPointNumber()) {
      String plain = value.decimalValue().toPlainString();
      out.append(plain.contains(".") ? plain : plain + ".0"); // stays a decimal when read back
    } else if (value.isNull() || value.isMissingNode()) {
      out.append("null");
    } else {
      out.append(value.asText()); // whole numbers and booleans
    }
  }

  private static String string(String text) {
    if (PLAIN.matcher(text).matches() && !RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
      return text;
    }
    StringBuilder quoted = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\t' -> quoted.append("\\t");
        case '\r' -> quoted.append("\\r");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
