package io.cxhub.plugin;

import io.cxhub.spi.connector.Connector;
import io.cxhub.spi.plugin.Plugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads every plugin in a directory: each {@code *.jar}, and each sub-folder (a folder of jars), in
 * its own {@link PluginClassLoader}, discovered with {@link ServiceLoader}.
 */
public final class PluginLoader {

  private static final Logger log = LoggerFactory.getLogger(PluginLoader.class);

  private PluginLoader() {}

  /**
   * @throws PluginException when a plugin provides nothing, fails to instantiate, or two plugins
   *     declare the same connector id
   */
  public static List<LoadedPlugin> loadAll(Path pluginsDir) {
    if (!Files.isDirectory(pluginsDir)) {
      return List.of();
    }
    List<LoadedPlugin> loaded = new ArrayList<>();
    Map<String, Path> connectorIds = new HashMap<>();
    for (Path source : candidates(pluginsDir)) {
      for (LoadedPlugin p : load(source)) {
        for (Connector c : p.connectors()) {
          Path other = connectorIds.putIfAbsent(c.id(), source);
          if (other != null) {
            throw new PluginException("connector id '" + c.id() + "' is declared by both " + other + " and " + source);
          }
        }
        log.info("loaded plugin {} {} from {} ({} connector(s))", p.plugin().name(), p.plugin().version(), source,
            p.connectors().size());
        loaded.add(p);
      }
    }
    return List.copyOf(loaded);
  }

  static List<LoadedPlugin> load(Path source) {
    URL[] jars = jarsOf(source);
    if (jars.length == 0) {
      throw new PluginException(source + " is a plugin folder without any .jar file");
    }
    PluginClassLoader loader = new PluginClassLoader("plugin:" + source.getFileName(), jars,
        PluginLoader.class.getClassLoader());
    List<LoadedPlugin> found = new ArrayList<>();
    try {
      for (Plugin plugin : ServiceLoader.load(Plugin.class, loader)) {
        if (plugin.connectors().isEmpty()) {
          throw new PluginException(source + ": plugin " + plugin.name() + " contributes no connector");
        }
        found.add(new LoadedPlugin(plugin, source, loader));
      }
    } catch (ServiceConfigurationError e) {
      throw new PluginException(source + ": cannot instantiate its plugin: " + e.getMessage(), e);
    }
    if (found.isEmpty()) {
      throw new PluginException(source + " provides no cxhub plugin: expected a file "
          + "META-INF/services/" + Plugin.class.getName() + " naming a class that implements " + Plugin.class.getName());
    }
    return found;
  }

  private static List<Path> candidates(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Files.isDirectory(p) || p.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list plugins in " + dir, e);
    }
  }

  private static URL[] jarsOf(Path source) {
    try {
      if (!Files.isDirectory(source)) {
        return new URL[] {source.toUri().toURL()};
      }
      try (Stream<Path> s = Files.list(source)) {
        List<URL> urls = new ArrayList<>();
        for (Path jar : s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
          urls.add(jar.toUri().toURL());
        }
        return urls.toArray(URL[]::new);
      }
    } catch (MalformedURLException e) {
      throw new PluginException("bad plugin path " + source, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + source, e);
    }
  }
}
