/**
 * Schema drift detection, pure logic with no I/O.
 *
 * <p>Per stream, a {@link io.cxhub.drift.SchemaObserver} is offered every record on the hot path
 * (it walks the first records of each window and then a sample, to stay within 10 % of a parse)
 * and keeps a {@link io.cxhub.drift.StreamProfile} of the current window: per path (nested objects
 * {@code a.b}, arrays {@code a[]}) counts of presence, nulls, JSON types and value formats, the
 * distinct values of low-cardinality strings, a few masked examples ({@link io.cxhub.drift.Masker})
 * and a bottom-k sketch of salted 64-bit value hashes: values themselves are never kept. A
 * {@link io.cxhub.drift.Baseline} (declared from the connector's {@code StreamSpec}, learned from
 * the first records, or a window accepted as the new normal; versioned) is what the periodic
 * {@link io.cxhub.drift.DriftDetector} compares each window with. Renames, splits and merges are
 * recognised from the value sketches (coordinated sampling lets two sketches estimate how many
 * values two fields share), so they are not also reported as added and removed fields.
 * {@link io.cxhub.drift.Cadence} covers silence and volume. {@link io.cxhub.drift.Lineage} turns
 * mapping lineage into severity, affected mappings and a proposal: a YAML patch for people and the
 * same change as {@link io.cxhub.drift.MappingEdit}s, which {@code io.cxhub.mapping.MappingEditor}
 * writes into the mapping file; and {@link io.cxhub.drift.RecordFit} says whether one record fits
 * the baseline where mappings read it.
 *
 * <p>Wiring ({@code io.cxhub.runtime.DriftWatch}): the map stage calls {@code observe(sourceId, payload)}
 * and {@code Cadence.arrived}; a periodic job rotates the window once it holds enough records, runs
 * {@code DriftDetector.detect(baseline, window, lineage)} and {@code Cadence.check()}, and records
 * the drifts as alerts ({@code io.cxhub.alerts}, one live alert per drift); while a stream has no
 * baseline, its first window (of {@code learnRecords}) becomes one, or refines the connector's
 * declared one. Every record type here is immutable and Jackson-friendly, so baselines, windows and
 * drifts are stored as JSON.
 */
package io.cxhub.drift;
