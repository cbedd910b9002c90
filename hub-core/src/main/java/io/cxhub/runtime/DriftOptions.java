package io.cxhub.runtime;

import io.cxhub.drift.Cadence;
import io.cxhub.notify.NotifySettings;
import java.time.Duration;

/**
 * Schema drift settings ({@code drift} in hub.yaml).
 *
 * @param learnRecords records a stream's baseline is learned from (200)
 * @param windowRecords records after which a window is checked against the baseline (1000)
 * @param windowTime longest a window with enough records stays open before it is checked (60 s)
 * @param checkInterval how often windows, silence and volume are checked (5 s)
 * @param policy the policy of streams the routes do not give one (warn)
 * @param cadence how silence and volume drops are judged
 * @param notifications where alerts are sent
 */
public record DriftOptions(int learnRecords, int windowRecords, Duration windowTime, Duration checkInterval,
    DriftPolicy policy, Cadence.Settings cadence, NotifySettings notifications) {

  public static DriftOptions defaults() {
    return new DriftOptions(200, 1000, Duration.ofSeconds(60), Duration.ofSeconds(5), DriftPolicy.WARN,
        Cadence.Settings.defaults(), NotifySettings.none());
  }
}
