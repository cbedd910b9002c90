package io.cxhub.drift;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Learns when a stream's records arrive and says when it went silent or its volume dropped.
 *
 * <p>Silence: arrivals closer than {@link Settings#burstGap} form one burst (a polled page, a
 * batch); the gaps between bursts are remembered, and a stream is {@link DriftKind#STREAM_SILENT}
 * when no record came for {@link Settings#silenceFactor} times the 90th percentile of those gaps
 * (at least {@link Settings#minSilence}). Volume: records are counted per fixed
 * {@link Settings#interval}; the last complete interval is a {@link DriftKind#VOLUME_DROP} when it
 * holds less than {@link Settings#dropRatio} of the median of the intervals before it. Both need
 * enough history first. Time comes from the {@link Clock} only, so tests drive it. Thread-safe
 * (synchronized): the stage thread calls {@link #arrived}, a periodic job {@link #check}.
 */
public final class Cadence {

  /**
   * @param burstGap arrivals closer than this are one burst (1 s)
   * @param gapHistory gaps between bursts remembered (32)
   * @param minGaps gaps needed before silence is judged (8)
   * @param silenceFactor silence threshold as a multiple of the 90th-percentile gap (3)
   * @param minSilence silence shorter than this is never reported (1 min)
   * @param interval volume counting interval (1 h)
   * @param intervalHistory complete intervals remembered (24)
   * @param minIntervals complete intervals needed before the last one is judged (6)
   * @param dropRatio the last interval drops when under this share of the median (0.3)
   * @param minVolume medians under this many records are too small to judge (20)
   */
  public record Settings(Duration burstGap, int gapHistory, int minGaps, double silenceFactor, Duration minSilence,
      Duration interval, int intervalHistory, int minIntervals, double dropRatio, long minVolume) {

    public static Settings defaults() {
      return new Settings(Duration.ofSeconds(1), 32, 8, 3.0, Duration.ofMinutes(1), Duration.ofHours(1), 24, 6, 0.3, 20);
    }
  }

  private final String system;
  private final String stream;
  private final Settings settings;
  private final Clock clock;
  private Instant last;
  private final long[] gaps;
  private int gapCount;
  private int gapNext;
  private Instant intervalStart;
  private long current;
  private final long[] volumes;
  private int volumeCount;
  private int volumeNext;

  public Cadence(String system, String stream, Settings settings, Clock clock) {
    this.system = system;
    this.stream = stream;
    this.settings = settings;
    this.clock = clock;
    this.gaps = new long[settings.gapHistory()];
    this.volumes = new long[settings.intervalHistory()];
    this.intervalStart = clock.instant();
  }

  /** {@code records} records arrived now. */
  public synchronized void arrived(long records) {
    Instant now = clock.instant();
    roll(now);
    current += records;
    if (last != null) {
      long gap = Duration.between(last, now).toMillis();
      if (gap >= settings.burstGap().toMillis()) {
        gaps[gapNext] = gap;
        gapNext = (gapNext + 1) % gaps.length;
        gapCount = Math.min(gapCount + 1, gaps.length);
      }
    }
    last = now;
  }

  /** When the latest records arrived, or null before any. */
  public synchronized Instant lastArrival() {
    return last;
  }

  /** The stream's silence or volume drop as of now, if any (at most one of each). */
  public synchronized List<Drift> check() {
    Instant now = clock.instant();
    roll(now);
    List<Drift> drifts = new ArrayList<>();
    if (last != null && gapCount >= settings.minGaps()) {
      long[] sorted = Arrays.copyOf(gaps, gapCount);
      Arrays.sort(sorted);
      long p90 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.9 * sorted.length) - 1)];
      long allowed = Math.max(settings.minSilence().toMillis(), Math.round(p90 * settings.silenceFactor()));
      long silent = Duration.between(last, now).toMillis();
      if (silent > allowed) {
        drifts.add(drift(DriftKind.STREAM_SILENT, 1, "a burst of records at least every " + Duration.ofMillis(p90)
            + " (90th percentile), silence allowed " + Duration.ofMillis(allowed), "no record for "
            + Duration.ofMillis(silent), last, now));
        return drifts;
      }
    }
    if (volumeCount > settings.minIntervals()) {
      long lastVolume = volumes[Math.floorMod(volumeNext - 1, volumes.length)];
      long[] before = new long[volumeCount - 1];
      for (int i = 0; i < before.length; i++) {
        before[i] = volumes[Math.floorMod(volumeNext - 2 - i, volumes.length)];
      }
      Arrays.sort(before);
      long median = before[before.length / 2];
      if (median >= settings.minVolume() && lastVolume < settings.dropRatio() * median) {
        drifts.add(drift(DriftKind.VOLUME_DROP, median - lastVolume, "median " + median + " records per "
            + settings.interval(), lastVolume + " records in the last " + settings.interval(),
            intervalStart.minus(settings.interval()), intervalStart));
      }
    }
    return drifts;
  }

  private Drift drift(DriftKind kind, long occurrences, String before, String after, Instant from, Instant to) {
    return new Drift(system, stream, kind, List.of(), List.of(), Severity.INFO, new Evidence(occurrences, 0, before,
        after, null, null, null, null, null, List.of(), List.of(), null, from, to), List.of(), null, List.of());
  }

  /** Closes every interval that ended before {@code now}. */
  private void roll(Instant now) {
    Duration interval = settings.interval();
    long elapsed = Duration.between(intervalStart, now).toMillis() / interval.toMillis();
    if (elapsed <= 0) {
      return;
    }
    if (elapsed > volumes.length + 1) {
      intervalStart = intervalStart.plus(interval.multipliedBy(elapsed - volumes.length - 1));
      elapsed = volumes.length + 1;
    }
    for (long i = 0; i < elapsed; i++) {
      volumes[volumeNext] = current;
      volumeNext = (volumeNext + 1) % volumes.length;
      volumeCount = Math.min(volumeCount + 1, volumes.length);
      current = 0;
      intervalStart = intervalStart.plus(interval);
    }
  }
}
