package io.cxhub.spi.connector;

import io.cxhub.spi.config.ConfigDef;
import io.cxhub.spi.config.ConnectorConfig;
import java.util.List;
import org.apache.camel.RoutesBuilder;

/**
 * A source connector: declares what it offers and contributes a Camel route template that pulls
 * the data and hands {@link io.cxhub.spi.record.RawRecord}s to {@link HubEndpoints#INGEST}.
 *
 * <p>Rules a connector follows:
 * <ul>
 *   <li>It owns no threads and no scheduling: its template starts from a {@code quartz:} endpoint
 *       whose schedule is a template parameter, so the hub (and camel-quartz clustering) decides
 *       where and when it runs.</li>
 *   <li>Its route template id equals {@link #id()}; every parameter of the template is an option
 *       of {@link #configDef()}, and the hub validates instances against it before any route
 *       starts. The template parameter {@code instance} is always supplied by the hub.</li>
 *   <li>Incremental position: it reads the last committed cursor from the {@link CursorStore}
 *       bean at start and keeps its own position in memory afterwards; the hub commits a cursor
 *       only once every record before it was stored, so a restart neither skips nor re-reads.</li>
 *   <li>A payload it cannot parse is handed to the hub as {@link HubEndpoints#QUARANTINE}, never
 *       thrown out of the route, so one bad record never stops the connector.</li>
 * </ul>
 * Implementations must be stateless and thread-safe; per-instance state lives in template beans.
 */
public interface Connector {

  /** Stable id, also the route template id and the default {@code system} of its records. */
  String id();

  String version();

  String description();

  ConfigDef configDef();

  /** The streams this connector can read, with the schema each is expected to have. */
  List<StreamSpec> streams();

  /**
   * Classpath resources (inside the plugin jar) holding default mappings, e.g.
   * {@code mappings/billing/customers.yaml}; the hub copies them under {@code mappings/} when the
   * admin's tree has none for that stream.
   */
  default List<String> defaultMappings() {
    return List.of();
  }

  /** The route template(s) of this connector. Called once per hub start. */
  RoutesBuilder routes();

  /**
   * Checks a configuration against the live system (credentials, reachability) without reading
   * data. Must not throw: problems are returned as a failed result with a clear message.
   */
  default CheckResult check(ConnectorConfig config) {
    return CheckResult.passed();
  }
}
