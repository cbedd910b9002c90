package io.cxhub.connector.genesys;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one HTTP request and returns the whole answer, whatever its status. Polls go through
 * camel-http ({@link CamelHttpTransport}); {@code check()}, which runs outside Camel, through the
 * JDK client ({@link JdkHttpTransport}).
 */
interface HttpTransport {

  /** @throws IOException when no answer came (connection refused, timeout, reset) */
  Response send(String method, String url, Map<String, String> headers, String body) throws IOException;

  /**
   * @param status HTTP status
   * @param body the body as text (empty when none)
   * @param retryAfter the Retry-After header, if any
   */
  record Response(int status, String body, Optional<String> retryAfter) {}
}
