package io.cxhub.drift;

/** What changed in a stream. */
public enum DriftKind {
  FIELD_ADDED,
  FIELD_REMOVED,
  TYPE_CHANGED,
  NULLABILITY_CHANGED,
  FORMAT_CHANGED,
  ENUM_VALUE_ADDED,
  /** A field disappeared and another carries its values. */
  RENAMED,
  /** A field disappeared and two new fields carry its values in parts. */
  SPLIT,
  /** Two fields disappeared and a new one carries their values joined. */
  MERGED,
  /** No records for longer than the stream's learned cadence allows. */
  STREAM_SILENT,
  VOLUME_DROP
}
