/**
 * Computed traits: windowed aggregates over a profile's timeline, defined in {@code traits/*.yaml}.
 * {@link io.cxhub.traits.TraitCatalog} loads the directory through {@link io.cxhub.traits.TraitLoader}
 * (schema, then taxonomy checks) into {@link io.cxhub.traits.TraitDefinition}s, which evaluate over a
 * timeline at an instant and say when the value next changes without a new event;
 * {@link io.cxhub.traits.TraitState} keeps one profile's value up to date event by event.
 * Pure logic: no I/O beyond reading the files, no wiring.
 */
package io.cxhub.traits;
