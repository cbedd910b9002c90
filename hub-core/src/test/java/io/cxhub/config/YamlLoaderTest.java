package io.cxhub.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {

  private static final Path FILE = Path.of("conf/sample.yaml");

  @Test
  void recordsTheLineOfEveryKeyAndItem() {
    YamlDocument document = YamlLoader.parse(FILE, """
        system: billing
        entities:
          - entity: invoice
            fields:
              amount: { path: cents }
          - entity: payment
        """);
    assertEquals(1, document.lineOf("/system"));
    assertEquals(3, document.lineOf("/entities/0"));
    assertEquals(5, document.lineOf("/entities/0/fields/amount"));
    assertEquals(5, document.lineOf("/entities/0/fields/amount/path"));
    assertEquals(6, document.lineOf("/entities/1/entity"));
    assertEquals(6, document.lineOf("/entities/1/missing"), "a missing node falls back to its parent's line");
  }

  @Test
  void convertsScalarsToJsonTypes() {
    YamlDocument document = YamlLoader.parse(FILE, """
        count: 42
        ratio: 0.25
        enabled: true
        region: NO
        nothing: null
        day: 2024-05-01
        """);
    assertTrue(document.root().get("count").isIntegralNumber());
    assertEquals("0.25", document.root().get("ratio").decimalValue().toPlainString());
    assertTrue(document.root().get("enabled").booleanValue());
    assertEquals("NO", document.root().get("region").textValue(), "YAML 1.1 'NO' must stay Norway");
    assertTrue(document.root().get("nothing").isNull());
    assertEquals("2024-05-01", document.root().get("day").textValue());
  }

  @Test
  void duplicateKeyIsAProblemOnTheSecondOccurrence() {
    ConfigProblemsException e = assertThrows(ConfigProblemsException.class, () -> YamlLoader.parse(FILE, """
        system: billing
        stream: a
        system: crm
        """));
    Problem problem = e.problems().get(0);
    assertEquals(3, problem.line());
    assertTrue(problem.message().contains("duplicate key 'system'"), problem.message());
    assertTrue(problem.message().contains("line 1"), problem.message());
  }

  @Test
  void syntaxErrorNamesFileAndLine() {
    ConfigProblemsException e = assertThrows(ConfigProblemsException.class, () -> YamlLoader.parse(FILE, """
        system: billing
        entities:
          - entity: invoice
           fields: [
        """));
    Problem problem = e.problems().get(0);
    assertEquals(FILE, problem.file());
    assertEquals(4, problem.line());
    assertTrue(e.getMessage().contains("conf/sample.yaml:4: invalid YAML"), e.getMessage());
  }

  @Test
  void emptyFileIsAProblem() {
    ConfigProblemsException e = assertThrows(ConfigProblemsException.class, () -> YamlLoader.parse(FILE, "# nothing\n"));
    assertTrue(e.problems().get(0).message().contains("empty"));
  }
}
