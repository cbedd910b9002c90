package io.cxhub.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cxhub.alerts.BaselineStore;
import io.cxhub.alerts.DriftAlertStore;
import io.cxhub.api.ApiRoutes;
import io.cxhub.api.ApiTokens;
import io.cxhub.api.Role;
import io.cxhub.config.ConfigProblemsException;
import io.cxhub.ingest.CursorRepository;
import io.cxhub.mapping.MappingWatcher;
import io.cxhub.notify.AlertNotifier;
import io.cxhub.notify.DriftNotifications;
import io.cxhub.ingest.StreamStatsRepository;
import io.cxhub.plugin.LoadedPlugin;
import io.cxhub.profile.ProfileQueries;
import io.cxhub.identity.IdentitySimulation;
import io.cxhub.profile.ProfileUnmerger;
import io.cxhub.profile.ProfileWriter;
import io.cxhub.quarantine.QuarantineStore;
import io.cxhub.spi.connector.Connector;
import io.cxhub.spi.connector.HubEndpoints;
import io.cxhub.spi.connector.StreamSpec;
import io.cxhub.store.Database;
import io.cxhub.store.EmbeddedPostgres;
import io.cxhub.traits.TraitLoader;
import io.cxhub.traitstore.LiveTraits;
import io.cxhub.traitstore.TraitBackfill;
import io.cxhub.traitstore.TraitExpiry;
import io.cxhub.traitstore.TraitMaintainer;
import io.cxhub.traitstore.TraitOverview;
import io.cxhub.traitstore.TraitWatcher;
import io.cxhub.usecases.LiveUseCases;
import io.cxhub.usecases.UseCaseWatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running hub: configuration checked, store migrated, plugins loaded, the data path and the API
 * started on Camel Main. Everything is checked before anything starts, so a bad tree stops start-up
 * with every problem listed rather than half a hub running.
 */
