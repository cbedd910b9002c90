package io.cxhub.runtime;

import io.cxhub.mapping.MappedRecord;
import io.cxhub.mapping.Mapping;
import io.cxhub.mapping.MappingException;
import io.cxhub.mapping.MappingRegistry;
import io.cxhub.quarantine.QuarantinedRecord;
import io.cxhub.spi.record.RawRecord;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks source records for schema drift and maps them to taxonomy entities. A record its stream's
 * drift policy holds, one without a mapping, or one that does not fit its mapping is quarantined.
 */
public final class MapStage {

  /** Mapped records, and how many were quarantined instead. */
  public record Result(List<MappedRecord> mapped, int quarantined) {}

  private final MappingRegistry mappings;
  private final RecordOutcomes outcomes;
  private final DriftWatch drift;

  public MapStage(MappingRegistry mappings, RecordOutcomes outcomes, DriftWatch drift) {
    this.mappings = mappings;
    this.outcomes = outcomes;
    this.drift = drift;
  }

  public Result apply(List<RawRecord> records) {
    return apply(records, false);
  }

  /**
   * @param replayed the records come from quarantine: drift observed them when they first came, so
   *     their stream's policy only says whether they are held again
   */
  public Result apply(List<RawRecord> records, boolean replayed) {
    List<MappedRecord> mapped = new ArrayList<>(records.size());
    Map<RawRecord, String> held = replayed ? drift.fit(records) : drift.check(records);
    Map<RawRecord, String> failed = new IdentityHashMap<>();
    for (RawRecord r : records) {
      if (held.containsKey(r)) {
        continue;
      }
      Optional<Mapping> mapping = mappings.find(r.system(), r.stream());
      if (mapping.isEmpty()) {
        failed.put(r, "no mapping for " + r.streamKey() + ": add mappings/" + r.system() + "/" + r.stream()
            + ".yaml, then replay");
        continue;
      }
      try {
        mapped.add(mapping.get().map(r));
      } catch (MappingException e) {
        failed.put(r, e.getMessage());
      }
    }
    // in arrival order, so that a replay re-applies them in the order they came
    outcomes.quarantined(records.stream().filter(held::containsKey).toList(), QuarantinedRecord.Stage.DRIFT, held::get);
    outcomes.quarantined(records.stream().filter(failed::containsKey).toList(), QuarantinedRecord.Stage.MAPPING,
        failed::get);
    return new Result(mapped, held.size() + failed.size());
  }
}
