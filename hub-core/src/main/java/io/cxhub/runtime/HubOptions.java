package io.cxhub.runtime;

import java.nio.file.Path;

/**
 * How a hub is started, after command line, environment and {@code hub.yaml} were combined.
 *
 * @param configDir the configuration tree (hub.yaml, routes/, mappings/, traits/, taxonomy/, plugins/)
 * @param dataDir where the embedded PostgreSQL keeps its data
 * @param httpPort port of the REST API (0: a free one)
 * @param adminToken bearer token with the admin role
 * @param jdbcUrl external PostgreSQL, or null for the embedded one
 * @param dbUser user for the external PostgreSQL
 * @param dbPassword password for the external PostgreSQL
 * @param poolSize maximum JDBC connections
 * @param pipeline tuning of the data path
 * @param drift schema drift detection and notifications
 * @param identity when records and profiles are one customer: merge rules and shared values to ignore
 * @param variables values for {@code ${env:NAME}} placeholders that take precedence over the environment
 *     (the demo uses them to hand its simulators' addresses to the routes)
 * @param defaultPhoneRegion ISO-3166 region of phone numbers written without a country code, for the
 *     mappings' {@code phone} transforms that name no region of their own
 */
public record HubOptions(Path configDir, Path dataDir, int httpPort, String adminToken, String jdbcUrl, String dbUser,
    String dbPassword, int poolSize, PipelineSettings pipeline, DriftOptions drift,
    io.cxhub.identity.IdentityRules identity, java.util.Map<String, String> variables, String defaultPhoneRegion) {

  public HubOptions {
    variables = java.util.Map.copyOf(variables);
  }

  public Path pluginsDir() {
    return configDir.resolve("plugins");
  }

  public Path routesDir() {
    return configDir.resolve("routes");
  }

  public Path mappingsDir() {
    return configDir.resolve("mappings");
  }

  public Path traitsDir() {
    return configDir.resolve("traits");
  }

  public Path usecasesDir() {
    return configDir.resolve("usecases");
  }

  public Path taxonomyDir() {
    return configDir.resolve("taxonomy");
  }

  @Override
  public String toString() { // never print secrets
    return "HubOptions[config=" + configDir + ", data=" + dataDir + ", port=" + httpPort + ", store="
        + (jdbcUrl == null ? "embedded" : jdbcUrl) + "]";
  }
}
