package io.cxhub.decisions;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.config.ConfigProblemsException;
import io.cxhub.config.Problem;
import io.cxhub.config.YamlDocument;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@link ContactPolicy} from a YAML block; every key is optional and defaults to {@link
 * ContactPolicy#defaults()}:
 *
 * <pre>
 * contactPolicy:
 *   channelWindow: 24h            # one contact per customer per channel per window
 *   caps:                         # messages across all channels and use cases; [] for none
 *     - { max: 2, per: 48h }
 *   quietHours: { start: "21:00", end: "08:00" }   # null for none
 *   fallbackZone: UTC             # when the profile has no (known) time zone
 *   taskChannels: [crm]           # tasks for people: no caps, no quiet hours
 * </pre>
 *
 * Durations are {@code 30m}, {@code 24h}, {@code 7d} or ISO-8601 ({@code PT24H}). Every problem
 * is reported at once, each with file, line, key, value and what was expected; an unknown key is
 * a problem, not ignored.
 */
public final class ContactPolicyConfig {

  private static final Set<String> KEYS =
      Set.of("channelWindow", "caps", "quietHours", "fallbackZone", "taskChannels");
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*([smhd])");

  private ContactPolicyConfig() {}

  /**
   * The policy at {@code pointer} in the document (the defaults when the node is missing).
   *
   * @throws ConfigProblemsException with every problem found
   */
  public static ContactPolicy read(YamlDocument doc, String pointer) {
    JsonNode node = doc.root().at(pointer);
    ContactPolicy defaults = ContactPolicy.defaults();
    if (node.isMissingNode() || node.isNull()) {
      return defaults;
    }
    List<Problem> problems = new ArrayList<>();
    if (!node.isObject()) {
      throw new ConfigProblemsException(
          List.of(doc.problem(pointer, pointer + " must be a mapping, was " + node)));
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        problems.add(
            doc.problem(
                YamlDocument.child(pointer, key),
                "unknown key " + pointer + "/" + key + "; expected one of " + KEYS));
      }
    }
    Duration window =
        node.has("channelWindow")
            ? duration(doc, YamlDocument.child(pointer, "channelWindow"), problems)
            : defaults.channelWindow();
    List<ContactPolicy.Cap> caps = defaults.caps();
    if (node.has("caps")) {
      caps = caps(doc, YamlDocument.child(pointer, "caps"), problems);
    }
    Optional<ContactPolicy.QuietHours> quiet = defaults.quietHours();
    if (node.has("quietHours")) {
      quiet = quietHours(doc, YamlDocument.child(pointer, "quietHours"), problems);
    }
    ZoneId zone = defaults.fallbackZone();
    if (node.has("fallbackZone")) {
      String at = YamlDocument.child(pointer, "fallbackZone");
      String text = node.get("fallbackZone").asText();
      try {
        zone = ZoneId.of(text);
      } catch (DateTimeException e) {
        problems.add(
            doc.problem(
                at,
                "invalid value '" + text + "' for " + at
                    + ": expected a time-zone id such as UTC or Europe/Paris"));
      }
    }
    Set<String> tasks = defaults.taskChannels();
    if (node.has("taskChannels")) {
      String at = YamlDocument.child(pointer, "taskChannels");
      JsonNode list = node.get("taskChannels");
      if (!list.isArray()) {
        problems.add(doc.problem(at, at + " must be a list of channel ids, was " + list));
      } else {
        tasks = new LinkedHashSet<>();
        for (JsonNode channel : list) {
          tasks.add(channel.asText());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigProblemsException(problems);
    }
    return new ContactPolicy(window, caps, quiet, zone, tasks);
  }

  private static List<ContactPolicy.Cap> caps(YamlDocument doc, String at, List<Problem> problems) {
    JsonNode list = doc.root().at(at);
    List<ContactPolicy.Cap> caps = new ArrayList<>();
    if (!list.isArray()) {
      problems.add(doc.problem(at, at + " must be a list of { max, per }, was " + list));
      return caps;
    }
    for (int i = 0; i < list.size(); i++) {
      String item = YamlDocument.child(at, i);
      JsonNode cap = list.get(i);
      JsonNode max = cap.path("max");
      Duration per = cap.has("per") ? duration(doc, YamlDocument.child(item, "per"), problems) : null;
      if (!cap.has("per")) {
        problems.add(doc.problem(item, item + " needs per (e.g. 48h)"));
      }
      if (!max.canConvertToInt() || !max.isIntegralNumber() || max.asInt() < 1) {
        problems.add(
            doc.problem(
                YamlDocument.child(item, "max"),
                "invalid value " + max + " for " + item + "/max: expected an integer of 1 or more"));
      } else if (per != null) {
        caps.add(new ContactPolicy.Cap(max.asInt(), per));
      }
    }
    return caps;
  }

  private static Optional<ContactPolicy.QuietHours> quietHours(
      YamlDocument doc, String at, List<Problem> problems) {
    JsonNode q = doc.root().at(at);
    if (q.isNull()) {
      return Optional.empty();
    }
    LocalTime start = time(doc, YamlDocument.child(at, "start"), problems);
    LocalTime end = time(doc, YamlDocument.child(at, "end"), problems);
    if (start == null || end == null) {
      return Optional.empty();
    }
    if (start.equals(end)) {
      problems.add(
          doc.problem(at, at + " from " + start + " to " + end + " is empty; use null for none"));
      return Optional.empty();
    }
    return Optional.of(new ContactPolicy.QuietHours(start, end));
  }

  private static LocalTime time(YamlDocument doc, String at, List<Problem> problems) {
    JsonNode node = doc.root().at(at);
    try {
      return LocalTime.parse(node.asText());
    } catch (DateTimeParseException e) {
      problems.add(
          doc.problem(
              at,
              "invalid value '" + (node.isMissingNode() ? "" : node.asText()) + "' for " + at
                  + ": expected a local time HH:MM, e.g. 21:00"));
      return null;
    }
  }

  private static Duration duration(YamlDocument doc, String at, List<Problem> problems) {
    String text = doc.root().at(at).asText().strip();
    Duration d = parseDuration(text);
    if (d == null || d.isZero() || d.isNegative()) {
      problems.add(
          doc.problem(
              at,
              "invalid value '" + text + "' for " + at
                  + ": expected a positive duration such as 30m, 24h, 7d or PT24H"));
      return Duration.ofHours(1); // placeholder; the problem stops the load
    }
    return d;
  }

  static Duration parseDuration(String text) {
    Matcher m = SHORT_DURATION.matcher(text);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
