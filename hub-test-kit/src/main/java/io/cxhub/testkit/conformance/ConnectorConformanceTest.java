package io.cxhub.testkit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cxhub.spi.config.ConfigException;
import io.cxhub.spi.config.ConfigOption;
import io.cxhub.spi.connector.CheckResult;
import io.cxhub.spi.connector.Connector;
import io.cxhub.spi.connector.FieldSpec;
import io.cxhub.spi.connector.StreamSpec;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.testkit.ConnectorHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteTemplateDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The conformance suite every connector passes: extend it in one test class, start the source
 * (usually the connector's simulator) and implement the five methods below. It proves:
 * <ul>
 *   <li><b>spec</b> — every option typed and described, secret-looking options declared secret, a
 *       route template whose id is the connector's and whose parameters are all declared options;</li>
 *   <li><b>bad config</b> — a wrong value is rejected naming the option, the bad value and what was
 *       expected;</li>
 *   <li><b>check</b> — a good configuration passes; bad credentials and an unreachable host fail with
 *       a one-line message, without a stack trace and without the secret;</li>
 *   <li><b>discover</b> — streams with their expected fields;</li>
 *   <li><b>full read</b> — every record of the source once, well-formed;</li>
 *   <li><b>incremental read</b> — after a restart from the committed cursors, exactly the changes;</li>
 *   <li><b>rate limits and server errors</b> — retried until every record arrived;</li>
 *   <li><b>malformed payload</b> — quarantined with its raw body and a reason, and reading goes on.</li>
 * </ul>
 * The source is shared by the tests of the class and must only change through
 * {@link ConformanceSource#change()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConnectorConformanceTest {

  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(password|secret|token|apikey|api_key|privatekey|private_key|credential).*");
  private static final Pattern STACK_FRAME = Pattern.compile("\\n\\s*at [\\w$.]+\\(|Exception:|\\bException\\b\\s*$");

  private final List<ConnectorHarness> harnesses = new ArrayList<>();

  protected abstract Connector connector();

  /**
   * Template parameters of a working instance against the running source. Give polling connectors
   * a fast schedule (e.g. {@code 0/1 * * * * ?}) so the suite runs in seconds.
   */
  protected abstract Map<String, Object> validConfig();

  /** Like {@link #validConfig()} with credentials the source rejects. */
  protected abstract Map<String, Object> badCredentialsConfig();

  /** Like {@link #validConfig()} pointing at a host and port where nothing listens. */
  protected abstract Map<String, Object> unreachableConfig();

  protected abstract ConformanceSource source();

  /** How long a read may take before the suite gives up. */
  protected Duration timeout() {
    return Duration.ofSeconds(60);
  }

  /** How long the suite watches for records that should not come (duplicates, re-reads). */
  protected Duration quietPeriod() {
    return Duration.ofSeconds(2);
  }

  @AfterEach
  void closeHarnesses() {
    harnesses.forEach(ConnectorHarness::close);
    harnesses.clear();
  }

  // ---- spec ----------------------------------------------------------------------------------

  @Test
  @DisplayName("spec: identity, typed and described options, secrets declared")
  void specDeclaresTypedDescribedOptions() {
    Connector c = connector();
    assertTrue(c.id() != null && c.id().matches("[a-z][a-z0-9-]*"), "connector id must be lower-case kebab, was " + c.id());
    assertFalse(blank(c.version()), "version must be set");
    assertFalse(blank(c.description()), "description must be set");
    assertFalse(c.configDef().options().isEmpty(), "a connector declares its options");
    for (ConfigOption o : c.configDef().options()) {
      assertNotNull(o.type(), o.name() + ": type");
      assertFalse(blank(o.description()), "option " + o.name() + " has no description");
      if (SECRET_NAME.matcher(o.name()).matches()) {
        assertTrue(o.secret(), "option " + o.name() + " looks like a secret but is not declared secret");
      }
      if (o.required()) {
        assertEquals(null, o.defaultValue(), "required option " + o.name() + " also has a default");
      }
    }
  }

  @Test
  @DisplayName("spec: a route template named after the connector, parameters all declared")
  void routeTemplateMatchesTheConfigDef() {
    ConnectorHarness hub = harness();
    RouteTemplateDefinition template =
        ((ModelCamelContext) hub.context()).getRouteTemplateDefinition(connector().id());
    assertNotNull(template, "no route template with the connector's id '" + connector().id() + "'");
    Set<String> declared = connector().configDef().options().stream().map(ConfigOption::name).collect(Collectors.toSet());
    for (var p : template.getTemplateParameters()) {
      assertTrue(p.getName().equals("instance") || declared.contains(p.getName()),
          "template parameter " + p.getName() + " is not an option of the connector's ConfigDef");
    }
  }

  @Test
  @DisplayName("bad config: a wrong value is rejected naming option, value and expectation")
  void badConfigIsRejectedWithTheOptionNamed() {
    var def = connector().configDef();
    def.parse("conformance", validConfig()); // the valid configuration parses
    ConfigOption typed = def.options().stream()
        .filter(o -> switch (o.type()) { case INT, LONG, BOOLEAN, DURATION -> true; default -> false; })
        .findFirst().orElse(null);
    if (typed != null) {
      Map<String, Object> bad = new LinkedHashMap<>(validConfig());
      bad.put(typed.name(), "not-a-" + typed.type().name().toLowerCase());
      ConfigException e = assertThrows(ConfigException.class, () -> def.parse("conformance", bad));
      assertTrue(e.getMessage().contains(typed.name()) && e.getMessage().contains("not-a-"),
          "the message names the option and the bad value: " + e.getMessage());
    }
    def.options().stream().filter(ConfigOption::required).findFirst().ifPresent(required -> {
      Map<String, Object> missing = new LinkedHashMap<>(validConfig());
      missing.remove(required.name());
      ConfigException e = assertThrows(ConfigException.class, () -> def.parse("conformance", missing));
      assertTrue(e.getMessage().contains(required.name()), "the message names the missing option: " + e.getMessage());
    });
  }

  // ---- check ---------------------------------------------------------------------------------

  @Test
  @DisplayName("check: passes against the live source")
  void checkPassesWithAValidConfig() {
    CheckResult r = check(validConfig());
    assertTrue(r.ok(), "check failed: " + r.message());
  }

  @Test
  @DisplayName("check: bad credentials fail with a clear message, no stack trace, no secret")
  void checkFailsClearlyOnBadCredentials() {
    assertClearFailure(check(badCredentialsConfig()), badCredentialsConfig());
  }

  @Test
  @DisplayName("check: an unreachable host fails with a clear message")
  void checkFailsClearlyWhenUnreachable() {
    assertClearFailure(check(unreachableConfig()), unreachableConfig());
  }

  // ---- discover ------------------------------------------------------------------------------

  @Test
  @DisplayName("discover: streams with expected fields, covering what the source holds")
  void discoverDeclaresStreamsWithFields() {
    List<StreamSpec> streams = connector().streams();
    assertFalse(streams.isEmpty(), "a connector declares its streams");
    Set<String> names = new HashSet<>();
    for (StreamSpec s : streams) {
      assertTrue(names.add(s.name()), "stream " + s.name() + " declared twice");
      assertFalse(blank(s.description()), s.name() + ": description");
      assertFalse(s.fields().isEmpty(), s.name() + ": expected fields");
      for (FieldSpec f : s.fields()) {
        assertFalse(blank(f.path()) || blank(f.type()), s.name() + ": a field without path or type: " + f);
      }
      if (s.primaryKey() != null) {
        assertTrue(s.fields().stream().anyMatch(f -> f.path().equals(s.primaryKey())),
            s.name() + ": primary key " + s.primaryKey() + " is not among the fields");
      }
    }
    assertTrue(names.containsAll(source().contents().keySet()),
        "the source has streams the connector does not declare: " + source().contents().keySet() + " vs " + names);
  }

  // ---- reads ---------------------------------------------------------------------------------

  @Test
  @DisplayName("full read: every record once, well-formed")
  void fullReadReturnsEveryRecordOnce() throws InterruptedException {
    ConnectorHarness hub = harness();
    hub.addInstance("conformance-full", validConfig());
    Map<String, Set<String>> expected = source().contents();
    awaitAll(hub, expected, "a full read");
    Thread.sleep(quietPeriod().toMillis());
    for (String stream : expected.keySet()) {
      List<String> ids = hub.records(stream).stream().map(RawRecord::sourceId).toList();
      assertEquals(expected.get(stream), new HashSet<>(ids), stream + ": records read");
      assertEquals(ids.size(), new HashSet<>(ids).size(), stream + ": a record was read twice: " + duplicates(ids));
    }
    Set<String> declared = connector().streams().stream().map(StreamSpec::name).collect(Collectors.toSet());
    for (RawRecord r : hub.records()) {
      assertEquals(expectedSystem(), r.system(), "system of " + r);
      assertTrue(declared.contains(r.stream()), "undeclared stream " + r.stream());
      assertEquals("conformance-full", r.connectorInstance());
      assertNotNull(r.observedAt(), "observedAt of " + r.stream() + "/" + r.sourceId());
      assertTrue(r.payload() != null && r.payload().isObject(), "payload of " + r.stream() + "/" + r.sourceId());
    }
    assertEquals(List.of(), hub.quarantined(), "nothing to quarantine in a healthy source");
  }

  @Test
  @DisplayName("incremental read: a restart from the committed cursors returns exactly the changes")
  void incrementalReadResumesFromTheCommittedCursor() throws InterruptedException {
    ConnectorHarness hub = harness();
    hub.addInstance("conformance-incremental", validConfig());
    // the instance must be the same across the restart: cursors are kept per instance
    awaitAll(hub, source().contents(), "the first full read");
    Thread.sleep(quietPeriod().toMillis());
    Set<String> before = versions(hub.records());
    hub.commitAllReceived();
    harnesses.remove(hub);
    hub = hub.restart();
    harnesses.add(hub);

    Map<String, Set<String>> changed = source().change();
    assertFalse(changed.values().stream().allMatch(Set::isEmpty), "change() changed nothing");
    hub.addInstance("conformance-incremental", validConfig());
    awaitAll(hub, changed, "the changes after a restart");
    Thread.sleep(quietPeriod().toMillis());
    for (RawRecord r : hub.records()) {
      assertTrue(changed.getOrDefault(r.stream(), Set.of()).contains(r.sourceId()),
          r.stream() + "/" + r.sourceId() + " was read again after the restart but did not change");
    }
    List<String> after = hub.records().stream().map(ConnectorConformanceTest::version).toList();
    assertEquals(after.size(), new HashSet<>(after).size(), "a version was read twice: " + duplicates(after));
    Set<String> repeated = new HashSet<>(after);
    repeated.retainAll(before);
    assertEquals(Set.of(), repeated, "versions read before the restart were read again");
  }

  @Test
  @DisplayName("rate limits: 429s are waited out and every record still arrives")
  void rateLimitedRequestsAreRetried() throws InterruptedException {
    inject(() -> source().rateLimitNext(3, Duration.ofSeconds(1)));
    assertEveryRecordArrivesDespiteFaults("conformance-429");
  }

  @Test
  @DisplayName("server errors: 5xx are retried and every record still arrives")
  void serverErrorsAreRetried() throws InterruptedException {
    inject(() -> source().serverErrorsNext(2));
    assertEveryRecordArrivesDespiteFaults("conformance-500");
  }

  @Test
  @DisplayName("malformed payload: quarantined with its raw body and a reason, reading goes on")
  void malformedPayloadIsQuarantinedAndReadingGoesOn() {
    inject(() -> source().truncateNext(1));
    ConnectorHarness hub = harness();
    hub.addInstance("conformance-malformed", validConfig());
    ConnectorHarness.await(timeout(), () -> !hub.quarantined().isEmpty(), "the truncated payload in quarantine");
    var q = hub.quarantined().get(0);
    assertEquals(expectedSystem(), q.system(), "quarantined under the connector's system");
    assertFalse(blank(q.reason()), "a quarantined payload says why");
    assertFalse(blank(q.body()), "a quarantined payload keeps its raw body");
    awaitAll(hub, source().contents(), "every record after the malformed payload");
  }

  // ---- helpers -------------------------------------------------------------------------------

  private void assertEveryRecordArrivesDespiteFaults(String instance) throws InterruptedException {
    ConnectorHarness hub = harness();
    hub.addInstance(instance, validConfig());
    Map<String, Set<String>> expected = source().contents();
    awaitAll(hub, expected, "every record despite the injected faults");
    Thread.sleep(quietPeriod().toMillis());
    assertEquals(List.of(), hub.quarantined(), "a fault the connector retries is not quarantined");
    List<String> versions = hub.records().stream().map(ConnectorConformanceTest::version).toList();
    assertEquals(versions.size(), new HashSet<>(versions).size(), "a retry emitted a record twice: " + duplicates(versions));
  }

  private static void inject(Runnable fault) {
    try {
      fault.run();
    } catch (UnsupportedOperationException e) {
      Assumptions.abort(e.getMessage());
    }
  }

  /** The connector's id, unless it has a {@code system} option naming the source system. */
  private String expectedSystem() {
    Object configured = validConfig().get("system");
    if (configured != null) {
      return configured.toString();
    }
    return connector().configDef().option("system").map(o -> o.defaultValue()).map(Object::toString)
        .orElse(connector().id());
  }

  private ConnectorHarness harness() {
    ConnectorHarness h = new ConnectorHarness(connector());
    harnesses.add(h);
    return h;
  }

  private CheckResult check(Map<String, Object> config) {
    try {
      return connector().check(connector().configDef().parse("conformance", config));
    } catch (RuntimeException e) {
      return fail("check() must not throw; it threw " + e, e);
    }
  }

  private void awaitAll(ConnectorHarness hub, Map<String, Set<String>> expected, String what) {
    ConnectorHarness.await(timeout(), () -> missing(hub, expected).isEmpty(),
        () -> what + "; still missing " + summary(missing(hub, expected)) + ", quarantined " + hub.quarantined().size());
  }

  private static Map<String, Set<String>> missing(ConnectorHarness hub, Map<String, Set<String>> expected) {
    Map<String, Set<String>> missing = new HashMap<>();
    expected.forEach((stream, ids) -> {
      Set<String> m = new HashSet<>(ids);
      hub.records(stream).forEach(r -> m.remove(r.sourceId()));
      if (!m.isEmpty()) {
        missing.put(stream, m);
      }
    });
    return missing;
  }

  private static String summary(Map<String, Set<String>> byStream) {
    return byStream.entrySet().stream()
        .map(e -> e.getKey() + ": " + e.getValue().size() + " e.g. " + e.getValue().stream().limit(3).toList())
        .collect(Collectors.joining("; "));
  }

  private void assertClearFailure(CheckResult r, Map<String, Object> config) {
    assertFalse(r.ok(), "check passed against a bad configuration");
    String m = r.message();
    assertFalse(blank(m), "a failed check says why");
    assertFalse(STACK_FRAME.matcher(m).find(), "the message reads like a stack trace: " + m);
    assertTrue(m.length() < 500, "the message is a sentence, not a dump: " + m);
    for (ConfigOption o : connector().configDef().options()) {
      Object value = config.get(o.name());
      if (o.secret() && value != null && value.toString().length() >= 4) {
        assertFalse(m.contains(value.toString()), "the message shows the secret " + o.name());
      }
    }
  }

  private static Set<String> versions(List<RawRecord> records) {
    return records.stream().map(ConnectorConformanceTest::version).collect(Collectors.toSet());
  }

  private static String version(RawRecord r) {
    return r.stream() + "/" + r.sourceId() + "@" + r.cursor();
  }

  private static List<String> duplicates(List<String> values) {
    Set<String> seen = new HashSet<>();
    return values.stream().filter(v -> !seen.add(v)).limit(5).toList();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
