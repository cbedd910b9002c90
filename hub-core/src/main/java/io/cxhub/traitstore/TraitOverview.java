package io.cxhub.traitstore;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.profile.ProfileView;
import io.cxhub.profile.ProfileView.TraitView;
import io.cxhub.traits.TraitDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The traits in service as the API shows them: definitions with their backfill, and a profile's values. Thread-safe. */
public final class TraitOverview {

  /**
   * One trait of the catalog.
   *
   * @param window e.g. {@code 7d}; null for all time
   * @param time the field that dates events; null for when the hub observed them
   * @param timeDependent whether the value can change without a new event
   */
  public record TraitSummary(String trait, String description, String entity, String aggregate, String field,
      String window, String time, String since, boolean timeDependent, String file,
      BackfillProgress backfill) {}

  private final LiveTraits traits;
  private final TraitBackfill backfill;
  private final Clock clock;

  /** @param clock the clock the traits are computed at, for the backfills' ETA */
  public TraitOverview(LiveTraits traits, TraitBackfill backfill, Clock clock) {
    this.traits = traits;
    this.backfill = backfill;
    this.clock = clock;
  }

  public List<TraitSummary> list() {
    Map<String, TraitDefinitions.Backfill> states = backfill.states();
    Instant now = clock.instant();
    List<TraitSummary> summaries = new ArrayList<>();
    for (TraitDefinition t : traits.current().all()) {
      TraitDefinitions.Backfill b = states.get(t.name());
      BackfillProgress progress = b == null ? BackfillProgress.of(0, null, null, null, now)
          : BackfillProgress.of(b.done(), b.total(), b.startedAt(), b.finishedAt(), now);
      summaries.add(new TraitSummary(t.name(), t.description(), t.entity(), t.aggregate().yamlName(),
          t.field().map(f -> f.name()).orElse(null), t.window().map(TraitOverview::shortDuration).orElse(null),
          t.timeField().map(f -> f.name()).orElse(null), t.since().map(u -> u.name().toLowerCase(Locale.ROOT)).orElse(null),
          t.isTimeDependent(), traits.dir().relativize(t.file()).toString(), progress));
    }
    return summaries;
  }

  /**
   * The profile with a value for every trait in service: a trait without a stored row has its value
   * over no events (and no {@code computedAt}); values of traits no longer defined are left out.
   */
  public ProfileView complete(ProfileView profile) {
    Map<String, TraitView> all = new TreeMap<>();
    Instant now = clock.instant();
    for (TraitDefinition t : traits.current().all()) {
      TraitView stored = profile.traits().get(t.name());
      if (stored != null) {
        all.put(t.name(), stored);
      } else {
        JsonNode empty = TraitJson.of(t.evaluate(List.of(), now));
        all.put(t.name(), new TraitView(empty, null));
      }
    }
    return profile.withTraits(all);
  }

  /** 7d, 12h, 30m or 45s when the window is whole units of one of them, else ISO-8601. */
  static String shortDuration(Duration d) {
    for (ChronoUnit unit : new ChronoUnit[] {ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS}) {
      long seconds = unit.getDuration().getSeconds();
      if (d.getNano() == 0 && d.getSeconds() % seconds == 0) {
        return d.getSeconds() / seconds + unit.name().substring(0, 1).toLowerCase(Locale.ROOT);
      }
    }
    return d.toString();
  }
}
