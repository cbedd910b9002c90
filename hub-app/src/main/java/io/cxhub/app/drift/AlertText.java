package io.cxhub.app.drift;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Drift alerts, as the API returns them, in words for a terminal. Works on the JSON rather than on
 * hub-core's types so that a hub newer than this command line still prints, fields it adds ignored.
 */
final class AlertText {

  private static final int LABEL = 18;

  private AlertText() {}

  /** {@code address → street_name, house_number}; one side alone for fields only added or removed. */
  static String fields(JsonNode alert) {
    List<String> old = strings(alert.path("fields").path("old"));
    List<String> now = strings(alert.path("fields").path("new"));
    if (old.equals(now)) {
      return String.join(", ", old); // type, format, nullability: the same path changed
    }
    if (old.isEmpty()) {
      return "+ " + String.join(", ", now);
    }
    if (now.isEmpty()) {
      return "- " + String.join(", ", old);
    }
    return String.join(", ", old) + " → " + String.join(", ", now);
  }

  /** {@code crm/contacts} */
  static String stream(JsonNode alert) {
    return alert.path("system").asText() + "/" + alert.path("stream").asText();
  }

  /** An ISO instant to the second; anything else as it came. */
  static String time(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    try {
      return Instant.parse(value.asText()).truncatedTo(ChronoUnit.SECONDS).toString();
    } catch (DateTimeParseException e) {
      return value.asText();
    }
  }

  /**
   * What an action did, from the last history entry:
   * {@code drift alert #7 SPLIT on crm/contacts: ACCEPTED by admin; baseline v2 …}.
   */
  static String result(JsonNode alert) {
    JsonNode history = alert.path("history");
    JsonNode last = history.size() == 0 ? null : history.get(history.size() - 1);
    StringBuilder line = new StringBuilder("drift alert #").append(alert.path("id").asText()).append(' ')
        .append(alert.path("kind").asText()).append(" on ").append(stream(alert)).append(": ")
        .append(alert.path("status").asText());
    if (last != null) {
      line.append(" by ").append(last.path("actor").asText());
      if (text(last.path("detail")) != null) {
        line.append("; ").append(text(last.path("detail")));
      }
    }
    return line.toString();
  }

  /** Every field of one alert, in sections; empty values left out. */
  static void show(JsonNode a, PrintWriter out) {
    out.println("drift alert #" + a.path("id").asText() + "  " + a.path("severity").asText() + " "
        + a.path("kind").asText() + " on " + stream(a) + "  [" + a.path("status").asText() + "]");
    line(out, "fields", fields(a));
    line(out, "detected against", "baseline v" + a.path("baselineVersion").asText());
    line(out, "seen", a.path("occurrences").asText() + " record(s) in " + a.path("windows").asText()
        + " window(s), first " + time(a.path("firstSeen")) + ", last " + time(a.path("lastSeen")));

    JsonNode e = a.path("evidence");
    if (e.isObject()) {
      out.println();
      out.println("evidence (latest window, " + time(e.path("firstSeen")) + " to " + time(e.path("lastSeen")) + ")");
      line(out, "records", e.path("occurrences").asText() + " of " + e.path("windowRecords").asText()
          + " in the window show it");
      line(out, "before", text(e.path("before")));
      line(out, "after", text(e.path("after")));
      if (text(e.path("formatBefore")) != null || text(e.path("formatAfter")) != null) {
        line(out, "format", orDash(text(e.path("formatBefore"))) + " → " + orDash(text(e.path("formatAfter"))));
      }
      if (text(e.path("separator")) != null) {
        line(out, "separator", "'" + e.path("separator").asText() + "'");
      }
      if (e.path("matchShare").isNumber()) {
        line(out, "match", String.format(Locale.ROOT, "%.0f%% of %s sampled value(s)",
            e.path("matchShare").asDouble() * 100, e.path("matchSample").asText("?")));
      }
      line(out, "examples before", quoted(e.path("examplesBefore")));
      line(out, "examples after", quoted(e.path("examplesAfter")));
      line(out, "new values", quoted(e.path("newValues")));
    }

    out.println();
    out.println("affected mappings");
    if (a.path("affected").size() == 0) {
      out.println("  none: no mapping reads these fields");
    }
    for (JsonNode m : a.path("affected")) {
      line(out, m.path("file").asText(), String.join(", ", strings(m.path("paths"))) + " → "
          + String.join(", ", strings(m.path("taxonomyFields"))));
    }

    String proposal = text(a.path("proposal"));
    out.println();
    if (proposal == null) {
      out.println("proposal: none");
    } else {
      out.println("proposal (mapping change, YAML):");
      out.print(proposal.endsWith("\n") ? proposal : proposal + "\n"); // verbatim, so it can be pasted
    }

    out.println();
    out.println("history");
    for (JsonNode h : a.path("history")) {
      StringBuilder s = new StringBuilder("  ").append(time(h.path("at"))).append("  ")
          .append(String.format("%-16s", h.path("action").asText())).append(h.path("actor").asText());
      if (text(h.path("comment")) != null) {
        s.append("  \"").append(h.path("comment").asText()).append('"');
      }
      out.println(s);
      if (text(h.path("detail")) != null) {
        out.println("  " + " ".repeat(22) + h.path("detail").asText());
      }
    }
  }

  private static void line(PrintWriter out, String label, String value) {
    if (value != null && !value.isEmpty()) {
      out.println("  " + String.format("%-" + LABEL + "s", label) + " " + value);
    }
  }

  private static String quoted(JsonNode values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add("'" + v.asText() + "'"));
    return String.join(", ", out);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  /** The text of a value, or null when it is absent, null or blank. */
  static String text(JsonNode v) {
    return v == null || v.isNull() || v.isMissingNode() || v.asText().isBlank() ? null : v.asText();
  }

  private static String orDash(String s) {
    return s == null ? "-" : s;
  }
}
