package io.cxhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.drift.Baseline;
import io.cxhub.drift.DriftSettings;
import io.cxhub.drift.RecordFit;
import io.cxhub.drift.SchemaObserver;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A cross-check of {@link DriftBenchmark} that holds up on a shared, loaded machine: blocks of
 * 20 000 {@code parse} and 20 000 {@code parse + observe} alternate, timed in the thread's CPU time
 * (time other processes take is not counted), and the median of 60 block pairs (after 20 warm-up
 * pairs) is reported. Run: {@code java -cp 'bench/target/benchmarks.jar' io.cxhub.bench.DriftOverhead [observeEvery]
 * [fit]}; with {@code fit} the checked block also runs the quarantine policy's {@link RecordFit} on
 * the ten paths the Stripe customers mapping reads, as {@link DriftBenchmark#parseObserveAndFit} does.
 */
public final class DriftOverhead {

  private DriftOverhead() {}

  public static void main(String[] args) throws Exception {
    int observeEvery = args.length > 0 ? Integer.parseInt(args[0]) : DriftSettings.defaults().observeEvery();
    boolean withFit = args.length > 1 && args[1].equals("fit");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    ObjectMapper json = new ObjectMapper();
    byte[][] bytes = new byte[1024][];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = DriftBenchmark.customer(i).getBytes(StandardCharsets.UTF_8);
    }
    DriftSettings settings = DriftSettings.defaults().withObserveEvery(observeEvery);
    SchemaObserver learning = SchemaObserver.learning("stripe", "customers", settings, Clock.systemUTC());
    for (int i = 0; i < settings.learnRecords(); i++) {
      learning.observe(json.readTree(bytes[i]));
    }
    Baseline baseline = Baseline.learned(learning.rotate(), settings, Clock.systemUTC().instant());
    SchemaObserver observer = SchemaObserver.against(baseline, settings, Clock.systemUTC());
    RecordFit fit = RecordFit.of(baseline, List.of("id", "email", "phone", "name", "created", "address.line1",
        "address.city", "address.postal_code", "address.country", "metadata.crm_id"), settings);
    int block = 20_000;
    long sink = 0;
    int inWindow = 0;
    List<Long> parse = new ArrayList<>();
    List<Long> both = new ArrayList<>();
    List<Double> overhead = new ArrayList<>();
    for (int round = 0; round < 80; round++) {
      long t0 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < block; i++) {
        sink += json.readTree(bytes[i & 1023]).size();
      }
      long t1 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < block; i++) {
        JsonNode tree = json.readTree(bytes[i & 1023]);
        observer.observe(tree);
        if (withFit && fit.misfit(tree) != null) {
          throw new IllegalStateException("a baseline-shaped record does not fit");
        }
        if (++inWindow == 10_000) {
          inWindow = 0;
          observer.rotate();
        }
      }
      long t2 = threads.getCurrentThreadCpuTime();
      if (round >= 20) {
        parse.add((t1 - t0) / block);
        both.add((t2 - t1) / block);
        overhead.add(((t2 - t1) - (t1 - t0)) / (double) (t1 - t0));
      }
    }
    Collections.sort(parse);
    Collections.sort(both);
    Collections.sort(overhead);
    int n = overhead.size();
    String check = withFit ? "observe+fit" : "observe";
    System.out.printf("observeEvery %d: parse %d ns, parse+%s %d ns (CPU time, medians); %s = %.1f%% of parse"
        + " (quartiles %.1f%% .. %.1f%%)%n", observeEvery, parse.get(n / 2), check, both.get(n / 2), check,
        100 * overhead.get(n / 2), 100 * overhead.get(n / 4), 100 * overhead.get(3 * n / 4));
    if (sink == 42) {
      System.out.println();
    }
  }
}
