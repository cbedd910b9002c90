package io.cxhub.taxonomy;

import java.util.List;

/**
 * A field's survivorship rule.
 *
 * @param rule the rule
 * @param sourcePriority source systems, highest priority first; non-empty only for
 *     {@link SurvivorshipRule#SOURCE_PRIORITY}
 */
public record Survivorship(SurvivorshipRule rule, List<String> sourcePriority) {

  public Survivorship {
    sourcePriority = List.copyOf(sourcePriority);
  }
}
