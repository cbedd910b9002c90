package io.cxhub.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.runtime.Hub;
import io.cxhub.runtime.HubOptions;
import io.cxhub.runtime.HubOverrides;
import io.cxhub.runtime.HubYaml;
import io.cxhub.testkit.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A hub over a throw-away configuration tree built from the repository's own taxonomy, mappings and
 * routes, with the billing connector's built jar dropped into plugins/ as an outsider's would be.
 */
final class HubFixture implements AutoCloseable {

  static final String TOKEN = "test-admin-token-0123456789";
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  final Path configDir;
  final String hubDbUrl;
  final Map<String, String> variables;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  Hub hub;

  HubFixture(Map<String, String> variables) throws IOException {
    this.configDir = Files.createTempDirectory("cxhub-config-");
    this.hubDbUrl = TestPostgres.newDatabase("hub");
    this.variables = variables;
    copyTree(REPO.resolve("taxonomy"), configDir.resolve("taxonomy"));
    copyTree(REPO.resolve("mappings"), configDir.resolve("mappings"));
    Files.createDirectories(configDir.resolve("routes"));
    Files.createDirectories(configDir.resolve("plugins"));
    Files.copy(billingConnectorJar(), configDir.resolve("plugins").resolve("connector-billing-jdbc.jar"));
  }

  static Path billingConnectorJar() throws IOException {
    return connectorJar("connector-billing-jdbc");
  }

  /** The built jar of the connector module {@code connectors/<module>}, as the reactor left it in its target/. */
  static Path connectorJar(String module) throws IOException {
    Path target = REPO.resolve("connectors/" + module + "/target");
    if (!Files.isDirectory(target)) {
      throw new IllegalStateException("build " + module + " first (mvn -pl connectors/" + module + ",hub-app -am verify): no "
          + target);
    }
    try (Stream<Path> s = Files.list(target)) {
      return s.filter(p -> p.getFileName().toString().matches(module + "-[0-9.]+(-SNAPSHOT)?\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException("build " + module + " first: no jar in " + target));
    }
  }

  /** Drops the built jar of connector module {@code module} into plugins/, as an outsider would. */
  void plugin(String module) throws IOException {
    Files.copy(connectorJar(module), configDir.resolve("plugins").resolve(module + ".jar"));
  }

  /** Writes a routes file into the tree. */
  void route(String name, String yaml) throws IOException {
    Files.writeString(configDir.resolve("routes").resolve(name), yaml);
  }

  Hub start() {
    return start(java.time.Clock.systemUTC());
  }

  /** Starts the hub with its computed traits evaluated at {@code traitClock}. */
  Hub start(java.time.Clock traitClock) {
    HubOptions options = HubYaml.load(configDir, new HubOverrides(0, configDir.resolve("data"), TOKEN, hubDbUrl, variables));
    hub = Hub.start(options, traitClock);
    return hub;
  }

  void stop() {
    if (hub != null) {
      hub.close();
      hub = null;
    }
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN).GET().build());
  }

  HttpResponse<String> post(String path, String body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + hub.httpPort() + path);
  }

  JsonNode json(HttpResponse<String> response) {
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
      }
      Thread.sleep(100);
    }
  }

  @Override
  public void close() {
    stop();
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
