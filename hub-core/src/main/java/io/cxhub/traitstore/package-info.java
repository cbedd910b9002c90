/**
 * Computed trait values on stored profiles, kept current: {@link io.cxhub.traitstore.TraitMaintainer}
 * recomputes the traits of a set of profiles from their stored timelines after every batch,
 * {@link io.cxhub.traitstore.TraitExpiry} when time alone changes a value (a window, a condition
 * on now), and {@link io.cxhub.traitstore.TraitBackfill} over every profile when a trait is new or
 * its definition changed. {@link io.cxhub.traitstore.LiveTraits} holds the catalog that
 * {@link io.cxhub.traitstore.TraitWatcher} reloads from {@code traits/}. The definitions and their
 * evaluation are {@link io.cxhub.traits}; this package adds the store and the scheduling logic,
 * no threads of its own (the hub's timer routes call it).
 */
package io.cxhub.traitstore;
