package io.cxhub.mapping;

import io.cxhub.spi.record.RawRecord;
import java.util.List;

/** A source record after mapping: the entities it yields, with the record they came from. */
public record MappedRecord(RawRecord source, List<EntityRecord> entities) {

  public MappedRecord {
    entities = List.copyOf(entities);
  }
}
