package io.cxhub.drift;

import io.cxhub.spi.connector.FieldSpec;
import io.cxhub.spi.connector.StreamSpec;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one stream is expected to look like: declared by the connector ({@link #declared}), learned
 * from its first records ({@link #learned}), or a window accepted as the new normal
 * ({@link #accept}, which bumps the version). Immutable; a Jackson-friendly record.
 *
 * @param system source system
 * @param stream stream
 * @param version 1 for the first baseline, +1 per accepted change
 * @param origin how it came about
 * @param createdAt when this version was made
 * @param salt salt of the value hashes; windows compared with this baseline must use it
 * @param records records it was learned from (0 when only declared)
 * @param fields expectations per path
 */
public record Baseline(
    String system,
    String stream,
    int version,
    Origin origin,
    Instant createdAt,
    long salt,
    long records,
    Map<String, FieldExpectation> fields) {

  /** How a baseline version came about. */
  public enum Origin { DECLARED, LEARNED, ACCEPTED }

  public Baseline {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /**
   * Version 1 from the connector's expected schema. Parents implied by a path ({@code address} for
   * {@code address.city}, {@code lines} and {@code lines[]} for {@code lines[].amount}) are added.
   *
   * @throws IllegalArgumentException for an unknown type or format, naming the field
   */
  public static Baseline declared(String system, StreamSpec spec, Instant now) {
    Map<String, FieldExpectation> fields = new LinkedHashMap<>();
    for (FieldSpec field : spec.fields()) {
      try {
        addParents(fields, field.path());
        fields.put(field.path(), new FieldExpectation(field.path(), EnumSet.of(JsonType.fromSpec(field.type())),
            field.format() == null ? null : ValueFormat.fromSpec(field.format()), field.nullable(),
            field.nullable() ? null : 1.0, field.nullable() ? null : 0.0, null, null, List.of(), true));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("stream " + system + "/" + spec.name() + ", field '" + field.path()
            + "': " + e.getMessage(), e);
      }
    }
    return new Baseline(system, spec.name(), 1, Origin.DECLARED, now, new SecureRandom().nextLong(), 0, fields);
  }

  /** Version 1 from a learning window (observed with {@link SchemaObserver#learning}). */
  public static Baseline learned(StreamProfile window, DriftSettings settings, Instant now) {
    return fromWindow(window, settings, 1, Origin.LEARNED, now);
  }

  /** The next version: {@code window} accepted as the stream's new normal. */
  public Baseline accept(StreamProfile window, DriftSettings settings, Instant now) {
    requireSameStream(window);
    return fromWindow(window, settings, version + 1, Origin.ACCEPTED, now);
  }

  /**
   * The next version with one drift accepted: the expectations of {@code paths} (a drift's old and
   * new fields, and everything under them) are taken from {@code window}, or dropped where the
   * window no longer has them; every other expectation stays, so accepting one alert does not
   * silently accept the other drifts of the same window.
   */
  public Baseline acceptChange(StreamProfile window, java.util.Collection<String> paths, DriftSettings settings,
      Instant now) {
    requireSameStream(window);
    Map<String, FieldExpectation> next = new LinkedHashMap<>();
    for (FieldExpectation expected : fields.values()) {
      if (!within(expected.path(), paths)) {
        next.put(expected.path(), expected);
      }
    }
    for (FieldProfile seen : window.fields().values()) {
      if (within(seen.path(), paths) && seen.present() > 0) {
        next.put(seen.path(), FieldExpectation.observed(seen, settings, false));
      }
    }
    return new Baseline(system, stream, version + 1, Origin.ACCEPTED, now, salt, window.records(), next);
  }

  private static boolean within(String path, java.util.Collection<String> roots) {
    for (String root : roots) {
      if (Paths.within(path, root)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A declared baseline completed with what the first records showed (presence, null rate, enum
   * values, value hashes, examples); declared types, formats and nullability stay where the first
   * records agree with them. Where the records contradict them (a connector declares phones and the
   * source sends {@code tel:} URIs), the records win: drift is a change from what the stream did at
   * first, and an alert on every window for what never changed helps nobody. Fields the
   * connector did not declare but the first records carry are added as observed: a connector
   * declares the fields it relies on, not every field of the source's payload, so they are the
   * source's normal rather than drift. Same version.
   */
  public Baseline refine(StreamProfile window, DriftSettings settings) {
    requireSameStream(window);
    Map<String, FieldExpectation> refined = new LinkedHashMap<>();
    for (FieldExpectation declared : fields.values()) {
      FieldProfile seen = window.fields().get(declared.path());
      if (seen == null) {
        refined.put(declared.path(), declared);
        continue;
      }
      FieldExpectation observed = FieldExpectation.observed(seen, settings, declared.declared());
      boolean typesAgree = observed.types().stream().allMatch(declared::accepts);
      boolean formatAgrees = observed.format() == null || observed.format() == declared.format();
      refined.put(declared.path(), new FieldExpectation(declared.path(),
          declared.types().isEmpty() || !typesAgree ? observed.types() : declared.types(),
          declared.format() == null || !formatAgrees ? observed.format() : declared.format(), declared.nullable(),
          observed.presence(), observed.nullRate(), observed.enumValues(), observed.valueHashes(),
          observed.examples(), declared.declared()));
    }
    for (FieldProfile seen : window.fields().values()) {
      if (!refined.containsKey(seen.path()) && seen.present() > 0) {
        refined.put(seen.path(), FieldExpectation.observed(seen, settings, false));
      }
    }
    return new Baseline(system, stream, version, origin, createdAt, salt, records + window.records(), refined);
  }

  private static Baseline fromWindow(StreamProfile window, DriftSettings settings, int version, Origin origin,
      Instant now) {
    Map<String, FieldExpectation> fields = new LinkedHashMap<>();
    for (FieldProfile field : window.fields().values()) {
      fields.put(field.path(), FieldExpectation.observed(field, settings, false));
    }
    return new Baseline(window.system(), window.stream(), version, origin, now, window.salt(), window.records(),
        fields);
  }

  private void requireSameStream(StreamProfile window) {
    if (!system.equals(window.system()) || !stream.equals(window.stream()) || salt != window.salt()) {
      throw new IllegalArgumentException("window of " + window.system() + "/" + window.stream()
          + " was not observed against baseline " + system + "/" + stream + " v" + version
          + " (other stream or other salt)");
    }
  }

  private static void addParents(Map<String, FieldExpectation> fields, String path) {
    String parent = Paths.parent(path);
    if (parent.isEmpty() || fields.containsKey(parent)) {
      return;
    }
    addParents(fields, parent);
    JsonType type = path.endsWith("[]") ? JsonType.ARRAY : JsonType.OBJECT;
    fields.put(parent, new FieldExpectation(parent, Set.of(type), null, true, null, null, null, null, List.of(), true));
  }
}
