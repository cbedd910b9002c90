package io.cxhub.drift;

import java.util.List;

/**
 * What makes two drifts the same finding: the stream, the kind and the fields. Jackson-friendly.
 *
 * @param system source system
 * @param stream stream
 * @param kind kind of drift
 * @param oldFields baseline paths involved
 * @param newFields window paths involved
 */
public record FindingKey(String system, String stream, DriftKind kind, List<String> oldFields, List<String> newFields) {

  public FindingKey {
    oldFields = List.copyOf(oldFields);
    newFields = List.copyOf(newFields);
  }
}
