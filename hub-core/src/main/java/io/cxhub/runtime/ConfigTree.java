package io.cxhub.runtime;

import io.cxhub.config.ConfigProblemsException;
import io.cxhub.config.Problem;
import io.cxhub.config.SecretResolver;
import io.cxhub.mapping.MappingLoader;
import io.cxhub.mapping.MappingRegistry;
import io.cxhub.plugin.DefaultMappings;
import io.cxhub.plugin.LoadedPlugin;
import io.cxhub.plugin.PluginException;
import io.cxhub.plugin.PluginLoader;
import io.cxhub.spi.connector.Connector;
import io.cxhub.taxonomy.Taxonomy;
import io.cxhub.traits.TraitCatalog;
import io.cxhub.traits.TraitLoader;
import io.cxhub.usecases.UseCaseCatalog;
import io.cxhub.usecases.UseCaseLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration tree loaded and checked as a whole: taxonomy, mappings, traits, use cases, plugins
 * and routes.
 * Every problem of every part is collected before failing, so an admin fixes them in one pass.
 */
public record ConfigTree(Taxonomy taxonomy, MappingRegistry mappings, TraitCatalog traits, UseCaseCatalog usecases,
    List<LoadedPlugin> plugins,
    ConnectorInstances.RoutesTree routes) {

  /**
   * Loads the tree; with {@code installDefaultMappings}, connectors' default mappings are first
   * copied into {@code mappings/} for streams that have none (a start does this, a validation does not).
   *
   * @throws ConfigProblemsException listing every problem found
   */
  public static ConfigTree load(HubOptions options, boolean installDefaultMappings) {
    List<Problem> problems = new ArrayList<>();
    Taxonomy taxonomy = null;
    try {
      // the shipped taxonomy, plus the admin's additions when the tree has a taxonomy/ folder
      taxonomy = Taxonomy.load(java.nio.file.Files.isDirectory(options.taxonomyDir())
          ? List.of(options.taxonomyDir()) : List.of());
    } catch (ConfigProblemsException e) {
      problems.addAll(e.problems());
    }
    List<LoadedPlugin> plugins = List.of();
    try {
      plugins = PluginLoader.loadAll(options.pluginsDir());
    } catch (PluginException e) {
      problems.add(new Problem(options.pluginsDir(), 0, e.getMessage()));
    }
    if (installDefaultMappings) {
      problems.addAll(DefaultMappings.install(plugins, options.mappingsDir()));
    }
    MappingRegistry mappings = null;
    if (taxonomy != null) {
      try {
        mappings = MappingRegistry.load(options.mappingsDir(), new MappingLoader(taxonomy, options.defaultPhoneRegion()));
      } catch (ConfigProblemsException e) {
        problems.addAll(e.problems());
      }
    }
    TraitCatalog traits = TraitCatalog.empty();
    boolean traitsLoaded = true;
    java.nio.file.Path traitsDir = options.traitsDir();
    if (taxonomy != null && java.nio.file.Files.isDirectory(traitsDir)) {
      try {
        traits = TraitCatalog.load(traitsDir, new TraitLoader(taxonomy));
      } catch (ConfigProblemsException e) {
        problems.addAll(e.problems());
        traitsLoaded = false;
      }
    }
    UseCaseCatalog usecases = UseCaseCatalog.empty();
    java.nio.file.Path usecasesDir = options.usecasesDir();
    if (taxonomy != null && java.nio.file.Files.isDirectory(usecasesDir)) {
      try {
        // with broken traits, unknown-trait problems would only repeat theirs: check the rest
        usecases = UseCaseCatalog.load(usecasesDir, traitsLoaded
            ? UseCaseLoader.checkingTraits(taxonomy, traits) : UseCaseLoader.notCheckingTraits(taxonomy));
      } catch (ConfigProblemsException e) {
        problems.addAll(e.problems());
      }
    }
    Map<String, Connector> connectors = new LinkedHashMap<>();
    plugins.forEach(p -> p.connectors().forEach(c -> connectors.put(c.id(), c)));
    SecretResolver placeholders = new SecretResolver(name -> options.variables().getOrDefault(name, System.getenv(name)));
    ConnectorInstances.RoutesTree routes = ConnectorInstances.read(options.routesDir(), connectors,
        placeholders::resolve);
    problems.addAll(routes.problems());
    if (!problems.isEmpty()) {
      throw new ConfigProblemsException(problems);
    }
    return new ConfigTree(taxonomy, mappings, traits, usecases, plugins, routes);
  }
}
