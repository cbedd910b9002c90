package io.cxhub.drift;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hot path: observes every record of one stream into the current window's {@link StreamProfile}.
 *
 * <p>{@link #observe} walks the already-parsed Jackson tree once. Paths live in a trie whose nodes
 * are created once per window, each with its path string, so a record costs a map lookup per field
 * (on the key string the tree already holds), a type switch, a character-level format check and a
 * hash per scalar, and no allocation in the steady state. Fields the baseline does not know also
 * collect split and merge evidence (pairwise concatenation hashes, hashes of cut parts), for at
 * most {@link DriftSettings#valueMatchRecords()} records per window.
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
  private long records;
  private int paths;
  private long untracked;
  private long matchRecords;
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

  /** Observes one record's payload. Never throws on odd payloads: a non-object payload only counts. */
  public synchronized void observe(JsonNode payload) {
    long record = ++records;
    root.stats.present(record);
    root.stats.container(record);
    pending = 0;
    sawNew = false;
    collecting = baseline != null && matchRecords < settings.valueMatchRecords();
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

  /** Records observed in the current window. */
  public synchronized long windowRecords() {
    return records;
  }

  /** The current window, which goes on. */
  public synchronized StreamProfile snapshot() {
    Map<String, FieldProfile> fields = new LinkedHashMap<>();
    List<ConcatEvidence> concatenations = new ArrayList<>();
    List<PartsEvidence> parts = new ArrayList<>();
    collect(root, fields, concatenations, parts);
    return new StreamProfile(system, stream, salt, windowStart, clock.instant(), records, untracked, fields,
        concatenations, parts);
  }

  /** The current window; a new, empty one starts. */
  public synchronized StreamProfile rotate() {
    StreamProfile window = snapshot();
    reset();
    return window;
  }

  private void reset() {
    root = new PathNode("", null, true);
    windowStart = clock.instant();
    records = 0;
    paths = 0;
    untracked = 0;
    matchRecords = 0;
  }

  private void walkObject(PathNode parent, JsonNode object, long record, boolean inArray) {
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      PathNode child = parent.child(field.getKey());
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
        stats.scalar(Formats.ofText(text), ValueHash.of(salt, text), value);
        if (!node.known && collecting) {
          sawNew = true;
          cut(node, text);
          pend(node, value, inArray);
        }
      }
      case NUMBER -> {
        boolean whole = value.isIntegralNumber() && value.canConvertToLong();
        stats.typed(value.isIntegralNumber() ? JsonType.INTEGER : JsonType.NUMBER);
        long hash = whole ? ValueHash.ofLong(salt, value.longValue()) : ValueHash.of(salt, value.asText());
        stats.scalar(whole ? Formats.ofEpoch(value.longValue()) : ValueFormat.NONE, hash, value);
        if (!node.known && collecting) {
          sawNew = true;
          pend(node, value, inArray);
        }
      }
      case BOOLEAN -> {
        stats.typed(JsonType.BOOLEAN);
        stats.other(value.asText());
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
      for (int j = 0; j < pending; j++) {
        if (i == j) {
          continue;
        }
        HashSketch[] sketches = pendingNodes[i].concatWith(pendingNodes[j]);
        for (int s = 0; s < SPLIT_SEPARATORS.length; s++) {
          long hash = feedValue(ValueHash.start(salt), pendingValues[i]);
          hash = ValueHash.feedRaw(hash, SPLIT_SEPARATORS[s]);
          hash = feedValue(hash, pendingValues[j]);
          sketches[s].add(ValueHash.finish(hash));
        }
      }
    }
    for (int i = 0; i < pending; i++) {
      pendingValues[i] = null;
    }
  }

  private static long feedValue(long hash, JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return ValueHash.feedLong(hash, value.longValue());
    }
    return ValueHash.feed(hash, value.isTextual() ? value.textValue() : value.asText());
  }

  /** Merge evidence: the parts of a new string value around each separator. */
  private void cut(PathNode node, String text) {
    for (int s = 0; s < MERGE_SEPARATORS.length; s++) {
      String separator = MERGE_SEPARATORS[s];
      int at = text.indexOf(separator);
      for (int cuts = 0; at > 0 && cuts < MAX_CUTS; cuts++) {
        HashSketch[] sketches = node.parts();
        sketches[2 * s].add(ValueHash.finish(ValueHash.feed(ValueHash.start(salt), text, 0, at)));
        sketches[2 * s + 1].add(ValueHash.finish(
            ValueHash.feed(ValueHash.start(salt), text, at + separator.length(), text.length())));
        at = text.indexOf(separator, at + separator.length());
      }
    }
  }

  private void collect(PathNode node, Map<String, FieldProfile> fields, List<ConcatEvidence> concatenations,
      List<PartsEvidence> parts) {
    if (node.parent != null) {
      fields.put(node.path, node.stats.snapshot(node.path, node.parent.stats.containers));
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

    final String path;
    final PathNode parent;
    final boolean known;
    final FieldStats stats = new FieldStats(settings);
    Map<String, PathNode> children;
    PathNode elements;
    IdentityHashMap<PathNode, HashSketch[]> concat;
    HashSketch[] parts;

    PathNode(String path, PathNode parent, boolean known) {
      this.path = path;
      this.parent = parent;
      this.known = known;
    }

    /** The child for {@code key}, created on first sight; null beyond the path cap. */
    PathNode child(String key) {
      if (children == null) {
        children = new LinkedHashMap<>();
      }
      PathNode child = children.get(key);
      if (child == null) {
        child = create(path.isEmpty() ? key : path + "." + key);
        if (child != null) {
          children.put(key, child);
        }
      }
      return child;
    }

    PathNode elements() {
      if (elements == null) {
        elements = create(path + "[]");
      }
      return elements;
    }

    private PathNode create(String childPath) {
      if (paths >= settings.maxPaths()) {
        return null;
      }
      paths++;
      return new PathNode(childPath, this, baseline == null || baseline.fields().containsKey(childPath));
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
