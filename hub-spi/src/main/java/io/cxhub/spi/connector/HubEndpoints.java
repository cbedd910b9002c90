package io.cxhub.spi.connector;

/** Camel endpoints the hub offers to plugin routes. Independent of the bus transport in use. */
public final class HubEndpoints {

  /**
   * Hands records to the hub. Body: a {@link io.cxhub.spi.record.RawRecord} or a
   * {@code List<RawRecord>}. Blocks when the hub's bounded queue is full (backpressure).
   */
  public static final String INGEST = "direct:cxhub-ingest";

  /**
   * Stores a payload that could not be parsed. Body: the raw text or bytes; headers
   * {@link #SYSTEM}, {@link #STREAM} and {@link #REASON} (and optionally {@link #CONNECTOR_INSTANCE}).
   */
  public static final String QUARANTINE = "direct:cxhub-quarantine";

  public static final String SYSTEM = "CxhubSystem";
  public static final String STREAM = "CxhubStream";
  public static final String REASON = "CxhubReason";
  public static final String CONNECTOR_INSTANCE = "CxhubConnectorInstance";

  /** Name of the {@link CursorStore} bean in the Camel registry. */
  public static final String CURSOR_STORE_BEAN = "cxhubCursors";

  private HubEndpoints() {}
}
