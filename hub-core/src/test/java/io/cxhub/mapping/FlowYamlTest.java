package io.cxhub.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.config.YamlLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Flow text reads back as the value it was written from, in the shipped mappings' style. */
class FlowYamlTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void writesTheShippedStyle() throws Exception {
    assertEquals("{ path: phone_number, transform: [{ phone: { region: US, region_from: address.country } }] }",
        FlowYaml.write(JSON.readTree("{\"path\": \"phone_number\", \"transform\": [{\"phone\": {\"region\": \"US\", "
            + "\"region_from\": \"address.country\"}}]}")));
    assertEquals("{ concat: [street, house_number], separator: \" \" }",
        FlowYaml.write(JSON.readTree("{\"concat\": [\"street\", \"house_number\"], \"separator\": \" \"}")));
  }

  @Test
  void quotesWhatYamlWouldReadAsSomethingElse() throws Exception {
    String tricky = "{\"path\": \"lines[0].amount\", \"default\": \"no\", \"value\": \"12\", \"a\": \"On Hold\", "
        + "\"b\": \"say \\\"hi\\\"\\n\", \"c\": \"\", \"d\": \"true\", \"e\": \"x: y\", \"f\": \"#tag\", \"g\": \"ü\", "
        + "\"h\": 12, \"i\": 12.50, \"j\": true, \"k\": null, \"l\": [], \"m\": {}, \"n\": \"-1\", \"o\": \"~\"}";
    JsonNode value = JSON.readTree(tricky);
    String flow = FlowYaml.write(value);
    JsonNode back = YamlLoader.parse(Path.of("test.yaml"), "v: " + flow + "\n").root().get("v");
    assertEquals(value.toString(), back.toString(), flow);
  }
}
