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

/** Maps source records to taxonomy entities; a record without a mapping, or that does not fit it, is quarantined. */
public final class MapStage {

  /** Mapped records, and how many were quarantined instead. */
  public record Result(List<MappedRecord> mapped, int quarantined) {}

  private final MappingRegistry mappings;
  private final RecordOutcomes outcomes;

  public MapStage(MappingRegistry mappings, RecordOutcomes outcomes) {
    this.mappings = mappings;
    this.outcomes = outcomes;
  }

  public Result apply(List<RawRecord> records) {
    List<MappedRecord> mapped = new ArrayList<>(records.size());
    Map<RawRecord, String> failed = new IdentityHashMap<>();
    for (RawRecord r : records) {
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
    outcomes.quarantined(new ArrayList<>(failed.keySet()), QuarantinedRecord.Stage.MAPPING, failed::get);
    return new Result(mapped, failed.size());
  }
}
