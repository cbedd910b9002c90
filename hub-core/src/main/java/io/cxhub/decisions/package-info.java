/**
 * Arbitration across use cases for one customer: which candidate actions go out, on which
 * channel, and why the others did not (contact policy, holdouts, ranking by a learned response
 * rate). Pure logic: no store, no bus, no clock of its own; every method takes the instant it
 * decides at, so the same inputs always give the same {@link io.cxhub.decisions.Arbitration}.
 * The rules in plain words are in {@code docs/decisions.md}.
 */
package io.cxhub.decisions;
