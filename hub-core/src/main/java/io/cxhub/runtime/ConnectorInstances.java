package io.cxhub.runtime;

import io.cxhub.config.Problem;
import io.cxhub.spi.config.ConfigProblem;
import io.cxhub.spi.connector.Connector;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads {@code routes/*.yaml} (Camel YAML DSL). Connector instances are {@code templatedRoute}
 * entries naming a connector's route template; the hub checks their parameters against the
 * connector's typed configuration, with file and line, before anything starts, and adds the
 * {@code instance} parameter itself. {@code drift} entries set streams' drift policies:
 * <pre>
 * - drift:
 *     system: stripe          # a connector's system, or one fed through POST /api/ingest
 *     policy: warn            # the system's streams (optional)
 *     streams:                # per stream (optional)
 *       customers: quarantine
 *       invoices: pause
 * </pre>
 * Every other entry is plain Camel YAML DSL, handed to Camel.
 */
public final class ConnectorInstances {

  /** One connector instance to create. */
  public record Instance(String routeId, String connectorId, Map<String, String> parameters, Path file, int line) {}

  /** Everything read from the routes tree. */
  public record RoutesTree(List<Instance> instances, Map<Path, String> otherRoutesYaml, StreamPolicies policies,
      List<Problem> problems) {}

  private ConnectorInstances() {}

  /**
   * @param placeholders resolves {@code ${env:NAME}}, {@code ${file:/path}} and Camel's {@code {{env:NAME}}} in
   *     parameter values; throws IllegalArgumentException naming what is missing
   */
  public static RoutesTree read(Path routesDir, Map<String, Connector> connectors,
      java.util.function.UnaryOperator<String> placeholders) {
    List<Instance> instances = new ArrayList<>();
    Map<Path, String> other = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    Map<String, DriftPolicy> streamPolicies = new LinkedHashMap<>();
    Map<String, DriftPolicy> systemPolicies = new LinkedHashMap<>();
    if (!Files.isDirectory(routesDir)) {
      return new RoutesTree(instances, other, StreamPolicies.none(), problems);
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(routesDir)) {
      files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    } catch (IOException e) {
      problems.add(new Problem(routesDir, 0, "cannot list route files: " + e.getMessage()));
      return new RoutesTree(instances, other, StreamPolicies.none(), problems);
    }
    for (Path file : files) {
      readFile(file, connectors, placeholders, instances, other, streamPolicies, systemPolicies, problems);
    }
    return new RoutesTree(List.copyOf(instances), other, new StreamPolicies(streamPolicies, systemPolicies),
        List.copyOf(problems));
  }

  private static void readFile(Path file, Map<String, Connector> connectors,
      java.util.function.UnaryOperator<String> placeholders, List<Instance> instances,
      Map<Path, String> other, Map<String, DriftPolicy> streamPolicies, Map<String, DriftPolicy> systemPolicies,
      List<Problem> problems) {
    Node root;
    try (Reader r = Files.newBufferedReader(file)) {
      root = new Composer(new ParserImpl(new StreamReader(r), new LoaderOptions()), new Resolver(), new LoaderOptions())
          .getSingleNode();
    } catch (IOException | RuntimeException e) {
      problems.add(new Problem(file, 0, "not valid YAML: " + e.getMessage()));
      return;
    }
    if (root == null) {
      return;
    }
    if (!(root instanceof SequenceNode seq)) {
      problems.add(new Problem(file, line(root), "expected a YAML list of Camel DSL entries (- route: …, "
          + "- templatedRoute: …)"));
      return;
    }
    List<Node> plain = new ArrayList<>();
    for (Node item : seq.getValue()) {
      Node drift = item instanceof MappingNode m ? value(m, "drift") : null;
      if (drift != null) {
        readPolicies(file, drift, streamPolicies, systemPolicies, problems);
        continue;
      }
      Node templated = item instanceof MappingNode m ? value(m, "templatedRoute") : null;
      if (templated == null) {
        plain.add(item);
        continue;
      }
      readInstance(file, templated, connectors, placeholders, instances, problems);
    }
    if (!plain.isEmpty()) {
      other.put(file, dump(plain));
    }
  }

  private static void readInstance(Path file, Node node, Map<String, Connector> connectors,
      java.util.function.UnaryOperator<String> placeholders, List<Instance> instances,
      List<Problem> problems) {
    if (!(node instanceof MappingNode m)) {
      problems.add(new Problem(file, line(node), "templatedRoute: expected a mapping with routeTemplateRef, routeId "
          + "and parameters"));
      return;
    }
    String templateRef = scalar(value(m, "routeTemplateRef"));
    String routeId = scalar(value(m, "routeId"));
    if (templateRef == null) {
      problems.add(new Problem(file, line(m), "templatedRoute without routeTemplateRef: expected one of "
          + connectors.keySet()));
      return;
    }
    Connector connector = connectors.get(templateRef);
    if (connector == null) {
      problems.add(new Problem(file, line(value(m, "routeTemplateRef")), "routeTemplateRef '" + templateRef
          + "' is not a loaded connector: expected one of " + connectors.keySet() + " (is its jar in plugins/?)"));
      return;
    }
    if (routeId == null || !routeId.matches("[a-z0-9][a-z0-9_-]*")) {
      problems.add(new Problem(file, line(m), "routeId '" + routeId + "': expected an id of lower-case letters, "
          + "digits, '-' and '_' (it names the connector instance and its stored cursors)"));
      return;
    }
    Map<String, String> params = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    Node paramsNode = value(m, "parameters");
    if (paramsNode instanceof SequenceNode list) {
      for (Node p : list.getValue()) {
        if (p instanceof MappingNode pm && scalar(value(pm, "name")) != null) {
          params.put(scalar(value(pm, "name")), scalar(value(pm, "value")));
          lines.put(scalar(value(pm, "name")), line(pm));
        } else {
          problems.add(new Problem(file, line(p), "parameter: expected '- name: …' with 'value: …'"));
        }
      }
    } else if (paramsNode != null) {
      problems.add(new Problem(file, line(paramsNode), "parameters: expected a list of '- name: …, value: …'"));
    }
    for (Map.Entry<String, String> e : params.entrySet()) {
      try {
        e.setValue(e.getValue() == null ? null : placeholders.apply(e.getValue()));
      } catch (RuntimeException unresolved) { // a missing variable or unreadable secret file
        problems.add(new Problem(file, lines.get(e.getKey()), "connector instance '" + routeId + "', parameter "
            + e.getKey() + ": " + unresolved.getMessage()));
        return;
      }
    }
    for (ConfigProblem cp : connector.configDef().validate(params)) {
      problems.add(new Problem(file, lines.getOrDefault(cp.option(), line(m)),
          "connector instance '" + routeId + "' (" + templateRef + "): " + cp.message()));
    }
    instances.add(new Instance(routeId, templateRef, params, file, line(m)));
  }

  /** A {@code drift} entry, collected into the per-stream and per-system policies. */
  private static void readPolicies(Path file, Node node, Map<String, DriftPolicy> streamPolicies,
      Map<String, DriftPolicy> systemPolicies, List<Problem> problems) {
    if (!(node instanceof MappingNode m)) {
      problems.add(new Problem(file, line(node), "drift: expected a mapping with system, policy and/or streams"));
      return;
    }
    for (NodeTuple t : m.getValue()) {
      String key = scalar(t.getKeyNode());
      if (!List.of("system", "policy", "streams").contains(key)) {
        problems.add(new Problem(file, line(t.getKeyNode()), "drift: unknown key '" + key
            + "': expected system, policy or streams"));
      }
    }
    String system = scalar(value(m, "system"));
    if (system == null || !system.matches("[a-z0-9][a-z0-9_.-]*")) {
      problems.add(new Problem(file, line(m), "drift: system '" + system + "': expected a system name such as stripe"));
      return;
    }
    Node policy = value(m, "policy");
    if (policy != null) {
      policy(file, policy, "drift policy of system " + system, problems)
          .ifPresent(p -> systemPolicies.put(system, p));
    }
    Node streams = value(m, "streams");
    if (streams instanceof MappingNode sm) {
      for (NodeTuple t : sm.getValue()) {
        String stream = scalar(t.getKeyNode());
        policy(file, t.getValueNode(), "drift policy of stream " + system + "/" + stream, problems)
            .ifPresent(p -> streamPolicies.put(system + "/" + stream, p));
      }
    } else if (streams != null) {
      problems.add(new Problem(file, line(streams), "drift: streams: expected a mapping of stream name to policy "
          + "(warn, quarantine or pause)"));
    }
  }

  private static java.util.Optional<DriftPolicy> policy(Path file, Node node, String what, List<Problem> problems) {
    try {
      return java.util.Optional.of(DriftPolicy.parse(scalar(node)));
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(file, line(node), what + ": " + e.getMessage()));
      return java.util.Optional.empty();
    }
  }

  private static Node value(MappingNode m, String key) {
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return t.getValueNode();
      }
    }
    return null;
  }

  private static String scalar(Node n) {
    return n instanceof ScalarNode s ? s.getValue() : null;
  }

  private static int line(Node n) {
    return n == null ? 0 : n.getStartMark().getLine() + 1;
  }

  private static String dump(List<Node> nodes) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    Yaml yaml = new Yaml(options);
    StringWriter out = new StringWriter();
    yaml.serialize(new SequenceNode(org.yaml.snakeyaml.nodes.Tag.SEQ, nodes, DumperOptions.FlowStyle.BLOCK), out);
    return out.toString();
  }
}
