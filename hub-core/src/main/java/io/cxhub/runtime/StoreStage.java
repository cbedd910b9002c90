package io.cxhub.runtime;

import io.cxhub.mapping.MappedRecord;
import io.cxhub.profile.ProfileWriter;
import io.cxhub.profile.WriteResult;
import io.cxhub.quarantine.QuarantinedRecord;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.traitstore.TraitMaintainer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a batch of mapped records to the profile store in one transaction, then recomputes the
 * traits of the profiles whose timeline it changed (see {@link TraitMaintainer#afterWrite}).
 */
public final class StoreStage {

  private static final Logger log = LoggerFactory.getLogger(StoreStage.class);

  private final ProfileWriter writer;
  private final RecordOutcomes outcomes;
  private final TraitMaintainer traits;

  public StoreStage(ProfileWriter writer, RecordOutcomes outcomes, TraitMaintainer traits) {
    this.writer = writer;
    this.outcomes = outcomes;
    this.traits = traits;
  }

  public void write(List<MappedRecord> batch) {
    WriteResult result = writer.write(batch);
    traits.afterWrite(result); // before the records count as stored: their cursors commit after their traits
    Map<RawRecord, String> unlinkable = new IdentityHashMap<>();
    result.unlinkable().forEach(u -> unlinkable.merge(u.record().source(), u.reason(), (a, b) -> a + "; " + b));
    List<RawRecord> stored = new ArrayList<>(batch.size());
    for (MappedRecord m : batch) {
      if (!unlinkable.containsKey(m.source())) {
        stored.add(m.source());
      }
    }
    outcomes.stored(stored);
    outcomes.quarantined(new ArrayList<>(unlinkable.keySet()), QuarantinedRecord.Stage.IDENTITY, unlinkable::get);
    log.debug("stored batch of {}: {}", batch.size(), result);
  }

  /** After retries ran out (store unreachable), the batch is held rather than lost. */
  public void quarantineBatch(List<MappedRecord> batch, Throwable cause) {
    log.error("profile store write failed for a batch of {} records, quarantined for replay: {}", batch.size(),
        cause.toString());
    outcomes.quarantined(batch.stream().map(MappedRecord::source).toList(), QuarantinedRecord.Stage.STORE,
        r -> "profile store write failed: " + cause.getMessage());
  }
}
