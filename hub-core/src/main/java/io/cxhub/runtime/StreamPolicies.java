package io.cxhub.runtime;

import java.util.Map;

/**
 * Drift policies the routes give streams ({@code - drift:} entries in {@code routes/*.yaml}):
 * per stream, else per system, else the hub's default ({@code drift.policy} in hub.yaml).
 *
 * @param streams policy per {@code system/stream}
 * @param systems policy per system
 */
public record StreamPolicies(Map<String, DriftPolicy> streams, Map<String, DriftPolicy> systems) {

  public StreamPolicies {
    streams = Map.copyOf(streams);
    systems = Map.copyOf(systems);
  }

  public static StreamPolicies none() {
    return new StreamPolicies(Map.of(), Map.of());
  }

  public DriftPolicy of(String system, String stream, DriftPolicy fallback) {
    DriftPolicy p = streams.get(system + "/" + stream);
    if (p != null) {
      return p;
    }
    return systems.getOrDefault(system, fallback);
  }
}
