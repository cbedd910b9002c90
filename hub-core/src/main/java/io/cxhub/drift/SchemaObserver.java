package io.cxhub.drift;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hot path: observes every record of one stream into the current window's {@link StreamProfile}.
 *
 * <p>{@link #observe} walks the already-parsed Jackson tree once. Paths live in a trie whose nodes
 * are created once per window, each with its path string; a node remembers its children in the
 * order they first came, and since a source sends its keys in a stable order (and Jackson hands
 * out canonical key strings) a child is usually found by one identity comparison, without hashing.
 *
 * <p>The first {@link DriftSettings#analyseRecords()} records of each window are all observed;
 * after that one record in {@link DriftSettings#observeEvery()} is, because even a bare walk of a
 * Jackson tree costs more than the 10 % of a parse the check may cost (BENCHMARKS.md): rates come
 * from the sample and counts are scaled ({@link StreamProfile#seen()}). An observed record counts
 * presence, nulls and JSON types per path and the values of low-cardinality strings (enum
 * tracking). Format classification, value hashes for value matching and examples are taken from
 * <em>analysed</em> records: the first {@link DriftSettings#analyseRecords()}, then one in
 * {@link DriftSettings#analyseEvery()}. With a record key ({@link #observe(String, JsonNode)}, the
 * source id) both choices are made by the key's hash, so the baseline and later windows look at the
 * same records, which keeps value matching (rename, split, merge) sound for revisited records.
 * Fields the baseline does not know also collect split and merge evidence in analysed records, for
 * at most {@link DriftSettings#valueMatchRecords()} records per window.
 *
 * <p>Threading: {@link #observe}, {@link #snapshot} and {@link #rotate} are synchronized; the
 * intended use is one stage thread calling {@code observe} per record (uncontended lock) and a
 * periodic job calling {@code rotate} and handing the window to {@link DriftDetector}.
 */
public final class SchemaObserver {

  /** Separators tried when new fields may be the parts of a removed one. */
  static final String[] SPLIT_SEPARATORS = {" ", "", ", ", "-"};
  /** Separators at which a new field's values are cut to look for merged fields ("" cannot be cut). */
  static final String[] MERGE_SEPARATORS = {" ", ", ", "-"};
  private static final int MAX_CUTS = 3;
  private static final int MAX_PENDING = 8;

  private final String system;
  private final String stream;
  private final long salt;
  private final Baseline baseline;
  private final DriftSettings settings;
  private final Clock clock;

  private PathNode root;
  private Instant windowStart;
  /** Records offered in this window. */
  private long seen;
  /** Records observed in this window. */
  private long records;
  private int paths;
  private long untracked;
  private long matchRecords;
  private boolean analyse;
  private boolean collecting;
  private boolean sawNew;
  private int pending;
  private final PathNode[] pendingNodes = new PathNode[MAX_PENDING];
  private final JsonNode[] pendingValues = new JsonNode[MAX_PENDING];

  private SchemaObserver(String system, String stream, long salt, Baseline baseline, DriftSettings settings,
      Clock clock) {
    this.system = system;
    this.stream = stream;
    this.salt = salt;
    this.baseline = baseline;
    this.settings = settings;
    this.clock = clock;
    reset();
  }

  /** An observer for a stream without a baseline yet: its window becomes the learned baseline. */
  public static SchemaObserver learning(String system, String stream, DriftSettings settings, Clock clock) {
    return new SchemaObserver(system, stream, new SecureRandom().nextLong(), null, settings, clock);
  }

  /** An observer whose windows are compared with {@code baseline} (and hashed with its salt). */
  public static SchemaObserver against(Baseline baseline, DriftSettings settings, Clock clock) {
    return new SchemaObserver(baseline.system(), baseline.stream(), baseline.salt(), baseline, settings, clock);
  }

  /**
   * Offers one record's payload; observed and analysed records are picked by count. Never throws
   * on odd payloads: a non-object payload only counts.
   */
  public synchronized void observe(JsonNode payload) {
    long n = ++seen;
    if (n <= settings.analyseRecords()) {
      observe(true, payload);
    } else if ((n & (settings.observeEvery() - 1)) == 0) {
      observe((n & (settings.analyseEvery() - 1)) == 0, payload);
    }
  }

  /**
   * Offers one record's payload; observed and analysed records are picked by {@code key} (the
   * record's source id), so that the same records are looked at in every window.
   */
  public synchronized void observe(String key, JsonNode payload) {
    long n = ++seen;
    if (n <= settings.analyseRecords()) {
      observe(true, payload);
      return;
    }
    int spread = (key.hashCode() * 0x9E3779B9) >>> 16;
    if ((spread & (settings.observeEvery() - 1)) == 0) {
      observe((spread & (settings.analyseEvery() - 1)) == 0, payload);
    }
  }

  private void observe(boolean analyse, JsonNode payload) {
    long record = ++records;
    root.stats.present(record);
    root.stats.container(record);
    this.analyse = analyse;
    pending = 0;
    sawNew = false;
    collecting = analyse && baseline != null && matchRecords < settings.valueMatchRecords();
    if (payload != null && payload.isObject()) {
      walkObject(root, payload, record, false);
    }
    if (sawNew) {
      matchRecords++;
      if (pending >= 2) {
        concatenate();
      }
    }
  }

  /** Records offered in the current window (observed or not). */
  public synchronized long windowRecords() {
    return seen;
  }

  /** When the current window opened. */
  public synchronized Instant windowStart() {
    return windowStart;
  }

  /** The current window, which goes on. */
  public synchronized StreamProfile snapshot() {
    Map<String, FieldProfile> fields = new LinkedHashMap<>();
    List<ConcatEvidence> concatenations = new ArrayList<>();
    List<PartsEvidence> parts = new ArrayList<>();
    collect(root, fields, concatenations, parts);
    return new StreamProfile(system, stream, salt, windowStart, clock.instant(), seen, records, untracked, fields,
        concatenations, parts);
  }

  /** The current window; a new, empty one starts. */
  public synchronized StreamProfile rotate() {
    StreamProfile window = snapshot();
    reset();
    return window;
  }

  private void reset() {
    root = new PathNode(null, "", null, true);
    windowStart = clock.instant();
    seen = 0;
    records = 0;
    paths = 0;
    untracked = 0;
    matchRecords = 0;
  }

  private void walkObject(PathNode parent, JsonNode object, long record, boolean inArray) {
    Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
    int position = 0;
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      PathNode child = parent.child(position++, field.getKey());
      if (child == null) {
        untracked++;
      } else {
        visit(child, field.getValue(), record, inArray);
      }
    }
  }

  private void visit(PathNode node, JsonNode value, long record, boolean inArray) {
    FieldStats stats = node.stats;
    stats.present(record);
    switch (value.getNodeType()) {
      case NULL, MISSING -> stats.nullValue();
      case STRING -> {
        String text = value.textValue();
        stats.typed(JsonType.STRING);
        stats.string(text, analyse, node.enumInBaseline, salt);
        if (collecting && !node.known) {
          sawNew = true;
          cut(node, text);
          pend(node, value, inArray);
        }
      }
      case NUMBER -> {
        stats.typed(value.isIntegralNumber() ? JsonType.INTEGER : JsonType.NUMBER);
        if (analyse) {
          if (value.isIntegralNumber() && value.canConvertToLong()) {
            long number = value.longValue();
            stats.number(Formats.ofEpoch(number), ValueHash.decimal(number), value, salt);
          } else {
            stats.number(ValueFormat.NONE, value.asText().hashCode(), value, salt);
          }
        } else {
          stats.number();
        }
        if (collecting && !node.known) {
          sawNew = true;
          pend(node, value, inArray);
        }
      }
      case BOOLEAN -> {
        stats.typed(JsonType.BOOLEAN);
        stats.other();
      }
      case OBJECT -> {
        stats.typed(JsonType.OBJECT);
        stats.container(record);
        walkObject(node, value, record, inArray);
      }
      case ARRAY -> {
        stats.typed(JsonType.ARRAY);
        stats.container(record);
        PathNode elements = node.elements();
        if (elements == null) {
          untracked += value.size();
        } else {
          for (int i = 0, n = value.size(); i < n; i++) {
            visit(elements, value.get(i), record, true);
          }
        }
      }
      default -> {
        stats.typed(JsonType.of(value));
        stats.container(record);
      }
    }
  }

  private void pend(PathNode node, JsonNode value, boolean inArray) {
    if (!inArray && pending < MAX_PENDING) {
      pendingNodes[pending] = node;
      pendingValues[pending] = value;
      pending++;
    }
  }

  /** Split evidence: every ordered pair of this record's new scalars, joined by each separator. */
  private void concatenate() {
    for (int i = 0; i < pending; i++) {
      int first = textHash(pendingValues[i]);
      for (int j = 0; j < pending; j++) {
        if (i == j) {
          continue;
        }
        int second = textHash(pendingValues[j]);
        int length = textLength(pendingValues[j]);
        HashSketch[] sketches = pendingNodes[i].concatWith(pendingNodes[j]);
        for (int s = 0; s < SPLIT_SEPARATORS.length; s++) {
          sketches[s].add(ValueHash.salted(salt, ValueHash.concat(first, SPLIT_SEPARATORS[s], second, length)));
        }
      }
    }
    for (int i = 0; i < pending; i++) {
      pendingValues[i] = null;
    }
  }

  private static int textHash(JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return ValueHash.decimal(value.longValue());
    }
    return value.isTextual() ? value.textValue().hashCode() : value.asText().hashCode();
  }

  private static int textLength(JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return ValueHash.decimalLength(value.longValue());
    }
    return value.isTextual() ? value.textValue().length() : value.asText().length();
  }

  /** Merge evidence: the parts of a new string value around each separator. */
  private void cut(PathNode node, String text) {
    for (int s = 0; s < MERGE_SEPARATORS.length; s++) {
      String separator = MERGE_SEPARATORS[s];
      int at = text.indexOf(separator);
      for (int cuts = 0; at > 0 && cuts < MAX_CUTS; cuts++) {
        HashSketch[] sketches = node.parts();
        sketches[2 * s].add(ValueHash.salted(salt, ValueHash.range(text, 0, at)));
        sketches[2 * s + 1].add(ValueHash.salted(salt, ValueHash.range(text, at + separator.length(), text.length())));
        at = text.indexOf(separator, at + separator.length());
      }
    }
  }

  private void collect(PathNode node, Map<String, FieldProfile> fields, List<ConcatEvidence> concatenations,
      List<PartsEvidence> parts) {
    if (node.parent != null) {
      fields.put(node.path, node.stats.snapshot(node.path, node.parent.stats.containers, salt));
      if (node.concat != null) {
        for (Map.Entry<PathNode, HashSketch[]> pair : node.concat.entrySet()) {
          for (int s = 0; s < SPLIT_SEPARATORS.length; s++) {
            concatenations.add(new ConcatEvidence(node.path, pair.getKey().path, SPLIT_SEPARATORS[s],
                pair.getValue()[s].toArray()));
          }
        }
      }
      if (node.parts != null) {
        for (int s = 0; s < MERGE_SEPARATORS.length; s++) {
          if (node.parts[2 * s].size() > 0) {
            parts.add(new PartsEvidence(node.path, MERGE_SEPARATORS[s], node.parts[2 * s].toArray(),
                node.parts[2 * s + 1].toArray()));
          }
        }
      }
    }
    if (node.children != null) {
      for (PathNode child : node.children.values()) {
        collect(child, fields, concatenations, parts);
      }
    }
    if (node.elements != null) {
      collect(node.elements, fields, concatenations, parts);
    }
  }

  /** One path of the trie, with its counters. */
  private final class PathNode {

    final String key;
    final String path;
    final PathNode parent;
    final boolean known;
    /** Whether every value is checked against the enum values (the baseline knows the field as an enum, or is being learned). */
    final boolean enumInBaseline;
    final FieldStats stats = new FieldStats(settings);
    Map<String, PathNode> children;
    /** Children in the order they first came. */
    PathNode[] order;
    PathNode elements;
    IdentityHashMap<PathNode, HashSketch[]> concat;
    HashSketch[] parts;

    PathNode(String key, String path, PathNode parent, boolean known) {
      this.key = key;
      this.path = path;
      this.parent = parent;
      this.known = known;
      FieldExpectation expected = baseline == null ? null : baseline.fields().get(path);
      this.enumInBaseline = baseline == null || (expected != null && expected.enumValues() != null);
    }

    /** The child for {@code name}, the {@code position}-th key of its object; null beyond the path cap. */
    PathNode child(int position, String name) {
      if (order != null && position < order.length) {
        PathNode expected = order[position];
        if (expected != null && (expected.key == name || expected.key.equals(name))) {
          return expected;
        }
      }
      if (children == null) {
        children = new LinkedHashMap<>();
        order = new PathNode[8];
      }
      PathNode child = children.get(name);
      if (child == null) {
        child = create(name, path.isEmpty() ? name : path + "." + name);
        if (child == null) {
          return null;
        }
        children.put(name, child);
        if (position >= order.length && position < 256) {
          order = Arrays.copyOf(order, Math.max(position + 1, 2 * order.length));
        }
        if (position < order.length && order[position] == null) {
          order[position] = child;
        }
      }
      return child;
    }

    PathNode elements() {
      if (elements == null) {
        elements = create(null, path + "[]");
      }
      return elements;
    }

    private PathNode create(String childKey, String childPath) {
      if (paths >= settings.maxPaths()) {
        return null;
      }
      paths++;
      return new PathNode(childKey, childPath, this, baseline == null || baseline.fields().containsKey(childPath));
    }

    HashSketch[] concatWith(PathNode other) {
      if (concat == null) {
        concat = new IdentityHashMap<>();
      }
      HashSketch[] sketches = concat.get(other);
      if (sketches == null) {
        sketches = new HashSketch[SPLIT_SEPARATORS.length];
        for (int s = 0; s < sketches.length; s++) {
          sketches[s] = new HashSketch(settings.sketchSize());
        }
        concat.put(other, sketches);
      }
      return sketches;
    }

    HashSketch[] parts() {
      if (parts == null) {
        parts = new HashSketch[2 * MERGE_SEPARATORS.length];
        for (int s = 0; s < parts.length; s++) {
          parts[s] = new HashSketch(settings.sketchSize());
        }
      }
      return parts;
    }
  }
}
