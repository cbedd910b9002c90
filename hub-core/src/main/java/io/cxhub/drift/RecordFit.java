package io.cxhub.drift;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Whether one record fits a stream's baseline where it matters: on the paths mappings read. Used by
 * the {@code quarantine} and {@code pause} policies on every record, so it only looks up the mapped
 * paths (a handful of hash lookups, like the mapping itself does) and classifies formats only where
 * a changed format would be read silently wrong (dates, epochs). A path the baseline
 * holds in (nearly) every record must be there and, when it was (nearly) never null, not null; a
 * value must have an accepted JSON type and the baseline's format. Paths through arrays and paths
 * the baseline does not know are not checked. Immutable and thread-safe.
 */
public final class RecordFit {

  /**
   * Formats whose change a mapping can read silently wrong (epoch seconds as millis, a date-time as
   * a date). Other format changes either fail the mapping's own transform, which quarantines the
   * record anyway, or change nothing it reads; not classifying them keeps the check cheap.
   */
  private static final Set<ValueFormat> BREAKING_FORMATS = EnumSet.of(ValueFormat.ISO_DATE,
      ValueFormat.ISO_DATE_TIME, ValueFormat.EPOCH_SECONDS, ValueFormat.EPOCH_MILLIS);

  /** One mapped path; {@code types} is a bit set of accepted {@link JsonType} ordinals (0: any). */
  private record Check(String path, String[] keys, FieldExpectation expected, boolean required, boolean nonNull,
      int types, ValueFormat format) {}

  private final int version;
  private final Check[] checks;

  private RecordFit(int version, Check[] checks) {
    this.version = version;
    this.checks = checks;
  }

  /**
   * @param mappedPaths payload paths the stream's mappings read, in mapping syntax ({@code lines[0].amount})
   */
  public static RecordFit of(Baseline baseline, Collection<String> mappedPaths, DriftSettings settings) {
    List<Check> checks = new ArrayList<>();
    for (String mapped : mappedPaths) {
      String path = Paths.fromMapping(mapped);
      FieldExpectation expected = baseline.fields().get(path);
      if (expected == null || path.contains("[")) {
        continue;
      }
      boolean required = expected.presence() != null && expected.presence() >= settings.requiredPresence()
          && withinRequiredParents(baseline, path, settings);
      boolean nonNull = required && expected.nullRate() != null && expected.nullRate() <= settings.lowNullRate();
      ValueFormat format = BREAKING_FORMATS.contains(expected.format()) ? expected.format() : null;
      int types = 0;
      for (JsonType observed : JsonType.values()) {
        if (expected.accepts(observed)) {
          types |= 1 << observed.ordinal();
        }
      }
      // interned like Jackson's own property names, so the lookups' equals is mostly an identity check
      String[] keys = java.util.Arrays.stream(path.split("\\.")).map(String::intern).toArray(String[]::new);
      checks.add(new Check(path, keys, expected, required, nonNull, types, format));
    }
    return new RecordFit(baseline.version(), checks.toArray(new Check[0]));
  }

  /** Why {@code payload} does not fit, or null when it does. */
  public String misfit(JsonNode payload) {
    for (Check check : checks) {
      JsonNode value = payload.get(check.keys[0]);
      for (int i = 1; i < check.keys.length && value != null; i++) {
        value = value.isObject() ? value.get(check.keys[i]) : null;
      }
      if (value == null || value.isMissingNode()) {
        if (check.required) {
          return "field '" + check.path + "' is missing; baseline v" + version + " has it in "
              + percent(check.expected.presence()) + " of records";
        }
        continue;
      }
      if (value.isNull()) {
        if (check.nonNull) {
          return "field '" + check.path + "' is null; baseline v" + version + " has it null in "
              + percent(check.expected.nullRate()) + " of records";
        }
        continue;
      }
      JsonType type = JsonType.of(value);
      if (check.types != 0 && (check.types & (1 << type.ordinal())) == 0) {
        return "field '" + check.path + "' is " + type.label() + "; baseline v" + version + " expects "
            + String.join(" or ", check.expected.types().stream().map(JsonType::label).sorted().toList());
      }
      if (check.format != null && Formats.of(value) != check.format) {
        return "field '" + check.path + "' is not " + check.format.spec() + " (" + Masker.mask(value.asText())
            + "); baseline v" + version + " has " + check.format.spec() + " values";
      }
    }
    return null;
  }

  /** Paths checked, for tests and the stream's status. */
  public List<String> checkedPaths() {
    return java.util.Arrays.stream(checks).map(Check::path).toList();
  }

  /** A nested path is required only when each parent is required too. */
  private static boolean withinRequiredParents(Baseline baseline, String path, DriftSettings settings) {
    for (String parent = Paths.parent(path); !parent.isEmpty(); parent = Paths.parent(parent)) {
      FieldExpectation expected = baseline.fields().get(parent);
      if (expected == null || expected.presence() == null || expected.presence() < settings.requiredPresence()) {
        return false;
      }
    }
    return true;
  }

  private static String percent(Double share) {
    return share == null ? "?" : Math.round(share * 100) + "%";
  }
}
