package io.cxhub.notify;

import io.cxhub.alerts.DriftAlert;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One message to send: a new alert, or one page of a digest of updated alerts (each alert once, as last seen).
 *
 * @param part 1-based page of the digest, for digests too long for one message
 * @param parts number of pages of the digest
 */
record Notice(Kind kind, List<DriftAlert> alerts, int part, int parts) {

  enum Kind { OPENED, DIGEST }

  Notice {
    alerts = List.copyOf(alerts);
  }

  static Notice opened(DriftAlert alert) {
    return new Notice(Kind.OPENED, List.of(alert), 1, 1);
  }

  /** The digest of {@code updated}, in pages of at most {@code perPage} alerts. */
  static List<Notice> digest(List<DriftAlert> updated, int perPage) {
    int parts = (updated.size() + perPage - 1) / perPage;
    List<Notice> pages = new ArrayList<>(parts);
    for (int i = 0; i < parts; i++) {
      pages.add(new Notice(Kind.DIGEST, updated.subList(i * perPage, Math.min(updated.size(), (i + 1) * perPage)),
          i + 1, parts));
    }
    return pages;
  }

  /** For logs: what was (not) sent, by alert id only. */
  String describe() {
    if (kind == Kind.OPENED) {
      return "new alert #" + alerts.get(0).id();
    }
    return "digest of " + alerts.size() + " updated alert(s) "
        + alerts.stream().map(a -> "#" + a.id()).collect(Collectors.joining(", ", "[", "]"));
  }
}
