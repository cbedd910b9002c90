package io.cxhub.app.client;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/**
 * Where the hub is and how to authenticate, for commands that talk to a running hub. Each option
 * falls back on the environment the hub itself reads, so one shell setup serves both.
 */
public final class HubConnection {

  @Option(names = "--url", paramLabel = "URL",
      description = "the hub's address (default: env CXHUB_URL, else localhost on port CXHUB_HTTP_PORT or 8080)")
  String url;

  // never shown: not in help, not in errors; prefer the environment, which other users cannot see in ps
  @Option(names = "--token", paramLabel = "TOKEN", showDefaultValue = Visibility.NEVER,
      description = "API bearer token (env CXHUB_ADMIN_TOKEN; prefer the environment)")
  String token;

  /** A client for the hub these options name. */
  public HubClient client() {
    return new HubClient(baseUri(), token());
  }

  /** The flag, else CXHUB_URL, else localhost on CXHUB_HTTP_PORT or 8080; a trailing /api is dropped. */
  URI baseUri() {
    String text = url;
    if (isBlank(text)) {
      text = System.getenv("CXHUB_URL");
    }
    if (isBlank(text)) {
      String port = System.getenv("CXHUB_HTTP_PORT");
      text = "http://localhost:" + (isBlank(port) ? "8080" : port.trim());
    }
    return parse(text.trim());
  }

  /** The flag, else CXHUB_ADMIN_TOKEN; blank means none. */
  String token() {
    String t = token != null ? token : System.getenv("CXHUB_ADMIN_TOKEN");
    return isBlank(t) ? null : t.trim();
  }

  static URI parse(String text) {
    // the demo prints the API as http://host:port/api: accept that too
    String base = text.replaceFirst("/+$", "").replaceFirst("/api$", "");
    URI uri;
    try {
      uri = new URI(base + "/");
    } catch (URISyntaxException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getQuery() != null || uri.getFragment() != null) {
      throw new HubCallException("--url '" + text + "': expected the hub's address, such as http://localhost:8080",
          HubCallException.NOT_DELIVERED);
    }
    return uri;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