public final class Hub implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Hub.class);
  /** Profiles per trait backfill page and per expiry batch. */
  private static final int TRAIT_PAGE = 500;
  /** Backfill progress is logged every this many pages (and at start and end). */
  private static final int TRAIT_LOG_PAGES = 20;

  private final Main main;
  private final EmbeddedPostgres postgres;
  private final Database database;
  private final int httpPort;
  private final List<LoadedPlugin> plugins;
  private final RecordOutcomes outcomes;
  private final AlertNotifier notifier;
  private final ProfileChangeListeners profileChanges;
  private final LiveUseCases useCases;

  private Hub(Main main, EmbeddedPostgres postgres, Database database, int httpPort, List<LoadedPlugin> plugins,
      RecordOutcomes outcomes, AlertNotifier notifier, ProfileChangeListeners profileChanges, LiveUseCases useCases) {
    this.useCases = useCases;
    this.notifier = notifier;
    this.profileChanges = profileChanges;
    this.main = main;
    this.postgres = postgres;
    this.database = database;
    this.httpPort = httpPort;
    this.plugins = plugins;
    this.outcomes = outcomes;
  }

  /** The JSON mapper used by the API and stores: ISO-8601 times, no empty beans failures. */
  public static ObjectMapper json() {
    return new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  }

  /**
   * Starts a hub.
   *
   * @throws ConfigProblemsException when the configuration tree has problems (each with file:line)
   * @throws io.cxhub.plugin.PluginException when a plugin cannot be loaded
   */
  public static Hub start(HubOptions options) {
    return start(options, Clock.systemUTC());
  }

  /**
   * Starts a hub whose computed traits are evaluated at {@code traitClock} (tests move it to let
   * windows expire); everything else reads the system clock.
   *
   * @throws ConfigProblemsException when the configuration tree has problems (each with file:line)
   * @throws io.cxhub.plugin.PluginException when a plugin cannot be loaded
   */
  public static Hub start(HubOptions options, Clock traitClock) {
    ConfigTree tree = ConfigTree.load(options, true);
    EmbeddedPostgres postgres = null;
    Database database = null;
    try {
      String url = options.jdbcUrl();
      if (url == null) {
        postgres = EmbeddedPostgres.start(options.dataDir().resolve("postgres"), 0, true);
        postgres.createDatabaseIfMissing("cxhub");
        url = postgres.jdbcUrl("cxhub");
      }
      database = Database.open(url, options.dbUser(), options.dbPassword(), options.poolSize());
      return startCamel(options, tree, postgres, database, traitClock);
    } catch (RuntimeException e) {
      if (database != null) {
        database.close();
      }
      if (postgres != null) {
        postgres.close();
      }
      throw e;
    }
  }

  /**
   * Settings of the Camel components the hub shares with plugins. camel-http must not retry on its
   * own: its client would sleep through a 429's Retry-After on the poller's thread, and connectors
   * would never see the rate limit they are required to honour with their own bounded backoff.
   */
  public static void configureSharedComponents(Main main) {
    main.addInitialProperty("camel.component.http.automaticRetriesDisabled", "true");
    main.addInitialProperty("camel.component.http.connectTimeout", "10000");
    main.addInitialProperty("camel.component.http.responseTimeout", "60000");
  }

  private static Hub startCamel(HubOptions options, ConfigTree tree, EmbeddedPostgres postgres, Database database,
      Clock traitClock) {
    ObjectMapper json = json();
    var dataSource = database.dataSource();
    CursorRepository cursors = new CursorRepository(dataSource);
    StreamStatsRepository stats = new StreamStatsRepository(dataSource, cursors);
    QuarantineStore quarantine = new QuarantineStore(dataSource);
    RecordOutcomes outcomes = new RecordOutcomes(cursors, stats, quarantine);
    QuarantineReplay replay = new QuarantineReplay(quarantine, json);
    PipelineSettings settings = options.pipeline();
    DriftAlertStore alerts = new DriftAlertStore(dataSource, json);
    AlertNotifier notifier = DriftNotifications.of(options.drift().notifications(), json);
    DriftWatch drift = new DriftWatch(new BaselineStore(dataSource, json), alerts, tree.mappings(), tree.taxonomy(),
        declaredStreams(tree.plugins()), tree.routes().policies(), options.drift(), Clock.systemUTC(), notifier);

    Bus bus = new Bus(settings.queueSize());
    ProfileChangeListeners profileChanges = new ProfileChangeListeners();
    ProfileChangeOutlet outlet = new ProfileChangeOutlet(bus);
    LiveTraits traits = new LiveTraits(options.traitsDir(), new TraitLoader(tree.taxonomy()), tree.traits());
    TraitMaintainer maintainer = new TraitMaintainer(traits, dataSource, traitClock, outlet);
    TraitBackfill backfill = new TraitBackfill(maintainer, dataSource, TRAIT_PAGE, TRAIT_LOG_PAGES);
    // checked against the traits in service at each reload of usecases/
    LiveUseCases useCases = new LiveUseCases(options.usecasesDir(), tree.taxonomy(), traits::current, tree.usecases());
    // new and changed traits (a first start, an edit while the hub was down) are backfilled once routes run
    backfill.sync();

    int port = options.httpPort() == 0 ? freePort() : requireFree(options.httpPort());
    Main main = new Main();
    main.configure().withName("cxhub").withDurationMaxMessages(0);
    main.configure().httpServer().withEnabled(true).withPort(port).withHost("0.0.0.0").withMaxBodySize(64L << 20);
    main.bind(HubEndpoints.CURSOR_STORE_BEAN, cursors);
    configureSharedComponents(main);
    main.addMainListener(new MainListenerSupport() {
      @Override
      public void beforeConfigure(BaseMainSupport m) {
        // so that Camel finds the components, type converters and configurers a plugin bundles
        tree.plugins().forEach(p -> m.getCamelContext().getClassResolver().addClassLoader(p.classLoader()));
      }
    });
    for (LoadedPlugin p : tree.plugins()) {
      for (Connector c : p.connectors()) {
        main.configure().addRoutesBuilder(c.routes());
      }
    }
    main.configure().addRoutesBuilder(new ProfileChangeRoutes(bus, outlet, profileChanges));
    main.configure().addRoutesBuilder(new PipelineRoutes(bus,
        new MapStage(tree.mappings(), outcomes, drift),
        new StoreStage(new ProfileWriter(dataSource, options.identity(), tree.taxonomy()), outcomes, maintainer), outcomes, settings));
    main.configure().addRoutesBuilder(new TraitRoutes(new TraitWatcher(traits, backfill),
        new TraitExpiry(maintainer, dataSource, TRAIT_PAGE), backfill));
    main.configure().addRoutesBuilder(new UseCaseReloadRoutes(new UseCaseWatcher(useCases)));
    main.configure().addRoutesBuilder(new DriftRoutes(drift, replay, options.drift()));
    main.configure().addRoutesBuilder(new MappingReloadRoutes(new MappingWatcher(tree.mappings())));
    main.configure().addRoutesBuilder(new ApiRoutes(json, tokens(options), new ProfileQueries(dataSource), stats,
        quarantine, replay, tree.plugins(), alerts, drift, new TraitOverview(traits, backfill, traitClock),
        profileChanges::counts, new ProfileUnmerger(dataSource, options.identity(), tree.taxonomy(),
            u -> maintainer.afterUnmerge(u.survivor(), u.restored())), new IdentitySimulation(dataSource)));
    try {
      main.start();
    } catch (Exception e) {
      notifier.close();
      throw new IllegalStateException("the hub's Camel runtime did not start: " + e.getMessage(), e);
    }
    CamelContext camel = main.getCamelContext();
    replay.bind(camel);
    try {
      for (Map.Entry<Path, String> routes : tree.routes().otherRoutesYaml().entrySet()) {
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString(routes.getKey() + ".yaml",
            routes.getValue()));
      }
      for (ConnectorInstances.Instance i : tree.routes().instances()) {
        TemplatedRouteBuilder b = TemplatedRouteBuilder.builder(camel, i.connectorId()).routeId(i.routeId());
        i.parameters().forEach(b::parameter);
        b.parameter("instance", i.routeId()).add();
        log.info("connector instance {} ({}) from {}:{} started", i.routeId(), i.connectorId(), i.file(), i.line());
      }
    } catch (Exception e) {
      main.stop();
      notifier.close();
      throw new IllegalStateException("routes could not be started: " + e.getMessage(), e);
    }
    log.info("cxhub is up: API on http://localhost:{}/api, {} plugin(s), {} connector instance(s)", port,
        tree.plugins().size(), tree.routes().instances().size());
    return new Hub(main, postgres, database, port, tree.plugins(), outcomes, notifier, profileChanges, useCases);
  }

  /** The connectors' declared stream schemas by {@code system/stream}: a connector's id is its records' system. */
  private static Map<String, StreamSpec> declaredStreams(List<LoadedPlugin> plugins) {
    Map<String, StreamSpec> specs = new java.util.LinkedHashMap<>();
    for (LoadedPlugin p : plugins) {
      for (Connector c : p.connectors()) {
        c.streams().forEach(spec -> specs.put(c.id() + "/" + spec.name(), spec));
      }
    }
    return specs;
  }

  private static ApiTokens tokens(HubOptions options) {
    return new ApiTokens(List.of(new ApiTokens.Token("admin", options.adminToken(), Role.ADMIN)));
  }

  public int httpPort() {
    return httpPort;
  }

  public CamelContext camel() {
    return main.getCamelContext();
  }

  public javax.sql.DataSource dataSource() {
    return database.dataSource();
  }

  public List<LoadedPlugin> plugins() {
    return plugins;
  }

  /** Where listeners (use cases) register for trait changes of profiles. */
  public ProfileChangeListeners profileChanges() {
    return profileChanges;
  }

  /** The use cases in service, kept current with {@code usecases/}; not yet acted on (decisions come next). */
  public LiveUseCases useCases() {
    return useCases;
  }

  /** Records handed over but not yet stored or quarantined. */
  public int inFlight() {
    return outcomes.inFlight();
  }

  @Override
  public void close() {
    try {
      main.stop();
      notifier.close();
    } finally {
      database.close();
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  /**
   * Fails start-up with a clear message when the port is taken: otherwise Camel would log the bind
   * failure on an event-loop thread and the hub would run without its API.
   */
  private static int requireFree(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new java.net.InetSocketAddress(port));
      return port;
    } catch (IOException e) {
      throw new IllegalStateException("HTTP port " + port + " is in use (" + e.getMessage() + "): stop what listens "
          + "there (a previous cxhub still shutting down?) or choose another with --port or CXHUB_HTTP_PORT", e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
