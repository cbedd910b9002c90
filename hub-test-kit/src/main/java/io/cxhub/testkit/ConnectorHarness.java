package io.cxhub.testkit;

import io.cxhub.runtime.Hub;
import io.cxhub.spi.connector.Connector;
import io.cxhub.spi.connector.CursorStore;
import io.cxhub.spi.connector.HubEndpoints;
import io.cxhub.spi.record.RawRecord;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.main.Main;

/**
 * A small Camel runtime standing in for the hub, to run one connector's route template in a test:
 * the hub's endpoints ({@link HubEndpoints#INGEST} and {@link HubEndpoints#QUARANTINE}) collect what
 * the connector hands over, an in-memory {@link CursorStore} holds the cursors a test commits, and
 * an HTTP server (platform-http, on a free port) serves the webhooks a connector may expose.
 */
public final class ConnectorHarness implements AutoCloseable {

  /** A payload the connector sent to quarantine. */
  public record Quarantined(String system, String stream, String connectorInstance, String reason, String body) {}

  private final Connector connector;
  private final Main main = new Main();
  private final int httpPort;
  private final List<RawRecord> records = new CopyOnWriteArrayList<>();
  private final List<Quarantined> quarantined = new CopyOnWriteArrayList<>();
  private final Map<String, String> committed;

  public ConnectorHarness(Connector connector) {
    this(connector, new ConcurrentHashMap<>());
  }

  private ConnectorHarness(Connector connector, Map<String, String> committed) {
    this.connector = connector;
    this.committed = committed;
    this.httpPort = freePort();
    CursorStore store = (instance, stream) -> Optional.ofNullable(committed.get(key(instance, stream)));
    main.configure().withName("cxhub-test-" + connector.id()).withDurationMaxMessages(0);
    main.configure().httpServer().withEnabled(true).withPort(httpPort).withHost("127.0.0.1");
    main.bind(HubEndpoints.CURSOR_STORE_BEAN, store);
    Hub.configureSharedComponents(main);
    main.configure().addRoutesBuilder(new RouteBuilder() {
      @Override
      public void configure() {
        from(HubEndpoints.INGEST).routeId("cxhub-test-ingest").process(e -> {
          Object body = e.getMessage().getBody();
          if (body instanceof List<?> list) {
            list.forEach(r -> records.add((RawRecord) r));
          } else {
            records.add(e.getMessage().getMandatoryBody(RawRecord.class));
          }
        });
        from(HubEndpoints.QUARANTINE).routeId("cxhub-test-quarantine").process(e -> {
          var m = e.getMessage();
          quarantined.add(new Quarantined(m.getHeader(HubEndpoints.SYSTEM, String.class),
              m.getHeader(HubEndpoints.STREAM, String.class), m.getHeader(HubEndpoints.CONNECTOR_INSTANCE, String.class),
              m.getHeader(HubEndpoints.REASON, String.class), m.getBody(String.class)));
        });
      }
    });
    main.configure().addRoutesBuilder(connector.routes());
    try {
      main.start();
    } catch (Exception e) {
      throw new IllegalStateException("the harness for connector " + connector.id() + " did not start: " + e.getMessage(), e);
    }
  }

  public CamelContext context() {
    return main.getCamelContext();
  }

  /** Port of the HTTP server that serves the connector's webhook endpoints. */
  public int httpPort() {
    return httpPort;
  }

  /**
   * Adds an instance of the connector's template, as the hub does for a {@code templatedRoute} in
   * {@code routes/*.yaml}; the instance id is also the route id. Returns the route id.
   */
  public String addInstance(String instance, Map<String, ?> parameters) {
    Map<String, Object> p = new LinkedHashMap<>(parameters);
    p.put("instance", instance);
    try {
      return TemplatedRouteBuilder.builder(context(), connector.id()).routeId(instance).parameters(p).add();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Stops this runtime and starts a new one for the same connector that keeps only the committed
   * cursors, as a hub restart does. Instances must be added again.
   */
  public ConnectorHarness restart() {
    close();
    return new ConnectorHarness(connector, committed);
  }

  /** Every record handed to the hub so far, in arrival order. */
  public List<RawRecord> records() {
    return List.copyOf(records);
  }

  public List<RawRecord> records(String stream) {
    List<RawRecord> out = new ArrayList<>();
    for (RawRecord r : records) {
      if (r.stream().equals(stream)) {
        out.add(r);
      }
    }
    return out;
  }

  public List<Quarantined> quarantined() {
    return List.copyOf(quarantined);
  }

  /** Commits a cursor, as the hub does once every record before it was stored. */
  public void commit(String instance, String stream, String cursor) {
    committed.put(key(instance, stream), cursor);
  }

  /** Commits, per stream, the cursor of the last record received: everything received was stored. */
  public Map<String, String> commitAllReceived() {
    Map<String, String> last = new HashMap<>();
    for (RawRecord r : records) {
      if (r.cursor() != null) {
        committed.put(key(r.connectorInstance(), r.stream()), r.cursor());
        last.put(r.connectorInstance() + "/" + r.stream(), r.cursor());
      }
    }
    return last;
  }

  public Optional<String> committed(String instance, String stream) {
    return Optional.ofNullable(committed.get(key(instance, stream)));
  }

  /** Waits until {@code condition} holds, failing with {@code what} after {@code timeout}. */
  public static void await(Duration timeout, BooleanSupplier condition, String what) {
    await(timeout, condition, () -> what);
  }

  /** Like {@link #await(Duration, BooleanSupplier, String)}, describing what is awaited when it times out. */
  public static void await(Duration timeout, BooleanSupplier condition, Supplier<String> what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + "s waiting for " + what.get());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what.get());
      }
    }
  }

  @Override
  public void close() {
    main.stop();
  }

  private static String key(String instance, String stream) {
    return instance + "/" + stream;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port for the harness's HTTP server", e);
    }
  }
}
