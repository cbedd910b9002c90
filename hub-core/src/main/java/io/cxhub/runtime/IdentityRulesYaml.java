package io.cxhub.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.config.ConfigProblemsException;
import io.cxhub.config.Problem;
import io.cxhub.config.YamlDocument;
import io.cxhub.identity.IdentityRules;
import io.cxhub.identity.IdentityRules.KeyRule;
import io.cxhub.identity.IdentityRules.SourceRule;
import io.cxhub.identity.KeyBlockList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code identity} section of a hub.yaml-shaped document (already checked against
 * {@code schema/hub.schema.json}): merge rules per key type and source, and the block list. The
 * hub reads it from hub.yaml; {@code cxhub identity simulate --rules FILE} from a candidate file.
 */
public final class IdentityRulesYaml {

  private IdentityRulesYaml() {}

  /** @throws ConfigProblemsException naming the line of every value the schema cannot catch */
  public static IdentityRules read(YamlDocument doc) {
    JsonNode identity = doc.root().path("identity");
    List<Problem> problems = new ArrayList<>();
    Map<String, KeyRule> keys = new LinkedHashMap<>();
    identity.path("keys").properties().forEach(e -> keys.put(e.getKey(),
        new KeyRule(e.getValue().path("merge").asBoolean(true), e.getValue().path("limit").asInt(0))));
    Map<String, SourceRule> sources = new LinkedHashMap<>();
    identity.path("sources").properties().forEach(e -> sources.put(e.getKey(), new SourceRule(
        e.getValue().hasNonNull("category") ? e.getValue().get("category").asText() : null,
        e.getValue().path("trust").asDouble(1.0))));
    KeyBlockList blocked = blockedKeys(doc, problems);
    if (!problems.isEmpty()) {
      throw new ConfigProblemsException(problems);
    }
    double minMergeTrust = identity.path("minMergeTrust").asDouble(IdentityRules.permissive().minMergeTrust());
    return new IdentityRules(keys, sources, minMergeTrust, blocked);
  }

  /** {@code identity.blockedKeys}, each value checked for the normalized form of its key type. */
  private static KeyBlockList blockedKeys(YamlDocument doc, List<Problem> problems) {
    Map<String, List<String>> byType = new LinkedHashMap<>();
    doc.root().path("identity").path("blockedKeys").properties().forEach(type -> {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < type.getValue().size(); i++) {
        String value = type.getValue().get(i).asText();
        try {
          KeyBlockList.of(Map.of(type.getKey(), List.of(value)));
          values.add(value);
        } catch (IllegalArgumentException e) {
          problems.add(doc.problem("/identity/blockedKeys/" + type.getKey() + "/" + i, e.getMessage()));
        }
      }
      byType.put(type.getKey(), values);
    });
    return KeyBlockList.of(byType);
  }
}
