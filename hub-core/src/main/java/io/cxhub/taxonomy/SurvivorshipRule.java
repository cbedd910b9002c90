package io.cxhub.taxonomy;

/** How a profile picks a field's value when several sources disagree. */
public enum SurvivorshipRule {
  /** The value from the highest-priority source that has one. */
  SOURCE_PRIORITY,
  /** The value observed last. */
  MOST_RECENT,
  /** The value observed first; later values never replace it. */
  FIRST_SEEN,
  /** The greatest value. */
  MAX,
  /** The sum of all values. */
  SUM
}
