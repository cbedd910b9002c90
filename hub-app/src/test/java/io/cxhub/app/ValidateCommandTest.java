package io.cxhub.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.config.ConfigProblemsException;
import io.cxhub.config.Problem;
import io.cxhub.runtime.Hub;
import io.cxhub.runtime.HubOverrides;
import io.cxhub.runtime.HubYaml;
import io.cxhub.runtime.TreeValidator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ValidateCommandTest {

  @Test
  void aBadMappingIsRejectedWithItsFileAndLine() throws Exception {
    Path tree = Files.createTempDirectory("cxhub-bad-tree-");
    HubFixture.copyTree(HubFixture.REPO.resolve("mappings"), tree.resolve("mappings"));
    Path bad = tree.resolve("mappings/billing/customers.yaml");
    List<String> lines = Files.readAllLines(bad);
    int typoLine = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("required:")) {
        lines.set(i, lines.get(i).replace("required:", "requird:"));
        typoLine = i + 1;
      }
    }
    Files.write(bad, lines);

    List<Problem> problems = TreeValidator.validate(tree);
    assertEquals(1, problems.size(), problems.toString());
    assertEquals(bad, problems.get(0).file());
    assertEquals(typoLine, problems.get(0).line());
    assertTrue(problems.get(0).message().contains("requird"), problems.get(0).message());

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true));
    int exit;
    try {
      exit = new CommandLine(new Cxhub()).execute("validate", tree.toString());
    } finally {
      System.setErr(old);
    }
    assertEquals(1, exit);
    assertTrue(err.toString().contains("customers.yaml:" + typoLine), err.toString());

    // and the hub refuses to start on it, before touching any database
    var options = HubYaml.load(tree, new HubOverrides(0, tree.resolve("data"), HubFixture.TOKEN,
        "jdbc:postgresql://127.0.0.1:1/never", Map.of()));
    ConfigProblemsException e = assertThrows(ConfigProblemsException.class, () -> Hub.start(options));
    assertTrue(e.getMessage().contains("customers.yaml:" + typoLine), e.getMessage());
  }

  @Test
  void theRepositoryTreeIsValidWhenItsVariablesAreSet() throws Exception {
    Path tree = Files.createTempDirectory("cxhub-good-tree-");
    HubFixture.copyTree(HubFixture.REPO.resolve("mappings"), tree.resolve("mappings"));
    Files.createDirectories(tree.resolve("plugins"));
    Files.copy(HubFixture.billingConnectorJar(), tree.resolve("plugins/connector-billing-jdbc.jar"));
    HubFixture.copyTree(HubFixture.REPO.resolve("routes"), tree.resolve("routes"));
    Files.copy(HubFixture.REPO.resolve("hub.yaml"), tree.resolve("hub.yaml"));
    HubFixture.copyTree(HubFixture.REPO.resolve("traits"), tree.resolve("traits"));
    List<Problem> unset = TreeValidator.validate(tree);
    assertTrue(unset.toString().contains("BILLING_JDBC_URL"), "an unset variable is a problem: " + unset);
    assertTrue(unset.stream().noneMatch(p -> p.file().toString().contains("traits")), "shipped traits: " + unset);

    Files.writeString(tree.resolve("traits/broken.yaml"), """
        trait: queue_total
        entity: interaction
        aggregate: sum
        field: queue
        """);
    List<Problem> broken = TreeValidator.validate(tree);
    assertTrue(broken.stream().anyMatch(p -> p.file().endsWith("broken.yaml") && p.line() == 4
        && p.message().contains("cannot use interaction.queue of type string")), broken.toString());
  }

  @Test
  void aBadUseCaseIsReportedWithItsLineAndTheShippedOnesAreClean() throws Exception {
    Path tree = Files.createTempDirectory("cxhub-usecases-tree-");
    HubFixture.copyTree(HubFixture.REPO.resolve("mappings"), tree.resolve("mappings"));
    HubFixture.copyTree(HubFixture.REPO.resolve("traits"), tree.resolve("traits"));
    HubFixture.copyTree(HubFixture.REPO.resolve("usecases"), tree.resolve("usecases"));
    assertEquals(List.of(), TreeValidator.validate(tree), "shipped use cases against the shipped traits");

    Path bad = tree.resolve("usecases/service_recovery.yaml");
    List<String> lines = Files.readAllLines(bad);
    int typoLine = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("channels:")) {
        lines.set(i, "channels: [crm_task, fax]");
        typoLine = i + 1;
      }
    }
    Files.write(bad, lines);
    Files.writeString(tree.resolve("usecases/typo.yaml"), """
        usecase: typo
        trigger:
          events: [invoice]
        eligible: traits.overdue_amount >
        action:
          type: message
        channels: [email]
        """);
    List<Problem> problems = TreeValidator.validate(tree);
    assertEquals(2, problems.size(), problems.toString());
    assertEquals(bad, problems.get(0).file());
    assertEquals(typoLine, problems.get(0).line());
    assertTrue(problems.get(0).message().contains("unknown channel 'fax'"), problems.toString());
    assertEquals(4, problems.get(1).line());
    assertTrue(problems.get(1).message().contains("eligible expression 'traits.overdue_amount >'"), problems.toString());

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true));
    int exit;
    try {
      exit = new CommandLine(new Cxhub()).execute("validate", tree.toString());
    } finally {
      System.setErr(old);
    }
    assertEquals(1, exit);
    assertTrue(err.toString().contains("service_recovery.yaml:" + typoLine), err.toString());
    assertTrue(err.toString().contains("typo.yaml:4"), err.toString());
  }

  @Test
  void badDriftSettingsAndPoliciesAreProblemsWithTheirLines() throws Exception {
    Path tree = Files.createTempDirectory("cxhub-drift-tree-");
    HubFixture.copyTree(HubFixture.REPO.resolve("mappings"), tree.resolve("mappings"));
    Files.createDirectories(tree.resolve("routes"));
    Files.writeString(tree.resolve("routes/drift.yaml"), """
        # drift policies
        - drift:
            system: crm
            policy: warn
            streams:
              contacts: quarantin
              cases: pause
        - drift:
            sytem: billing
        """);
    List<Problem> problems = TreeValidator.validate(tree);
    assertEquals(3, problems.size(), problems.toString());
    assertEquals(6, problems.get(0).line());
    assertEquals("drift policy of stream crm/contacts: drift policy 'quarantin': expected warn, quarantine or pause",
        problems.get(0).message());
    assertTrue(problems.get(1).message().contains("unknown key 'sytem'"), problems.toString());
    assertTrue(problems.get(2).message().contains("system 'null'"), problems.toString());

    Files.writeString(tree.resolve("hub.yaml"), """
        drift:
          learnRecords: 5
          policy: stop
        """);
    ConfigProblemsException bad = assertThrows(ConfigProblemsException.class, () -> HubYaml.load(tree,
        new HubOverrides(0, tree.resolve("data"), HubFixture.TOKEN, null, Map.of())));
    assertTrue(bad.getMessage().contains("hub.yaml:2"), bad.getMessage());
    assertTrue(bad.getMessage().contains("hub.yaml:3"), bad.getMessage());

    Files.writeString(tree.resolve("hub.yaml"), """
        identity:
          blockedKeys:
            phone: ["+18005550142", "(800) 555-0199"]
        """);
    ConfigProblemsException blocked = assertThrows(ConfigProblemsException.class, () -> HubYaml.load(tree,
        new HubOverrides(0, tree.resolve("data"), HubFixture.TOKEN, null, Map.of())));
    assertTrue(blocked.getMessage().contains("hub.yaml:3: blocked phone '(800) 555-0199': expected E.164"),
        blocked.getMessage());
  }

  @Test
  void theHubWidePhoneRegionMustBeOneLibphonenumberKnows() throws Exception {
    Path tree = Files.createTempDirectory("cxhub-region-tree-");
    HubOverrides overrides = new HubOverrides(0, tree.resolve("data"), HubFixture.TOKEN, null, Map.of());
    assertEquals("US", HubYaml.load(tree, overrides).defaultPhoneRegion(), "without hub.yaml");

    Files.writeString(tree.resolve("hub.yaml"), "identity:\n  defaultPhoneRegion: GB\n");
    assertEquals("GB", HubYaml.load(tree, overrides).defaultPhoneRegion());

    // UK is what people write, GB is the ISO code; both wrong values are reported at once, with their lines
    Files.writeString(tree.resolve("hub.yaml"), """
        identity:
          defaultPhoneRegion: UK
          blockedKeys:
            phone: ["(800) 555-0199"]
        """);
    ConfigProblemsException unknown = assertThrows(ConfigProblemsException.class, () -> HubYaml.load(tree, overrides));
    assertTrue(unknown.getMessage().contains("hub.yaml:2: unknown phone region 'UK': expected an ISO-3166 alpha-2 "
        + "region libphonenumber knows, such as US, GB or DE"), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("hub.yaml:4: blocked phone"), unknown.getMessage());

    Files.writeString(tree.resolve("hub.yaml"), "identity:\n  defaultPhoneRegion: gb\n");
    ConfigProblemsException lower = assertThrows(ConfigProblemsException.class, () -> HubYaml.load(tree, overrides));
    assertTrue(lower.getMessage().contains("hub.yaml:2"), lower.getMessage());
    assertTrue(lower.getMessage().contains("defaultPhoneRegion"), lower.getMessage());
  }
}
