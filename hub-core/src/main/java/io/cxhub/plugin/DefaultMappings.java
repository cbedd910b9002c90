package io.cxhub.plugin;

import io.cxhub.config.Problem;
import io.cxhub.spi.connector.Connector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the default mappings a connector ships in its jar ({@link Connector#defaultMappings()})
 * into the admin's {@code mappings/} folder, for each stream that has no mapping file there yet.
 * An admin's own file is never overwritten; from then on the copy is theirs to edit.
 */
public final class DefaultMappings {

  private static final Logger log = LoggerFactory.getLogger(DefaultMappings.class);
  private static final String PREFIX = "mappings/";

  private DefaultMappings() {}

  /** @return what could not be installed, each naming the plugin and the resource */
  public static List<Problem> install(List<LoadedPlugin> plugins, Path mappingsDir) {
    List<Problem> problems = new ArrayList<>();
    for (LoadedPlugin p : plugins) {
      for (Connector c : p.connectors()) {
        for (String resource : c.defaultMappings()) {
          if (!resource.startsWith(PREFIX) || !resource.endsWith(".yaml") || resource.contains("..")) {
            problems.add(new Problem(p.source(), 0, "connector " + c.id() + " declares default mapping '" + resource
                + "': expected a resource path like mappings/<system>/<stream>.yaml"));
            continue;
          }
          Path target = mappingsDir.resolve(resource.substring(PREFIX.length()));
          if (Files.exists(target)) {
            continue;
          }
          try (InputStream in = p.classLoader().getResourceAsStream(resource)) {
            if (in == null) {
              problems.add(new Problem(p.source(), 0, "connector " + c.id() + " declares default mapping '" + resource
                  + "' but its jar does not contain it"));
              continue;
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target);
            log.info("installed the default mapping {} of connector {} as {}", resource, c.id(), target);
          } catch (IOException e) {
            problems.add(new Problem(target, 0, "cannot install the default mapping of connector " + c.id() + ": "
                + e.getMessage()));
          }
        }
      }
    }
    return problems;
  }
}
