package io.cxhub.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxhub.alerts.DriftAlert;
import io.cxhub.drift.AffectedMapping;
import io.cxhub.drift.Evidence;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A notice as a Slack incoming-webhook message: {@code text}, a one-line summary that Slack shows in
 * notifications (and that plain webhook receivers can use alone), and Block Kit {@code blocks}: a header, then
 * sections whose text is mrkdwn, escaped and cut to Slack's limits so that a long proposal or many examples never
 * make Slack refuse the whole message.
 */
final class SlackMessage {

  /** Slack's limits: section text, section field, header text. */
  static final int SECTION_MAX = 3000;
  static final int FIELD_MAX = 2000;
  static final int HEADER_MAX = 150;
  private static final int EXAMPLES = 5;

  private SlackMessage() {}

  static ObjectNode of(Notice notice, ObjectMapper json) {
    ObjectNode message = json.createObjectNode();
    ArrayNode blocks = json.createArrayNode();
    if (notice.kind() == Notice.Kind.OPENED) {
      DriftAlert alert = notice.alerts().get(0);
      message.put("text", cut(summary(alert), SECTION_MAX));
      opened(alert, blocks);
    } else {
      message.put("text", cut(digestTitle(notice) + ": "
          + notice.alerts().stream().map(SlackMessage::summary).collect(Collectors.joining("; ")), SECTION_MAX));
      digest(notice, blocks);
    }
    message.set("blocks", blocks);
    return message;
  }

  /** {@code [BREAKING] FIELD_REMOVED on billing/customers: address (mappings/billing/customers.yaml)}: plain text. */
  static String summary(DriftAlert a) {
    StringBuilder s = new StringBuilder()
        .append('[').append(a.severity()).append("] ").append(a.kind()).append(" on ").append(a.streamKey());
    String fields = fields(a, false);
    if (!fields.isEmpty()) {
      s.append(": ").append(fields);
    }
    if (!a.affected().isEmpty()) {
      s.append(" (").append(a.affected().stream().map(AffectedMapping::file).collect(Collectors.joining(", ")))
          .append(')');
    }
    return s.toString();
  }

  private static void opened(DriftAlert a, ArrayNode blocks) {
    header(blocks, "Drift alert #" + a.id() + ": " + a.kind() + " on " + a.streamKey());
    ObjectNode facts = blocks.addObject().put("type", "section");
    ArrayNode f = facts.putArray("fields");
    field(f, "*Kind*\n" + a.kind());
    field(f, "*Stream*\n" + code(a.streamKey()));
    field(f, "*Severity*\n" + a.severity());
    field(f, "*Status*\n" + a.status());
    field(f, "*Fields (baseline → now)*\n" + orDash(fields(a, true)));
    field(f, "*Occurrences*\n" + occurrences(a));
    field(f, "*First seen*\n" + time(a.firstSeen()));
    field(f, "*Last seen*\n" + time(a.lastSeen()));
    section(blocks, "*Affected mappings*\n" + affected(a));
    if (a.evidence() != null) {
      section(blocks, evidence(a.evidence()));
    }
    if (a.proposal() != null && !a.proposal().isBlank()) {
      String title = "*Proposed mapping change*\n";
      section(blocks, title + codeBlock(a.proposal(), SECTION_MAX - title.length()));
    }
    context(blocks, "Alert #" + a.id() + " · " + code("/api/drift/alerts/" + a.id()) + " · baseline v"
        + a.baselineVersion());
  }

  private static void digest(Notice notice, ArrayNode blocks) {
    header(blocks, digestTitle(notice));
    for (DriftAlert a : notice.alerts()) {
      String fields = fields(a, true);
      section(blocks, "*[" + a.severity() + "] " + a.kind() + "* on " + code(a.streamKey())
          + (fields.isEmpty() ? "" : ": " + fields) + "\n" + occurrences(a) + " · last seen " + time(a.lastSeen())
          + " · alert #" + a.id() + " " + code("/api/drift/alerts/" + a.id()));
    }
    context(blocks, "Alerts that saw more occurrences since the last digest, each listed once with its latest counts.");
  }

  private static String digestTitle(Notice notice) {
    int n = notice.alerts().size();
    return "Drift digest: " + n + (n == 1 ? " alert" : " alerts") + " updated"
        + (notice.parts() > 1 ? " (" + notice.part() + "/" + notice.parts() + ")" : "");
  }

