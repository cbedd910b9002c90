package io.cxhub.runtime;

import java.util.Locale;

/** What happens to a stream's records when they drift from its baseline (ARCHITECTURE.md "Schema drift"). */
public enum DriftPolicy {
  /** Records flow on; alerts are raised. */
  WARN,
  /** Records that do not fit the baseline are held in quarantine until replayed. */
  QUARANTINE,
  /** On a breaking drift the stream stops: its records are held until someone accepts or resolves the alert. */
  PAUSE;

  /** @throws IllegalArgumentException naming the value and what is expected */
  public static DriftPolicy parse(String text) {
    for (DriftPolicy p : values()) {
      if (p.name().equalsIgnoreCase(text)) {
        return p;
      }
    }
    throw new IllegalArgumentException("drift policy '" + text + "': expected warn, quarantine or pause");
  }

  public String yaml() {
    return name().toLowerCase(Locale.ROOT);
  }
}
