package io.cxhub.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code cxhub demo} as shipped: the repository's own configuration tree (hub.yaml, taxonomy,
 * mappings, routes), every bundled connector's built jar in plugins/, every simulator. Everything
 * that has a mapping must be flowing, and the shared people must come together in profiles.
 */
class DemoIT {

  private static final String TOKEN = "demo-it-admin-token-0123456789";
  private static final Duration INGEST = Duration.ofSeconds(240);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Demo demo;

  @BeforeAll
  static void start() throws IOException {
    Path config = Files.createTempDirectory("cxhub-demo-config-");
    Files.copy(HubFixture.REPO.resolve("hub.yaml"), config.resolve("hub.yaml"));
    for (String dir : new String[] {"taxonomy", "mappings", "routes"}) {
      HubFixture.copyTree(HubFixture.REPO.resolve(dir), config.resolve(dir));
    }
    Path plugins = Files.createDirectories(config.resolve("plugins"));
    for (Path jar : connectorJars()) {
      Files.copy(jar, plugins.resolve(jar.getFileName()));
    }
    Path data = Files.createTempDirectory("cxhub-demo-data-");
    data.toFile().setExecutable(true, false);
    demo = Demo.start(config, data, 0, TOKEN, new PrintStream(PrintStream.nullOutputStream()));
  }

  @AfterAll
  static void stop() {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void everyMappedStreamOfEverySystemFlows() throws InterruptedException {
    Set<String> mapped = mappedStreams();
    assertTrue(mapped.size() >= 3, "the repository maps streams of several systems: " + mapped);
    HubFixture.await("records on every mapped stream " + mapped, INGEST, () -> flowing().containsAll(mapped));
  }

  @Test
  void peopleKnownToSeveralSystemsBecomeOneProfile() throws InterruptedException {
    long systems = mappedStreams().stream().map(s -> s.substring(0, s.indexOf('/'))).distinct().count();
    int wanted = (int) Math.min(3, systems);
    JsonNode[] found = new JsonNode[1];
    HubFixture.await("a profile with identities from " + wanted + " systems", INGEST, () -> {
      found[0] = profileSpanning(wanted);
      return found[0] != null;
    });
    JsonNode profile = found[0];
    String key = profile.path("identities").get(0).path("key").asText();
    JsonNode byKey = get("/api/profiles?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8)).path("items");
    assertEquals(1, byKey.size(), "the profile is found by its key " + key);
    assertEquals(profile.path("id").asText(), byKey.get(0).path("id").asText());
  }

  /** The first profile (in the first 20 000) whose identities come from at least {@code systems} systems. */
  private static JsonNode profileSpanning(int systems) {
    String after = null;
    for (int page = 0; page < 40; page++) {
      JsonNode items = get("/api/profiles?limit=500" + (after == null ? "" : "&after=" + after)).path("items");
      for (JsonNode p : items.path("profiles")) {
        Set<String> from = new HashSet<>();
        p.path("identities").forEach(i -> from.add(i.path("system").asText()));
        if (from.size() >= systems) {
          return p;
        }
      }
      after = items.path("nextAfter").isTextual() ? items.path("nextAfter").asText() : null;
      if (after == null) {
        return null;
      }
    }
    return null;
  }

  /** {@code system/stream} of every stream with records, per {@code GET /api/streams}. */
  private static Set<String> flowing() {
    Set<String> out = new TreeSet<>();
    for (JsonNode s : get("/api/streams").path("items")) {
      if (s.path("records").asLong() > 0) {
        out.add(s.path("system").asText() + "/" + s.path("stream").asText());
      }
    }
    return out;
  }

  /** {@code system/stream} of every mapping the repository ships. */
  private static Set<String> mappedStreams() {
    try (Stream<Path> files = Files.walk(HubFixture.REPO.resolve("mappings"))) {
      return files.filter(p -> p.toString().endsWith(".yaml"))
          .map(p -> p.getParent().getFileName() + "/" + p.getFileName().toString().replace(".yaml", ""))
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<Path> connectorJars() throws IOException {
    Set<Path> jars = new TreeSet<>();
    try (Stream<Path> modules = Files.list(HubFixture.REPO.resolve("connectors"))) {
      for (Path module : modules.toList()) {
        Path target = module.resolve("target");
        if (!Files.isDirectory(target)) {
          throw new IllegalStateException("no " + target + ": run mvn verify from the repository root, which builds the connectors before hub-app");
        }
        try (Stream<Path> s = Files.list(target)) {
          s.filter(p -> p.getFileName().toString().matches("connector-[a-z-]+-[0-9.]+(-SNAPSHOT)?\\.jar")).forEach(jars::add);
        }
      }
    }
    return jars;
  }

  private static JsonNode get(String path) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.hub().httpPort() + path))
          .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), path + ": " + r.body());
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
