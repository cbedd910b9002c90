package io.cxhub.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.config.ConfigProblemsException;
import io.cxhub.config.Problem;
import io.cxhub.config.SchemaValidator;
import io.cxhub.config.SecretResolver;
import io.cxhub.config.YamlDocument;
import io.cxhub.config.YamlLoader;
import io.cxhub.drift.Cadence;
import io.cxhub.identity.IdentityRules;
import io.cxhub.mapping.MappingLoader;
import io.cxhub.drift.Severity;
import io.cxhub.notify.NotifySettings;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads {@code hub.yaml} (checked against {@code schema/hub.schema.json}, so a typo is an error with
 * its line) and combines it with what the command line decided. A missing file means all defaults.
 */
public final class HubYaml {

  private static final SchemaValidator SCHEMA = SchemaValidator.forClasspathSchema("schema/hub.schema.json");

  private HubYaml() {}

  /** @throws ConfigProblemsException with file:line for every problem of hub.yaml */
  public static HubOptions load(Path configDir, HubOverrides overrides) {
    Path file = configDir.resolve("hub.yaml");
    JsonNode root = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    IdentityRules identity = IdentityRules.permissive();
    String phoneRegion = MappingLoader.DEFAULT_PHONE_REGION;
    if (Files.exists(file)) {
      YamlDocument doc = YamlLoader.load(file);
      List<Problem> problems = SCHEMA.validate(doc);
      if (!problems.isEmpty()) {
        throw new ConfigProblemsException(problems);
      }
      root = doc.root();
      List<Problem> identityProblems = new java.util.ArrayList<>();
      phoneRegion = phoneRegion(doc, identityProblems);
      try {
        identity = IdentityRulesYaml.read(doc);
      } catch (ConfigProblemsException e) {
        identityProblems.addAll(e.problems());
      }
      if (!identityProblems.isEmpty()) {
        throw new ConfigProblemsException(identityProblems);
      }
    }
    SecretResolver secrets = placeholders(overrides);
    PipelineSettings defaults = PipelineSettings.defaults();
    JsonNode p = root.path("pipeline");
    PipelineSettings pipeline = new PipelineSettings(
        p.path("queueSize").asInt(defaults.queueSize()),
        p.path("batchSize").asInt(defaults.batchSize()),
        p.path("batchTimeoutMillis").asLong(defaults.batchTimeoutMillis()),
        p.path("mapConsumers").asInt(defaults.mapConsumers()),
        p.path("storeConsumers").asInt(defaults.storeConsumers()));
    JsonNode store = root.path("store");
    String jdbcUrl = overrides.jdbcUrl() != null ? overrides.jdbcUrl() : text(store, "jdbcUrl", secrets);
    boolean ownStore = overrides.jdbcUrl() == null;
    int port = overrides.httpPort() != null ? overrides.httpPort() : root.path("http").path("port").asInt(8080);
    Path dataDir = overrides.dataDir() != null ? overrides.dataDir() : configDir.resolve("data");
    return new HubOptions(configDir, dataDir, port, overrides.adminToken(), jdbcUrl,
        ownStore ? text(store, "username", secrets) : null, ownStore ? text(store, "password", secrets) : null,
        store.path("poolSize").asInt(10), pipeline, drift(root.path("drift"), secrets), identity,
        overrides.variables(), phoneRegion);
  }

  /** {@code identity.defaultPhoneRegion}: a region libphonenumber knows, else a problem on its line. */
  private static String phoneRegion(YamlDocument doc, List<Problem> problems) {
    JsonNode region = doc.root().path("identity").path("defaultPhoneRegion");
    if (region.isMissingNode()) {
      return MappingLoader.DEFAULT_PHONE_REGION;
    }
    if (!MappingLoader.isKnownPhoneRegion(region.asText())) {
      problems.add(doc.problem("/identity/defaultPhoneRegion", "unknown phone region '" + region.asText()
          + "': expected an ISO-3166 alpha-2 region libphonenumber knows, such as US, GB or DE"));
    }
    return region.asText();
  }

  /**
   * The identity rules of a hub.yaml-shaped text, e.g. a candidate for {@code cxhub identity simulate}.
   *
   * @throws ConfigProblemsException with file:line for every problem
   */
  public static IdentityRules identityRules(Path file, String text) {
    YamlDocument doc = YamlLoader.parse(file, text);
    List<Problem> problems = SCHEMA.validate(doc);
    if (!problems.isEmpty()) {
      throw new ConfigProblemsException(problems);
    }
    return IdentityRulesYaml.read(doc);
  }

  private static DriftOptions drift(JsonNode d, SecretResolver secrets) {
    DriftOptions defaults = DriftOptions.defaults();
    NotifySettings none = NotifySettings.none();
    JsonNode n = d.path("notify");
    NotifySettings notify = new NotifySettings(text(n, "webhookUrl", secrets),
        n.has("minSeverity") ? Severity.valueOf(n.get("minSeverity").asText()) : none.minSeverity(),
        text(n.path("kafka"), "bootstrapServers", secrets), n.path("kafka").path("topic").asText(none.kafkaTopic()),
        n.has("digestSeconds") ? Duration.ofSeconds(n.get("digestSeconds").asLong()) : none.digestInterval());
    return new DriftOptions(d.path("learnRecords").asInt(defaults.learnRecords()),
        d.path("windowRecords").asInt(defaults.windowRecords()),
        d.has("windowSeconds") ? Duration.ofSeconds(d.get("windowSeconds").asLong()) : defaults.windowTime(),
        d.has("checkSeconds") ? Duration.ofSeconds(d.get("checkSeconds").asLong()) : defaults.checkInterval(),
        d.has("policy") ? DriftPolicy.parse(d.get("policy").asText()) : defaults.policy(), cadence(d.path("cadence")),
        notify);
  }

  private static Cadence.Settings cadence(JsonNode c) {
    Cadence.Settings d = Cadence.Settings.defaults();
    return new Cadence.Settings(d.burstGap(), d.gapHistory(), d.minGaps(), c.path("silenceFactor").asDouble(d.silenceFactor()),
        c.has("minSilenceSeconds") ? Duration.ofSeconds(c.get("minSilenceSeconds").asLong()) : d.minSilence(),
        c.has("volumeIntervalSeconds") ? Duration.ofSeconds(c.get("volumeIntervalSeconds").asLong()) : d.interval(),
        d.intervalHistory(), d.minIntervals(), c.path("dropRatio").asDouble(d.dropRatio()), d.minVolume());
  }

  /** Resolves {@code ${env:NAME}} from the overrides' variables first, then the environment; {@code ${file:…}} as usual. */
  public static SecretResolver placeholders(HubOverrides overrides) {
    return new SecretResolver(name -> overrides.variables().getOrDefault(name, System.getenv(name)));
  }

  private static String text(JsonNode node, String field, SecretResolver secrets) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : secrets.resolve(v.asText());
  }
}
