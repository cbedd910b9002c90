package io.cxhub.drift;

import io.cxhub.mapping.MappingEdit;
import io.cxhub.mapping.FieldLineage;
import io.cxhub.mapping.Mapping;
import io.cxhub.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Severity and affected mappings of drifts, from the mappings of one stream: a drift is
 * {@link Severity#BREAKING} iff a mapping reads an affected (old) path or a path under it; stream
 * silence and volume drops affect every mapping of the stream. Proposals come from
 * {@link MappingProposals}, as text and as {@link MappingEdit}s. Immutable and thread-safe.
 */
public final class Lineage {

  private final List<Mapping> mappings;
  private final MappingProposals proposals;
  private final java.nio.file.Path base;

  /**
   * @param mappings the mappings reading the stream (usually one, from {@code MappingRegistry.find})
   * @param taxonomy the taxonomy, to tailor format proposals to the target field's type; may be null
   */
  public Lineage(Collection<Mapping> mappings, Taxonomy taxonomy) {
    this(mappings, taxonomy, null);
  }

  /**
   * @param base mapping files are named relative to it ({@code mappings/crm/contacts.yaml} under the
   *     configuration tree), as people know them; null for their paths as loaded
   */
  public Lineage(Collection<Mapping> mappings, Taxonomy taxonomy, java.nio.file.Path base) {
    this.mappings = List.copyOf(mappings);
    this.proposals = new MappingProposals(taxonomy);
    this.base = base == null ? null : base.toAbsolutePath().normalize();
  }

  /** No mapping reads the stream: every drift is {@link Severity#INFO}. */
  public static Lineage none() {
    return new Lineage(List.of(), null);
  }

  /** {@code drift} with severity, affected mappings and, where one applies, a mapping proposal. */
  public Drift assess(Drift drift) {
    boolean wholeStream = drift.kind() == DriftKind.STREAM_SILENT || drift.kind() == DriftKind.VOLUME_DROP;
    List<AffectedMapping> affected = new ArrayList<>();
    List<String> patches = new ArrayList<>();
    List<MappingEdit> edits = new ArrayList<>();
    for (Mapping mapping : mappings) {
      Set<String> paths = new LinkedHashSet<>();
      Set<String> fields = new LinkedHashSet<>();
      List<FieldLineage> reading = new ArrayList<>();
      for (String path : mapping.sourcePaths()) {
        if (wholeStream || reads(path, drift.oldFields())) {
          paths.add(path);
        }
      }
      for (FieldLineage field : mapping.lineage()) {
        for (String path : field.paths()) {
          if (wholeStream || reads(path, drift.oldFields())) {
            fields.add(field.entity() + "." + field.field());
            reading.add(field);
            break;
          }
        }
      }
      if (paths.isEmpty()) {
        continue;
      }
      String file = mapping.file() == null ? mapping.system() + "/" + mapping.stream() : name(mapping.file());
      affected.add(new AffectedMapping(file, List.copyOf(paths), List.copyOf(fields)));
      if (!wholeStream) {
        proposals.propose(drift, mapping, file, reading).ifPresent(proposal -> {
          patches.add(proposal.text());
          edits.addAll(proposal.edits());
        });
      }
    }
    Severity severity = affected.isEmpty() ? Severity.INFO : Severity.BREAKING;
    return drift.assessed(severity, affected, patches.isEmpty() ? null : String.join("\n", patches), edits);
  }

  private static boolean reads(String mappingPath, List<String> affected) {
    String path = Paths.fromMapping(mappingPath);
    for (String field : affected) {
      if (Paths.within(path, field)) {
        return true;
      }
    }
    return false;
  }

  private String name(java.nio.file.Path file) {
    java.nio.file.Path absolute = file.toAbsolutePath().normalize();
    return base != null && absolute.startsWith(base) ? base.relativize(absolute).toString() : file.toString();
  }
}
