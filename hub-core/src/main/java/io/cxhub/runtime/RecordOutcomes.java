package io.cxhub.runtime;

import io.cxhub.ingest.CursorRepository;
import io.cxhub.ingest.CursorTracker;
import io.cxhub.ingest.StreamStatsRepository;
import io.cxhub.quarantine.QuarantineStore;
import io.cxhub.quarantine.QuarantinedRecord;
import io.cxhub.spi.record.RawRecord;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Book-keeping when a record leaves the data path, stored or quarantined: stream statistics, and the
 * cursors that may now be committed. Every terminal of the pipeline goes through here, so a cursor
 * is committed only after the records before it are safe.
 */
public final class RecordOutcomes {

  private final CursorTracker tracker = new CursorTracker();
  private final CursorRepository cursors;
  private final StreamStatsRepository stats;
  private final QuarantineStore quarantine;

  public RecordOutcomes(CursorRepository cursors, StreamStatsRepository stats, QuarantineStore quarantine) {
    this.cursors = cursors;
    this.stats = stats;
    this.quarantine = quarantine;
  }

  void emitted(List<RawRecord> records) {
    tracker.emitted(records);
  }

  /** Records written to the profile store. */
  void stored(List<RawRecord> records) {
    perStream(records).forEach((key, group) -> stats.recordAccepted(group.get(0).system(), group.get(0).stream(),
        group.size(), group.stream().map(RawRecord::observedAt).max(Comparator.naturalOrder()).orElse(Instant.now())));
    finished(records);
  }

  /** Records that cannot go on, held durably with their reason (one entry per record). */
  void quarantined(List<RawRecord> records, QuarantinedRecord.Stage stage, Function<RawRecord, String> reason) {
    if (records.isEmpty()) {
      return;
    }
    Instant now = Instant.now();
    quarantine.putAll(records.stream()
        .map(r -> new QuarantinedRecord(r.system(), r.stream(), r.connectorInstance(), stage, reason.apply(r),
            r.payload().toString(), r.cursor(), now))
        .toList());
    perStream(records).forEach((key, group) ->
        stats.recordQuarantined(group.get(0).system(), group.get(0).stream(), group.size(), now));
    finished(records);
  }

  /** A payload that never became a record (not JSON, truncated). */
  void quarantineUnparsed(QuarantinedRecord entry) {
    quarantine.putAll(List.of(entry));
    stats.recordQuarantined(entry.system(), entry.stream(), 1, entry.receivedAt());
  }

  public int inFlight() {
    return tracker.inFlight();
  }

  private void finished(List<RawRecord> records) {
    for (RawRecord last : tracker.finished(records)) {
      cursors.commit(last);
    }
  }

  private static Map<String, List<RawRecord>> perStream(List<RawRecord> records) {
    return records.stream().collect(Collectors.groupingBy(RawRecord::streamKey, LinkedHashMap::new, Collectors.toList()));
  }
}
