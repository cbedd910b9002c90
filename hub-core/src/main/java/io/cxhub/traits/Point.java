package io.cxhub.traits;

import java.time.Instant;
import java.util.Comparator;

/** A matching event reduced to what aggregates need: its place in time and the aggregated value. */
record Point(Instant time, long id, Object value) {

  /** Timeline order; the event id breaks ties so first/last are deterministic. */
  static final Comparator<Point> ORDER = Comparator.comparing(Point::time).thenComparingLong(Point::id);
}
