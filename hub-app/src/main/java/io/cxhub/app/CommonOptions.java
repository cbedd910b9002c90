package io.cxhub.app;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import picocli.CommandLine.Option;

/** Options shared by the commands that start a hub; each can also be set in the environment. */
final class CommonOptions {

  @Option(names = "--port", description = "HTTP port of the API (env CXHUB_HTTP_PORT, default 8080)")
  Integer port;

  @Option(names = "--data-dir", description = "where the embedded PostgreSQL keeps its data (env CXHUB_DATA_DIR, default ./data)")
  Path dataDir;

  /** The flag, else CXHUB_HTTP_PORT, else null (hub.yaml or the default decides). */
  Integer port() {
    if (port != null) {
      return port;
    }
    String env = System.getenv("CXHUB_HTTP_PORT");
    try {
      return env == null || env.isBlank() ? null : Integer.valueOf(env.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("CXHUB_HTTP_PORT=" + env + ": expected a port number");
    }
  }

  /** The flag, else CXHUB_DATA_DIR, else null. */
  Path dataDir() {
    if (dataDir != null) {
      return dataDir.toAbsolutePath();
    }
    String env = System.getenv("CXHUB_DATA_DIR");
    return env == null || env.isBlank() ? null : Path.of(env).toAbsolutePath();
  }

  /** CXHUB_ADMIN_TOKEN, or a fresh random one that the caller must show once. */
  static Token adminToken() {
    String env = System.getenv("CXHUB_ADMIN_TOKEN");
    if (env != null && !env.isBlank()) {
      return new Token(env.trim(), false);
    }
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return new Token("cx_" + HexFormat.of().formatHex(bytes), true);
  }

  record Token(String value, boolean generated) {}
}
