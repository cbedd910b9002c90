package io.cxhub.profile;

import io.cxhub.mapping.EntityRecord;
import io.cxhub.mapping.MappedRecord;

/** An entity the writer could not tie to a profile; the caller quarantines it (stage IDENTITY). */
public record Unlinkable(MappedRecord record, EntityRecord entity, String reason) {}
