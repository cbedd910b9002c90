package io.cxhub.connector.billing;

import io.cxhub.spi.connector.Connector;
import io.cxhub.spi.connector.CursorStore;
import io.cxhub.spi.connector.HubEndpoints;
import io.cxhub.spi.record.RawRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A plain Camel context standing in for the hub: an in-memory cursor store, and ingest and
 * quarantine endpoints that collect what the connector sends.
 */
final class TemplateHarness implements AutoCloseable {

  final DefaultCamelContext context = new DefaultCamelContext();
  final List<RawRecord> records = new CopyOnWriteArrayList<>();
  final List<Exchange> quarantined = new CopyOnWriteArrayList<>();
  final Map<String, String> committed = new ConcurrentHashMap<>();

  TemplateHarness() throws Exception {
    this(new BillingJdbcConnector());
  }

  TemplateHarness(Connector connector) throws Exception {
    CursorStore store = (instance, stream) -> Optional.ofNullable(committed.get(instance + "/" + stream));
    context.getRegistry().bind(HubEndpoints.CURSOR_STORE_BEAN, CursorStore.class, store);
    context.addRoutes(new RouteBuilder() {
      @Override
      public void configure() {
        from(HubEndpoints.INGEST).process(e -> {
          Object body = e.getMessage().getBody();
          if (body instanceof List<?> list) {
            list.forEach(r -> records.add((RawRecord) r));
          } else {
            records.add((RawRecord) body);
          }
        });
        from(HubEndpoints.QUARANTINE).process(e -> quarantined.add(e.copy()));
      }
    });
    context.addRoutes(connector.routes());
    context.start();
  }

  /** Instantiates the template; polls every second unless the parameters say otherwise. */
  String addInstance(String instance, Map<String, Object> parameters) {
    Map<String, Object> p = new HashMap<>(parameters);
    p.putIfAbsent("schedule", "* * * * * ?");
    p.put("instance", instance);
    return TemplatedRouteBuilder.builder(context, BillingJdbcConnector.ID).routeId(instance).parameters(p).add();
  }

  List<RawRecord> of(String stream) {
    List<RawRecord> out = new ArrayList<>();
    for (RawRecord r : records) {
      if (r.stream().equals(stream)) {
        out.add(r);
      }
    }
    return out;
  }

  static void await(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + "s waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  @Override
  public void close() {
    context.stop();
  }
}
