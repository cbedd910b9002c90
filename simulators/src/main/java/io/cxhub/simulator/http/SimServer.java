package io.cxhub.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP stand-in for a SaaS API, on loopback: routes with {@code {name}} path segments, the
 * API's own error body for injected faults ({@link Faults}), and switches that change the payload
 * format at run time (for drift tests). Control endpoints, never faulted:
 * <ul>
 *   <li>{@code GET /_sim} — the simulator's name, faults and format changes;</li>
 *   <li>{@code POST /_sim/faults} — body as {@link Faults#apply};</li>
 *   <li>{@code POST /_sim/format} — {@code {"change":"name","on":true}}.</li>
 * </ul>
 */
public final class SimServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SimServer.class);

  /** Answers one request. */
  @FunctionalInterface
  public interface Handler {
    SimResponse handle(SimRequest request) throws Exception;
  }

  /** Renders an error the way the real API does, e.g. Stripe's {@code {"error":{...}}}. */
  @FunctionalInterface
  public interface ErrorBody {
    SimResponse render(int status, String message);
  }

  private record Route(String method, List<String> pattern, boolean faultable, Handler handler) {}

  private final String name;
  private final HttpServer server;
  private final ExecutorService workers;
  private final List<Route> routes = new CopyOnWriteArrayList<>();
  private final Faults faults = new Faults();
  private final Map<String, String> formatChanges = new ConcurrentHashMap<>();
  private final Set<String> formatOn = ConcurrentHashMap.newKeySet();
  private final AtomicLong requests = new AtomicLong();
  private volatile ErrorBody errors = (status, message) -> SimResponse.json(status, Map.of("error", message));

  private SimServer(String name, HttpServer server) {
    this.name = name;
    this.server = server;
    this.workers = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "sim-" + name);
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(workers);
    server.createContext("/", this::serve);
  }

  /** Binds to 127.0.0.1 on {@code port} (0 for a free one) and starts serving. */
  public static SimServer start(String name, int port) {
    try {
      SimServer s = new SimServer(name, HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64));
      s.server.start();
      log.info("{} simulator listening on {}", name, s.baseUri());
      return s;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the " + name + " simulator on port " + port + ": " + e.getMessage(), e);
    }
  }

  /** An API route, subject to injected faults. */
  public SimServer route(String method, String pathPattern, Handler handler) {
    routes.add(new Route(method, SimRequest.segments(pathPattern), true, handler));
    return this;
  }

  /** A route never faulted (e.g. the OAuth token endpoint, when a test wants faults only on data). */
  public SimServer steadyRoute(String method, String pathPattern, Handler handler) {
    routes.add(new Route(method, SimRequest.segments(pathPattern), false, handler));
    return this;
  }

  public SimServer errorBody(ErrorBody body) {
    this.errors = body;
    return this;
  }

  /** Declares a payload format change the simulator can switch on. */
  public SimServer formatChange(String change, String description) {
    formatChanges.put(change, description);
    return this;
  }

  public void setFormat(String change, boolean on) {
    if (!formatChanges.containsKey(change)) {
      throw new IllegalArgumentException(name + " simulator has no format change '" + change + "'; it has "
          + formatChanges.keySet());
    }
    if (on) {
      formatOn.add(change);
    } else {
      formatOn.remove(change);
    }
  }

  public boolean formatOn(String change) {
    return formatOn.contains(change);
  }

  public Faults faults() {
    return faults;
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Requests answered so far, faults included. */
  public long requests() {
    return requests.get();
  }

  /** An error in the API's own shape. */
  public SimResponse error(int status, String message) {
    return errors.render(status, message);
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      SimRequest request = read(exchange);
      write(exchange, answer(request));
    } catch (RuntimeException e) {
      log.warn("{} simulator failed on {} {}", name, exchange.getRequestMethod(), exchange.getRequestURI(), e);
    }
  }

  private SimResponse answer(SimRequest request) {
    try {
      if (request.path().startsWith("/_sim")) {
        return control(request);
      }
      for (Route r : routes) {
        Map<String, String> params = match(r, request);
        if (params != null) {
          SimRequest matched = new SimRequest(request.method(), request.path(), params, request.query(),
              request.headers(), request.body());
          return r.faultable() ? faulted(r, matched) : r.handler().handle(matched);
        }
      }
      return errors.render(404, "no route for " + request.method() + " " + request.path());
    } catch (SimRequest.BadRequest e) {
      return errors.render(400, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return errors.render(503, "simulator stopping");
    } catch (Exception e) {
      log.warn("{} simulator handler failed on {} {}", name, request.method(), request.path(), e);
      return errors.render(500, "simulator error: " + e.getMessage());
    }
  }

  private SimResponse faulted(Route route, SimRequest request) throws Exception {
    faults.delay();
    long retryAfter = faults.takeRateLimit();
    if (retryAfter >= 0) {
      return errors.render(429, "rate limit exceeded")
          .withHeader("Retry-After", String.valueOf((long) Math.ceil(retryAfter / 1000.0)));
    }
    if (faults.takeServerError()) {
      return errors.render(500, "internal server error");
    }
    SimResponse response = route.handler().handle(request);
    if (response.status() < 300 && response.body().length > 1 && faults.takeTruncation()) {
      return new SimResponse(response.status(), response.headers(), response.contentType(),
          Arrays.copyOf(response.body(), response.body().length / 2));
    }
    return response;
  }

  private SimResponse control(SimRequest request) {
    if (request.method().equals("POST") && request.path().equals("/_sim/faults")) {
      faults.apply(request.json());
    } else if (request.method().equals("POST") && request.path().equals("/_sim/format")) {
      var spec = request.json();
      try {
        setFormat(spec.path("change").asText(), spec.path("on").asBoolean(true));
      } catch (IllegalArgumentException e) {
        throw new SimRequest.BadRequest(e.getMessage());
      }
    } else if (!request.method().equals("GET")) {
      return SimResponse.json(404, Map.of("error", "unknown control endpoint " + request.path()));
    }
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("simulator", name);
    state.put("requests", requests.get());
    state.put("faults", faults.describe());
    Map<String, Object> formats = new LinkedHashMap<>();
    formatChanges.forEach((k, v) -> formats.put(k, Map.of("description", v, "on", formatOn.contains(k))));
    state.put("formatChanges", formats);
    return SimResponse.json(200, state);
  }

  private static Map<String, String> match(Route route, SimRequest request) {
    if (!route.method().equals(request.method())) {
      return null;
    }
    List<String> actual = SimRequest.segments(request.path());
    if (actual.size() != route.pattern().size()) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < actual.size(); i++) {
      String p = route.pattern().get(i);
      if (p.startsWith("{") && p.endsWith("}")) {
        params.put(p.substring(1, p.length() - 1), actual.get(i));
      } else if (!p.equals(actual.get(i))) {
        return null;
      }
    }
    return params;
  }

  private static SimRequest read(HttpExchange exchange) {
    URI uri = exchange.getRequestURI();
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.isEmpty() ? "" : v.get(0)));
    return new SimRequest(exchange.getRequestMethod(), uri.getPath(), Map.of(), SimRequest.parseQuery(uri.getRawQuery()),
        headers, SimRequest.readAll(exchange.getRequestBody()));
  }

  private static void write(HttpExchange exchange, SimResponse response) throws IOException {
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    if (response.contentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
    }
    byte[] body = response.body();
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
