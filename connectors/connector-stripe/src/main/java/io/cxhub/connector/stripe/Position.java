package io.cxhub.connector.stripe;

/**
 * Where a stream stands. A stream is first read in full through its list endpoint ({@code listing}),
 * newest first, continuing {@code starting_after} the last object read; then through the events API,
 * from its {@code anchor}: the newest event that existed before its listing began, later the last
 * event it was brought up to. Events after the anchor carry every change the listing may have missed.
 *
 * <p>As a cursor (the text committed by the hub):
 * <ul>
 *   <li>{@code list:<anchor created>:<anchor event id>:<last object id>} while listing;</li>
 *   <li>{@code events:<event created>:<event id>} once reading events.</li>
 * </ul>
 * An empty anchor event id with created 0 means "before every event" (the account had none when
 * the listing began).
 *
 * @param listing whether the list endpoint still has to be read (further)
 * @param after the last object id listed, or null to start at the newest
 * @param anchor the event the events API is read after; null until the first poll fetched it
 */
record Position(boolean listing, String after, Anchor anchor) {

  /** An event as a position in the account's event sequence. */
  record Anchor(long created, String eventId) {
    static final Anchor BEFORE_ALL = new Anchor(0, "");
  }

  /** A stream never read: list from the newest object, anchor to be fetched. */
  static final Position NEW = new Position(true, null, null);

  static Position parse(String cursor) {
    String[] p = cursor.split(":", -1);
    try {
      if (p.length == 4 && p[0].equals("list")) {
        return new Position(true, p[3].isEmpty() ? null : p[3], new Anchor(Long.parseLong(p[1]), p[2]));
      }
      if (p.length == 3 && p[0].equals("events")) {
        return new Position(false, null, new Anchor(Long.parseLong(p[1]), p[2]));
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new IllegalArgumentException("cursor '" + cursor + "' is neither list:<created>:<event id>:<object id> "
        + "nor events:<created>:<event id>");
  }

  /** The cursor of a record listed as object {@code objectId}. */
  static String listCursor(Anchor anchor, String objectId) {
    return "list:" + anchor.created() + ":" + anchor.eventId() + ":" + objectId;
  }

  /** The cursor of a record read from event {@code eventId}. */
  static String eventCursor(long created, String eventId) {
    return "events:" + created + ":" + eventId;
  }

  Position listedUpTo(String objectId, boolean more) {
    return new Position(more, objectId, anchor);
  }

  Position withAnchor(Anchor a) {
    return new Position(listing, after, a);
  }

  static Position at(Anchor a) {
    return new Position(false, null, a);
  }
}
