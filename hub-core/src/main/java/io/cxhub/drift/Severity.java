package io.cxhub.drift;

/** How much a drift matters, from mapping lineage. */
public enum Severity {
  /** Nothing the hub maps reads the affected fields. */
  INFO,
  /** A mapping reads an affected field: taxonomy fields (and the use cases reading them) are hit. */
  BREAKING
}
