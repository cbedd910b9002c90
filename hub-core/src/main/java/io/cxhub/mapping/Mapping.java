package io.cxhub.mapping;

import io.cxhub.spi.record.RawRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A compiled mapping of one source stream to taxonomy entities. Immutable and thread-safe: one
 * instance serves every record of its stream, on any number of threads.
 */
public final class Mapping {

  private final String system;
  private final String stream;
  private final Path file;
  private final String text;
  private final EntityMapping[] entities;
  private final List<FieldLineage> lineage;
  private final Set<String> sourcePaths;

  Mapping(String system, String stream, Path file, String text, List<EntityMapping> entities) {
    this.system = system;
    this.stream = stream;
    this.file = file;
    this.text = text;
    this.entities = entities.toArray(EntityMapping[]::new);
    List<FieldLineage> fields = new ArrayList<>();
    Set<String> paths = new LinkedHashSet<>();
    for (EntityMapping entity : entities) {
      paths.add(entity.idPath().toString());
      for (FieldMapping field : entity.fields()) {
        fields.add(new FieldLineage(entity.entity(), field.field().name(), field.paths()));
        paths.addAll(field.paths());
      }
    }
    this.lineage = List.copyOf(fields);
    this.sourcePaths = Collections.unmodifiableSet(paths);
  }

  public String system() {
    return system;
  }

  public String stream() {
    return stream;
  }

  /** The file the mapping was loaded from. */
  public Path file() {
    return file;
  }

  /**
   * The YAML text this mapping was compiled from: proposals quote its values exactly, so that
   * {@link MappingEditor} can tell whether the file changed since.
   */
  public String text() {
    return text;
  }

  /** Taxonomy entities this mapping produces, in file order. */
  public List<String> entities() {
    List<String> names = new ArrayList<>(entities.length);
    for (EntityMapping entity : entities) {
      names.add(entity.entity());
    }
    return names;
  }

  /**
   * Maps one record of this mapping's stream.
   *
   * @throws MappingException when the record cannot be mapped; the caller quarantines it
   * @throws IllegalArgumentException when the record belongs to another stream (a routing bug)
   */
  public MappedRecord map(RawRecord record) {
    if (!system.equals(record.system()) || !stream.equals(record.stream())) {
      throw new IllegalArgumentException("mapping " + system + "/" + stream + " was handed a record of "
          + record.streamKey());
    }
    if (entities.length == 1) {
      return new MappedRecord(record, List.of(entities[0].map(record.payload(), record.sourceId())));
    }
    List<EntityRecord> mapped = new ArrayList<>(entities.length);
    for (EntityMapping entity : entities) {
      mapped.add(entity.map(record.payload(), record.sourceId()));
    }
    return new MappedRecord(record, mapped);
  }

  /** Every payload path the mapping reads, entity ids included. */
  public Set<String> sourcePaths() {
    return sourcePaths;
  }

  /** For each mapped taxonomy field, the payload paths that feed it. */
  public List<FieldLineage> lineage() {
    return lineage;
  }

  /** Taxonomy fields ({@code entity.field}) fed by {@code path}; empty when nothing reads it. */
  public Set<String> fieldsReading(String path) {
    Set<String> fields = new LinkedHashSet<>();
    for (FieldLineage field : lineage) {
      if (field.paths().contains(path)) {
        fields.add(field.entity() + "." + field.field());
      }
    }
    return fields;
  }

  @Override
  public String toString() {
    return "Mapping[" + system + "/" + stream + " from " + file + "]";
  }
}