  /**
   * {@code address → street, house_number}. In the plain summary one side alone when the other is empty; in
   * mrkdwn the empty side is a dash, so that a removed field reads differently from an added one. A field that
   * changed in place (type, format) is named once.
   */
  private static String fields(DriftAlert a, boolean mrkdwn) {
    if (a.fields() == null) {
      return "";
    }
    String old = list(a.fields().old(), mrkdwn);
    String now = list(a.fields().now(), mrkdwn);
    if (old.equals(now) || (old.isEmpty() && now.isEmpty())) {
      return old;
    }
    if (!mrkdwn && (old.isEmpty() || now.isEmpty())) {
      return old.isEmpty() ? now : old;
    }
    return orDash(old) + " → " + orDash(now);
  }

  private static String list(List<String> paths, boolean mrkdwn) {
    return paths.stream().map(p -> mrkdwn ? code(p) : p).collect(Collectors.joining(", "));
  }

  private static String affected(DriftAlert a) {
    if (a.affected().isEmpty()) {
      return "_No mapping reads these fields._";
    }
    List<String> lines = new ArrayList<>();
    for (AffectedMapping m : a.affected()) {
      lines.add("• " + code(m.file()) + " reads " + list(m.paths(), true)
          + (m.taxonomyFields().isEmpty() ? "" : " → " + String.join(", ", escape(m.taxonomyFields()))));
    }
    return String.join("\n", lines);
  }

  private static String evidence(Evidence e) {
    List<String> lines = new ArrayList<>();
    lines.add("*Evidence* (latest window: " + count(e.occurrences()) + " of " + count(e.windowRecords())
        + " records)");
    if (e.before() != null) {
      lines.add("before: " + escape(e.before()));
    }
    if (e.after() != null) {
      lines.add("after: " + escape(e.after()));
    }
    if (e.formatBefore() != null || e.formatAfter() != null) {
      lines.add("format: " + orDash(e.formatBefore()) + " → " + orDash(e.formatAfter()));
    }
    if (e.matchShare() != null) {
      lines.add(String.format(Locale.ROOT, "values matched: %.0f%%", e.matchShare() * 100)
          + (e.matchSample() == null ? "" : " of " + e.matchSample() + " sampled")
          + (e.separator() == null ? "" : ", joined by " + code(e.separator())));
    }
    examples(lines, "examples before", e.examplesBefore());
    examples(lines, "examples after", e.examplesAfter());
    examples(lines, "new values", e.newValues());
    return String.join("\n", lines);
  }

  private static void examples(List<String> lines, String label, List<String> values) {
    if (!values.isEmpty()) { // already masked by the detector
      lines.add(label + ": " + values.stream().limit(EXAMPLES).map(SlackMessage::code).collect(Collectors.joining(", "))
          + (values.size() > EXAMPLES ? " …" : ""));
    }
  }

  private static String occurrences(DriftAlert a) {
    return count(a.occurrences()) + (a.occurrences() == 1 ? " record" : " records") + " in " + a.windows()
        + (a.windows() == 1 ? " window" : " windows");
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String time(Instant t) {
    return t == null ? "—" : t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String orDash(Object o) {
    return o == null || o.toString().isEmpty() ? "—" : o.toString();
  }

  // --- Block Kit ---

  private static void header(ArrayNode blocks, String text) {
    ObjectNode h = blocks.addObject().put("type", "header");
    h.putObject("text").put("type", "plain_text").put("text", cut(text, HEADER_MAX));
  }

  private static void section(ArrayNode blocks, String mrkdwn) {
    ObjectNode s = blocks.addObject().put("type", "section");
    s.putObject("text").put("type", "mrkdwn").put("text", cut(mrkdwn, SECTION_MAX));
  }

  private static void field(ArrayNode fields, String mrkdwn) {
    fields.addObject().put("type", "mrkdwn").put("text", cut(mrkdwn, FIELD_MAX));
  }

  private static void context(ArrayNode blocks, String mrkdwn) {
    ObjectNode c = blocks.addObject().put("type", "context");
    c.putArray("elements").addObject().put("type", "mrkdwn").put("text", cut(mrkdwn, SECTION_MAX));
  }

  // --- mrkdwn ---

  /** Slack reads {@code <...>} as links and mentions ({@code <!channel>}): source data must not ping anyone. */
  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static List<String> escape(List<String> values) {
    return values.stream().map(SlackMessage::escape).toList();
  }

  private static String code(String s) {
    return "`" + escape(s).replace('`', '\'') + "`";
  }

  /** A fenced block within {@code max} characters, the closing fence kept when the text is cut. */
  private static String codeBlock(String text, int max) {
    String open = "```\n";
    String close = "\n```";
    return open + cut(escape(text.strip()).replace("```", "'''"), max - open.length() - close.length()) + close;
  }

  /** At most {@code max} characters, ending in … when cut (never splitting a surrogate pair). */
  static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = max - 1;
    if (Character.isLowSurrogate(s.charAt(end))) {
      end--;
    }
    return s.substring(0, end) + "…";
  }
}
