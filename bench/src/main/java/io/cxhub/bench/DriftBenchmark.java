package io.cxhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxhub.drift.Baseline;
import io.cxhub.drift.DriftSettings;
import io.cxhub.drift.RecordFit;
import io.cxhub.drift.SchemaObserver;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-record cost of schema observation against the cost of parsing the record: a ~0.9 KB
 * Stripe-shaped customer (nested address, metadata, an array of tax ids), 1 024 distinct payloads
 * cycled so values, hashes and sketches vary as in a real stream. {@code parse} is Jackson reading
 * the bytes into a tree (the connector's cost); {@code observe} is {@link SchemaObserver#observe}
 * on the already-parsed tree against a baseline learned from the first 200 payloads, with the
 * window rotated every 10 000 records (so the trie rebuild is in the figure);
 * {@code parseAndObserve} parses and observes the fresh tree, as the pipeline's map stage will
 * (the difference to {@code parse} is the observation's cost with the tree hot in cache; the
 * pre-parsed 1 024 trees of {@code observe} do not all fit in cache, so it reads memory the
 * pipeline would not); {@code observeDrifting} is {@code observe} with two fields the baseline
 * does not know in every record (the split/merge evidence path, capped per window);
 * {@code parseObserveAndFit} adds the {@code quarantine}/{@code pause} policies' per-record
 * {@link RecordFit} on the ten paths the shipped Stripe customers mapping reads: the whole check.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DriftBenchmark {

  private static final int PAYLOADS = 1024;
  private static final int WINDOW = 10_000;

  /** 1: every record walked; 8: the default, 1 in 8 after the first 256 of each window. */
  @Param({"1", "8"})
  public int observeEvery;

  private final ObjectMapper json = new ObjectMapper();
  private byte[][] bytes;
  private JsonNode[] trees;
  private JsonNode[] drifting;
  private SchemaObserver observer;
  private SchemaObserver driftingObserver;
  private RecordFit fit;
  private int next;
  private int observed;

  @Setup
  public void setUp() throws Exception {
    bytes = new byte[PAYLOADS][];
    trees = new JsonNode[PAYLOADS];
    drifting = new JsonNode[PAYLOADS];
    for (int i = 0; i < PAYLOADS; i++) {
      bytes[i] = customer(i).getBytes(StandardCharsets.UTF_8);
      trees[i] = json.readTree(bytes[i]);
      ObjectNode changed = (ObjectNode) trees[i].deepCopy();
      ObjectNode address = (ObjectNode) changed.get("address");
      String[] line1 = address.remove("line1").asText().split(" ", 2);
      address.put("street_number", line1[0]).put("street_name", line1[1]);
      drifting[i] = changed;
    }
    DriftSettings settings = DriftSettings.defaults().withObserveEvery(observeEvery);
    SchemaObserver learning = SchemaObserver.learning("stripe", "customers", settings, Clock.systemUTC());
    for (int i = 0; i < settings.learnRecords(); i++) {
      learning.observe(trees[i]);
    }
    Baseline baseline = Baseline.learned(learning.rotate(), settings, Clock.systemUTC().instant());
    observer = SchemaObserver.against(baseline, settings, Clock.systemUTC());
    driftingObserver = SchemaObserver.against(baseline, settings, Clock.systemUTC());
    fit = RecordFit.of(baseline, java.util.List.of("id", "email", "phone", "name", "created", "address.line1",
        "address.city", "address.postal_code", "address.country", "metadata.crm_id"), settings);
    int size = bytes[0].length;
    if (size < 850 || size > 1300) {
      throw new IllegalStateException("payload is " + size + " bytes, not ~0.9 KB");
    }
  }

  @Benchmark
  public JsonNode parse() throws Exception {
    return json.readTree(bytes[next()]);
  }

  /** Parse and observe the fresh tree, as the pipeline does: minus {@link #parse}, the cost of observing. */
  @Benchmark
  public SchemaObserver parseAndObserve() throws Exception {
    observer.observe(json.readTree(bytes[next()]));
    if (++observed == WINDOW) {
      observed = 0;
      observer.rotate();
    }
    return observer;
  }

  /** The whole per-record check under the quarantine policy: observe, then fit on the mapped paths. */
  @Benchmark
  public String parseObserveAndFit() throws Exception {
    JsonNode tree = json.readTree(bytes[next()]);
    observer.observe(tree);
    if (++observed == WINDOW) {
      observed = 0;
      observer.rotate();
    }
    String misfit = fit.misfit(tree);
    if (misfit != null) {
      throw new IllegalStateException("a baseline-shaped record does not fit: " + misfit);
    }
    return misfit;
  }

  @Benchmark
  public SchemaObserver observe() {
    observer.observe(trees[next()]);
    if (++observed == WINDOW) {
      observed = 0;
      observer.rotate();
    }
    return observer;
  }

  @Benchmark
  public SchemaObserver observeDrifting() {
    driftingObserver.observe(drifting[next()]);
    if (++observed == WINDOW) {
      observed = 0;
      driftingObserver.rotate();
    }
    return driftingObserver;
  }

  private int next() {
    next = (next + 1) & (PAYLOADS - 1);
    return next;
  }

  /** A Stripe customer object as its API returns it, 897 to 927 bytes. */
  public static String customer(int i) {
    String[] first = {"Jane", "John", "Maria", "Wei", "Aisha", "Lukas", "Sofia", "Omar"};
    String[] last = {"Doe", "Smith", "Garcia", "Chen", "Khan", "Mueller", "Rossi", "Haddad", "Brown"};
    String[] streets = {"Main St", "Oak Avenue", "Baker Street", "Market Street", "Elm Road"};
    String name = first[i % first.length] + " " + last[i % last.length];
    String email = name.toLowerCase().replace(' ', '.') + i + "@example.com";
    return """
        {"id": "cus_N%07dxQa", "object": "customer", "address": {"city": "%s", "country": "US",
         "line1": "%d %s", "line2": %s, "postal_code": "94%03d", "state": "CA"},
         "balance": %d, "created": %d, "currency": "usd", "default_source": null, "delinquent": %b,
         "description": "Customer since %d", "discount": null, "email": "%s",
         "invoice_prefix": "%08X", "invoice_settings": {"custom_fields": null,
         "default_payment_method": "pm_1N%010d", "footer": null, "rendering_options": null},
         "livemode": false, "metadata": {"crm_id": "003%07d", "segment": "%s"}, "name": "%s",
         "next_invoice_sequence": %d, "phone": "+1415555%04d", "preferred_locales": ["en-US"],
         "shipping": null, "tax_exempt": "none", "test_clock": null,
         "tax_ids": [{"type": "eu_vat", "value": "DE%09d", "country": "DE"}],
         "updated_at": "2024-05-%02dT12:%02d:00Z"}
        """.formatted(i, i % 2 == 0 ? "San Francisco" : "Oakland", 1 + i % 397, streets[i % streets.length],
        i % 3 == 0 ? "\"Apt " + (i % 40) + "\"" : "null", i % 200, (i * 37) % 10_000 - 5_000,
        1_680_000_000L + i * 977L, i % 9 == 0, 2019 + i % 5, email, 0x1A2B3C4D + i, i, i,
        i % 4 == 0 ? "enterprise" : "smb", name, 1 + i % 30, i % 10_000, i, 1 + i % 28, i % 60);
  }
}
