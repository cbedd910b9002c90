package io.cxhub.drift;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compares a window ({@link SchemaObserver#rotate}) with the stream's {@link Baseline} and names
 * every difference once: a field explained by a rename, split or merge is not also reported as
 * added or removed (nor, in the window in which the source changed, as partly absent), the
 * children of a field whose type changed are not reported apart, and only the topmost of a
 * removed or added subtree is reported. Every judgement needs a rate and a
 * minimum count ({@link DriftSettings}). Stateless and thread-safe; meant for a periodic job.
 */
public final class DriftDetector {

  /** Values a field needs in the window before its type, format or enum values are judged. */
  private static final int MIN_VALUES = 5;

  private final DriftSettings settings;
  private final ValueMatcher matcher;

  public DriftDetector(DriftSettings settings) {
    this.settings = settings;
    this.matcher = new ValueMatcher(settings);
  }

  /** The drifts of {@code window}, assessed against {@code lineage}. */
  public List<Drift> detect(Baseline baseline, StreamProfile window, Lineage lineage) {
    List<Drift> drifts = new ArrayList<>();
    for (Drift drift : detect(baseline, window)) {
      drifts.add(lineage.assess(drift));
    }
    return drifts;
  }

  /**
   * The drifts of {@code window}, all {@link Severity#INFO} until assessed.
   *
   * @throws IllegalArgumentException when the window belongs to another stream or was hashed with another salt
   */
  public List<Drift> detect(Baseline baseline, StreamProfile window) {
    if (!baseline.system().equals(window.system()) || !baseline.stream().equals(window.stream())
        || baseline.salt() != window.salt()) {
      throw new IllegalArgumentException("window of " + window.system() + "/" + window.stream()
          + " cannot be compared with baseline " + baseline.system() + "/" + baseline.stream() + " v"
          + baseline.version() + ": observe it with SchemaObserver.against(baseline)");
    }
    List<Drift> drifts = new ArrayList<>();
    Set<String> reshaped = new HashSet<>();
    for (FieldExpectation expected : baseline.fields().values()) {
      FieldProfile seen = window.fields().get(expected.path());
      if (seen != null) {
        changes(window, expected, seen, reshaped, drifts);
      }
    }
    List<FieldExpectation> removed = new ArrayList<>();
    List<FieldExpectation> going = new ArrayList<>();
    for (FieldExpectation expected : baseline.fields().values()) {
      if (!under(expected.path(), reshaped) && isRemoved(expected, window)) {
        removed.add(expected);
      } else if (!under(expected.path(), reshaped) && isGoing(expected, window)) {
        going.add(expected);
      }
    }
    Map<String, FieldProfile> added = new LinkedHashMap<>();
    for (FieldProfile seen : window.fields().values()) {
      if (!baseline.fields().containsKey(seen.path()) && seen.present() > 0 && !under(seen.path(), reshaped)) {
        added.put(seen.path(), seen);
      }
    }
    Set<String> consumedOld = new HashSet<>();
    Set<String> consumedNew = new HashSet<>();
    List<FieldExpectation> matchable = Stream.concat(removed.stream(), going.stream())
        .filter(field -> field.valueHashes().length > 0).toList();
    drifts.addAll(matcher.match(window, matchable, added, consumedOld, consumedNew));
    // a field going while new ones take its values is that rename, split or merge, not a nullability change
    drifts.removeIf(drift -> drift.kind() == DriftKind.NULLABILITY_CHANGED
        && consumedOld.contains(drift.oldFields().get(0)));
    Set<String> removedPaths = new HashSet<>();
    removed.forEach(field -> removedPaths.add(field.path()));
    for (FieldExpectation field : removed) {
      if (!consumedOld.contains(field.path()) && !removedPaths.contains(Paths.parent(field.path()))) {
        long parentRecords = parentRecords(field.path(), window);
        long absent = parentRecords - window.field(field.path()).map(FieldProfile::present).orElse(0L);
        drifts.add(Drift.of(window, DriftKind.FIELD_REMOVED, List.of(field.path()), List.of(),
            new Evidence(absent, window.records(), field.summary(), "absent from " + absent + " of " + parentRecords
                + " records", null, null, null, null, null, field.examples(), List.of(), null, window.from(),
                window.to())));
      }
    }
    for (FieldProfile field : added.values()) {
      if (!consumedNew.contains(field.path()) && !added.containsKey(Paths.parent(field.path()))
          && !explained(field.path(), added, consumedNew)) {
        drifts.add(Drift.of(window, DriftKind.FIELD_ADDED, List.of(), List.of(field.path()),
            new Evidence(field.present(), window.records(), "absent", field.summary(settings.dominantShare()),
                null, null, null, null, null, List.of(), field.examples(), null, window.from(), window.to())));
      }
    }
    drifts.replaceAll(drift -> drift.scaledTo(window));
    return drifts;
  }

  /** Type, format, nullability and enum changes of a field both sides have. */
  private void changes(StreamProfile window, FieldExpectation expected, FieldProfile seen, Set<String> reshaped,
      List<Drift> drifts) {
    long typed = 0;
    for (long count : seen.types().values()) {
      typed += count;
    }
    JsonType type = seen.dominantType(settings.dominantShare());
    ValueFormat format = seen.values() >= MIN_VALUES ? seen.dominantFormat(settings.dominantShare()) : null;
    ValueFormat before = expected.format();
    boolean typeChanged = typed >= MIN_VALUES && type != null && !expected.types().isEmpty() && !expected.accepts(type);
    // the old format must have (nearly) gone, not just dipped under the dominant share: a field whose
    // values mix formats (array elements of several kinds) would otherwise flap between windows
    boolean formatChanged = format != null && before != null && format != before
        && seen.formatShare(before) < 1 - settings.dominantShare();
    if (typeChanged && !explainsType(expected, format, type)) {
      if (type == JsonType.OBJECT || type == JsonType.ARRAY || expected.types().contains(JsonType.OBJECT)
          || expected.types().contains(JsonType.ARRAY)) {
        reshaped.add(expected.path());
      }
      drifts.add(changed(window, DriftKind.TYPE_CHANGED, expected, seen, seen.count(type), null, null));
    } else if (typeChanged || formatChanged) {
      drifts.add(changed(window, DriftKind.FORMAT_CHANGED, expected, seen,
          format == null ? seen.count(type) : seen.count(format), before, format == null ? ValueFormat.NONE : format));
    }
    long parentRecords = seen.parentPresent();
    if (expected.nullRate() != null && expected.nullRate() <= settings.lowNullRate()
        && parentRecords >= settings.minRecords() && seen.presence() > settings.absentPresence()
        && seen.nullishRate() >= settings.highNullRate()) {
      long nullish = Math.round(seen.nullishRate() * parentRecords);
      drifts.add(changed(window, DriftKind.NULLABILITY_CHANGED, expected, seen, nullish, null, null));
    }
    if (expected.enumValues() != null && seen.values() >= 1) {
      newEnumValues(window, expected, seen, drifts);
    }
  }

  /**
   * Whether a format change explains the type change: two known formats, a number that was a
   * numeric string, or a numeric string that was a number (an amount in cents that comes as
   * {@code "19.99"}).
   */
  private static boolean explainsType(FieldExpectation expected, ValueFormat after, JsonType type) {
    ValueFormat before = expected.format();
    if (before == null || before == ValueFormat.NONE) {
      return type == JsonType.STRING && (after == ValueFormat.NUMBER_STRING || after == ValueFormat.CURRENCY_AMOUNT)
          && !expected.types().isEmpty() && expected.types().stream()
              .allMatch(t -> t == JsonType.INTEGER || t == JsonType.NUMBER);
    }
    if (after != null && after != ValueFormat.NONE) {
      return true;
    }
    return (before == ValueFormat.NUMBER_STRING || before == ValueFormat.CURRENCY_AMOUNT)
        && (type == JsonType.INTEGER || type == JsonType.NUMBER);
  }

  private void newEnumValues(StreamProfile window, FieldExpectation expected, FieldProfile seen, List<Drift> drifts) {
    List<String> fresh = new ArrayList<>();
    long occurrences = 0;
    if (seen.enumValues() == null) {
      if (!seen.highCardinality()) {
        return;
      }
      fresh.add("more than " + settings.enumCap() + " distinct values");
      occurrences = seen.values();
    } else {
      for (EnumValue value : seen.enumValues()) {
        if (!expected.hasEnumValue(value.hash())) {
          fresh.add(value.label());
          occurrences += value.count();
        }
      }
    }
    if (!fresh.isEmpty()) {
      List<String> known = expected.enumValues().stream().map(EnumValue::label).toList();
      drifts.add(Drift.of(window, DriftKind.ENUM_VALUE_ADDED, List.of(expected.path()), List.of(expected.path()),
          new Evidence(occurrences, window.records(), "values " + known, "new values " + fresh, null, null, null,
              null, null, expected.examples(), seen.examples(), fresh, window.from(), window.to())));
    }
  }

  private Drift changed(StreamProfile window, DriftKind kind, FieldExpectation expected, FieldProfile seen,
      long occurrences, ValueFormat before, ValueFormat after) {
    return Drift.of(window, kind, List.of(expected.path()), List.of(expected.path()),
        new Evidence(occurrences, window.records(), expected.summary(), seen.summary(settings.dominantShare()),
            before, after, null, null, null, expected.examples(), seen.examples(), null, window.from(), window.to()));
  }

  /** A field (nearly) always present in the baseline and (nearly) never in enough window records. */
  private boolean isRemoved(FieldExpectation expected, StreamProfile window) {
    return absentShare(expected, window) >= 1 - settings.absentPresence();
  }

  /**
   * A field (nearly) always present in the baseline and absent from a good part of the window
   * ({@link DriftSettings#highNullRate()}), though not from (nearly) all of it: what a rename, split
   * or merge looks like in the window in which the source changed. Only value matching makes it one.
   */
  private boolean isGoing(FieldExpectation expected, StreamProfile window) {
    return absentShare(expected, window) >= settings.highNullRate();
  }

  /**
   * Share of the window's records (of the field's parent) without a field the baseline has in
   * (nearly) every record; 0 when the field was optional or the window is too small to judge.
   */
  private double absentShare(FieldExpectation expected, StreamProfile window) {
    if (expected.presence() == null || expected.presence() < settings.requiredPresence()) {
      return 0;
    }
    long parentRecords = parentRecords(expected.path(), window);
    if (parentRecords < settings.minRecords()) {
      return 0;
    }
    long present = window.field(expected.path()).map(FieldProfile::present).orElse(0L);
    return (double) (parentRecords - present) / parentRecords;
  }

  /** Window records in which the path's parent held a value (all records for a top-level field). */
  private static long parentRecords(String path, StreamProfile window) {
    String parent = Paths.parent(path);
    if (parent.isEmpty()) {
      return window.records();
    }
    return window.field(parent).map(FieldProfile::containers).orElse(0L);
  }

  private static boolean under(String path, Set<String> ancestors) {
    for (String ancestor : ancestors) {
      if (!path.equals(ancestor) && Paths.within(path, ancestor)) {
        return true;
      }
    }
    return false;
  }

  /** A new container all of whose new descendants a rename, split or merge explains. */
  private static boolean explained(String path, Map<String, FieldProfile> added, Set<String> consumedNew) {
    boolean any = false;
    for (String other : added.keySet()) {
      if (!other.equals(path) && Paths.within(other, path)) {
        if (!consumedNew.contains(other) && added.get(other).matchable()) {
          return false;
        }
        any |= consumedNew.contains(other);
      }
    }
    return any;
  }
}
