package io.cxhub.runtime;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the command line (or the demo) decides over {@code hub.yaml}; null means "not given".
 *
 * @param httpPort API port
 * @param dataDir data directory
 * @param adminToken bearer token with the admin role (required)
 * @param jdbcUrl a PostgreSQL the caller already runs (the demo's), instead of hub.yaml's store
 * @param variables values for {@code ${env:NAME}} placeholders, taking precedence over the environment
 */
public record HubOverrides(Integer httpPort, Path dataDir, String adminToken, String jdbcUrl, Map<String, String> variables) {}
