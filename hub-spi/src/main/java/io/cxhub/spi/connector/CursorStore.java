package io.cxhub.spi.connector;

import java.util.Optional;

/**
 * Where the hub keeps incremental positions, available to routes as the bean named
 * {@link HubEndpoints#CURSOR_STORE_BEAN}. Thread-safe.
 */
public interface CursorStore {

  /**
   * The last cursor committed for this instance and stream: every record up to and including it
   * has been stored (or quarantined). Empty when the stream was never read.
   */
  Optional<String> committed(String connectorInstance, String stream);
}
