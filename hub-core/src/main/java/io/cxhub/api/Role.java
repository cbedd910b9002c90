package io.cxhub.api;

/** What a token may do; each role includes the ones below it. */
public enum Role {
  /** Read profiles, streams, alerts. */
  VIEWER,
  /** Also push data, acknowledge alerts, replay quarantine. */
  OPERATOR,
  /** Also change configuration. */
  ADMIN;

  public boolean includes(Role other) {
    return ordinal() >= other.ordinal();
  }
}
