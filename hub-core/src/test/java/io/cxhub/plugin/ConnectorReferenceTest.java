package io.cxhub.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.spi.config.ConfigDef;
import io.cxhub.spi.config.ConfigOption;
import io.cxhub.spi.config.ConfigType;
import io.cxhub.spi.connector.Connector;
import io.cxhub.spi.connector.FieldSpec;
import io.cxhub.spi.connector.StreamSpec;
import java.time.Duration;
import java.util.List;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

class ConnectorReferenceTest {

  /** A connector as small as a test needs; its routes are never asked for. */
  private record Fake(String id, String description, ConfigDef configDef, List<StreamSpec> streams) implements Connector {
    @Override
    public String version() {
      return "1.2.3";
    }

    @Override
    public List<String> defaultMappings() {
      return List.of("mappings/" + id + "/things.yaml");
    }

    @Override
    public RoutesBuilder routes() {
      throw new UnsupportedOperationException("the reference is written from the connector's spec, never its routes");
    }
  }

  private static final Fake ACME = new Fake("acme", "Things from\n  Acme", ConfigDef.of(
      ConfigOption.of("url", ConfigType.STRING).asRequired()
          .withValidation(v -> true, "an https URL").withDescription("Where Acme is"),
      ConfigOption.of("token", ConfigType.PASSWORD).withDefault("dev-token").withDescription("API token"),
      ConfigOption.of("wait", ConfigType.DURATION).withDefault(Duration.ofSeconds(30)).withDescription("a | b"),
      ConfigOption.of("streams", ConfigType.LIST).withDefault(List.of("a", "b")).withDescription("Streams")),
      List.of(new StreamSpec("things", "One thing", "thing_id", "updated_at",
          List.of(FieldSpec.of("thing_id", "string").notNull(), FieldSpec.of("updated_at", "string", "date-time")))));

  private static final Fake BETA = new Fake("beta", "Beta", ConfigDef.of(
      ConfigOption.of("x", ConfigType.INT).withDescription("X")),
      List.of(new StreamSpec("rows", "A row", "id", null, List.of(FieldSpec.of("id", "integer")))));

  @Test
  void everyOptionIsARowWithTypeRequiredDefaultSecretAndDescription() {
    String md = ConnectorReference.section(ACME);
    assertTrue(md.startsWith("## acme\n\nThings from Acme\n\nVersion 1.2.3 · route template `acme`"), md);
    assertTrue(md.contains("| `url` | string | yes |  | no | Where Acme is *Valid values:* an https URL. |"), md);
    assertTrue(md.contains("| `token` | password | no | ****** | yes | API token |"), "secret defaults are masked: " + md);
    assertFalse(md.contains("dev-token"));
    assertTrue(md.contains("| `wait` | duration | no | `PT30S` | no | a \\| b |"), "pipes are escaped: " + md);
    assertTrue(md.contains("| `streams` | list | no | `a,b` | no | Streams |"), md);
  }

  @Test
  void streamsListKeyCursorAndExpectedFields() {
    String md = ConnectorReference.section(ACME);
    assertTrue(md.contains("#### things\n\nOne thing\n\nPrimary key `thing_id`, cursor field `updated_at`."), md);
    assertTrue(md.contains("| `thing_id` | string |  | no |"), md);
    assertTrue(md.contains("| `updated_at` | string | date-time | yes |"), md);
    assertTrue(md.contains("- `mappings/acme/things.yaml`"), md);
    assertTrue(ConnectorReference.section(BETA).contains("no cursor field (full reads)"));
  }

  @Test
  void thePageIsSortedByIdAndStampedAsGenerated() {
    String md = ConnectorReference.markdown(List.of(BETA, ACME));
    assertTrue(md.contains("Do NOT edit"));
    assertTrue(md.indexOf("## acme") < md.indexOf("## beta"));
    assertTrue(md.contains("- [`acme`](#acme) — Things from Acme"));
    assertEquals(md, ConnectorReference.markdown(List.of(ACME, BETA)), "the same connectors give the same page");
  }
}
