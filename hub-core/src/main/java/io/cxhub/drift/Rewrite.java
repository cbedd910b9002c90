package io.cxhub.drift;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a drift does to one mapped value: its new value, a note for the reader, or both. A note
 * without a value says why no mapping change absorbs the drift; neither means the value is fine.
 *
 * @param value the complete new value, or null
 * @param note a short remark, or null
 */
record Rewrite(JsonNode value, String note) {

  static final Rewrite NONE = new Rewrite(null, null);

  static Rewrite to(JsonNode value, String note) {
    return new Rewrite(value, note);
  }

  static Rewrite explain(String note) {
    return new Rewrite(null, note);
  }
}
