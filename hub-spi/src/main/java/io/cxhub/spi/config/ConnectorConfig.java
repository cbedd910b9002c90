package io.cxhub.spi.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Parsed, validated option values. {@link #toString()} masks secrets, so it is safe to log. */
public final class ConnectorConfig {

  private final ConfigDef def;
  private final Map<String, Object> values;

  ConnectorConfig(ConfigDef def, Map<String, Object> values) {
    this.def = def;
    this.values = Map.copyOf(values);
  }

  public String string(String name) {
    Object v = values.get(name);
    return v == null ? null : v.toString();
  }

  public int integer(String name) {
    return ((Number) require(name)).intValue();
  }

  public long longValue(String name) {
    return ((Number) require(name)).longValue();
  }

  public boolean bool(String name) {
    return (Boolean) require(name);
  }

  public Duration duration(String name) {
    return (Duration) require(name);
  }

  @SuppressWarnings("unchecked")
  public List<String> list(String name) {
    Object v = values.get(name);
    return v == null ? List.of() : (List<String>) v;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  private Object require(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw new ConfigException("configuration " + name + " has no value and no default");
    }
    return v;
  }

  @Override
  public String toString() {
    return values.entrySet().stream()
        .map(e -> e.getKey() + "=" + def.option(e.getKey()).map(o -> o.display(e.getValue())).orElse("?"))
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
