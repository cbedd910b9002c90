package io.cxhub.alerts;

/** Where an alert stands. OPEN and ACKNOWLEDGED alerts are live: a recurrence updates them. */
public enum AlertStatus {
  OPEN, ACKNOWLEDGED, ACCEPTED, RESOLVED;

  public boolean live() {
    return this == OPEN || this == ACKNOWLEDGED;
  }
}
