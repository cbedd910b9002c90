package io.cxhub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.alerts.AlertStatus;
import io.cxhub.alerts.DriftAlertStore;
import io.cxhub.drift.DriftKind;
import io.cxhub.drift.Severity;
import io.cxhub.ingest.StreamStatsRepository;
import io.cxhub.mapping.IdentityKey;
import io.cxhub.plugin.LoadedPlugin;
import io.cxhub.profile.ProfileChange;
import io.cxhub.profile.ProfilePage;
import io.cxhub.profile.ProfileQueries;
import io.cxhub.quarantine.QuarantineStore;
import io.cxhub.runtime.IngestCounts;
import io.cxhub.runtime.DriftWatch;
import io.cxhub.runtime.QuarantineReplay;
import io.cxhub.spi.connector.HubEndpoints;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.traitstore.TraitOverview;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.cxhub.identity.IdentitySimulation;
import io.cxhub.profile.ProfileUnmerger;
import java.util.UUID;

/** The REST API, served by Camel's platform-http. Every endpoint but health needs a bearer token. */
public final class ApiRoutes extends RouteBuilder {

  private static final Logger log = LoggerFactory.getLogger(ApiRoutes.class);
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
  private static final int MAX_PAGE = 500;
  /** Header carrying the authenticated token's name: the actor in audit trails. */
  private static final String ACTOR = "CxhubActor";

  private final ObjectMapper json;
  private final ApiTokens tokens;
  private final ProfileQueries profiles;
  private final StreamStatsRepository streams;
  private final QuarantineStore quarantine;
  private final QuarantineReplay replay;
  private final List<LoadedPlugin> plugins;
  private final IngestPayloads payloads;
  private final DriftAlertStore alerts;
  private final DriftWatch drift;
  private final ProfileUnmerger unmerger;
  private final IdentitySimulation simulation;
  private final TraitOverview traits;
  private final Supplier<Map<ProfileChange.Cause, Long>> profileChanges;

  /**
   * @param traits the traits in service, and the values a profile shows for them
   * @param profileChanges trait changes published since start, per cause
   */
  public ApiRoutes(ObjectMapper json, ApiTokens tokens, ProfileQueries profiles, StreamStatsRepository streams,
      QuarantineStore quarantine, QuarantineReplay replay, List<LoadedPlugin> plugins, DriftAlertStore alerts,
      DriftWatch drift, TraitOverview traits, Supplier<Map<ProfileChange.Cause, Long>> profileChanges,
      ProfileUnmerger unmerger, IdentitySimulation simulation) {
    this.traits = traits;
    this.profileChanges = profileChanges;
    this.unmerger = unmerger;
    this.simulation = simulation;
    this.alerts = alerts;
    this.drift = drift;
    this.json = json;
    this.tokens = tokens;
    this.profiles = profiles;
    this.streams = streams;
    this.quarantine = quarantine;
    this.replay = replay;
    this.plugins = plugins;
    this.payloads = new IngestPayloads(json);
  }

  @Override
  public void configure() {
    onException(BadRequest.class).handled(true)
        .process(e -> error(e, 400, e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage()));
    onException(Exception.class).handled(true).process(e -> {
      Exception cause = e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
      log.error("{} {} failed", e.getIn().getHeader(Exchange.HTTP_METHOD), e.getIn().getHeader(Exchange.HTTP_URI), cause);
      error(e, 500, "internal error: " + cause.getClass().getSimpleName() + " (see the hub log)");
    });

    from("platform-http:/api/health?httpMethodRestrict=GET").routeId("api-health")
        .process(e -> respond(e, 200, Map.of("status", "UP")));

    endpoint("GET", "/api/profiles", Role.VIEWER, e -> {
      String key = query(e, "key");
      if (key != null) {
        IdentityKey k;
        try {
          k = IdentityKey.parse(key);
        } catch (IllegalArgumentException bad) {
          throw new BadRequest(bad.getMessage());
        }
        return Map.of("items", profiles.byKey(k).map(traits::complete).map(List::of).orElse(List.of()));
      }
      ProfilePage page = profiles.page(limit(e), query(e, "after"));
      return Map.of("items", new ProfilePage(page.profiles().stream().map(traits::complete).toList(), page.nextAfter()));
    });
    endpoint("GET", "/api/profiles/{id}", Role.VIEWER, e -> profiles.byId(e.getIn().getHeader("id", String.class))
        .map(traits::complete).orElseThrow(() -> new NotFound("no profile " + e.getIn().getHeader("id"))));
    endpoint("GET", "/api/profiles/{id}/timeline", Role.VIEWER, e -> {
      String id = e.getIn().getHeader("id", String.class);
      if (profiles.byId(id).isEmpty()) {
        throw new NotFound("no profile " + id);
      }
      try {
        return profiles.timeline(id, limit(e), query(e, "before"));
      } catch (IllegalArgumentException bad) {
        throw new BadRequest(bad.getMessage());
      }
    });
    endpoint("POST", "/api/profiles/{id}/unmerge", Role.OPERATOR, e -> {
      String id = e.getIn().getHeader("id", String.class);
      JsonNode body = jsonBody(e);
      UUID survivor = uuid("profile id", id);
      UUID merged = body.hasNonNull("merged") ? uuid("merged", body.get("merged").asText()) : null;
      String comment = body.path("comment").asText("");
      if (comment.isBlank()) {
        throw new BadRequest("comment: say why the merge is wrong, e.g. {\"comment\": \"two people share this phone\"}");
      }
      try {
        return unmerger.unmerge(survivor, merged, e.getIn().getHeader(ACTOR, String.class), comment);
      } catch (java.util.NoSuchElementException missing) {
        throw new NotFound(missing.getMessage());
      } catch (IllegalStateException conflict) {
        throw new Conflict(conflict.getMessage());
      }
    });
    endpoint("POST", "/api/identity/simulate", Role.OPERATOR, e -> {
      JsonNode body = jsonBody(e);
      if (!body.path("yaml").isTextual()) {
        throw new BadRequest("request body: expected {\"file\": \"rules.yaml\", \"yaml\": \"<the file's text>\"}"
            + " with the candidate rules under identity:, as in hub.yaml");
      }
      try {
        return simulation.run(io.cxhub.runtime.HubYaml.identityRules(java.nio.file.Path.of(
            body.path("file").asText("rules.yaml")), body.get("yaml").asText()));
      } catch (io.cxhub.config.ConfigProblemsException problems) {
        throw new BadRequest(String.join("\n", problems.problems().stream().map(Object::toString).toList()));
      }
    });
    endpoint("GET", "/api/traits", Role.VIEWER, e -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("items", traits.list());
      body.put("profileChanges", profileChanges.get());
      return body;
    });
    endpoint("GET", "/api/streams", Role.VIEWER, e -> Map.of("items", streams.list()));
    endpoint("GET", "/api/plugins", Role.VIEWER, e -> Map.of("items", plugins.stream().map(ApiRoutes::describe).toList()));
    endpoint("GET", "/api/quarantine", Role.VIEWER, e -> Map.of("items", quarantine.list(query(e, "system"),
        query(e, "stream"), query(e, "status"), limit(e), longQuery(e, "after"))));
    endpoint("POST", "/api/quarantine/replay", Role.OPERATOR, e -> {
      String system = name(e, "system", query(e, "system"));
      String stream = name(e, "stream", query(e, "stream"));
      return replay.replay(system, stream);
    });
    endpoint("POST", "/api/ingest/{system}/{stream}", Role.OPERATOR, this::ingest);

    endpoint("GET", "/api/drift/alerts", Role.VIEWER, e -> Map.of("items", alerts.list(query(e, "system"),
        query(e, "stream"), parse(e, "status", AlertStatus.class), parse(e, "kind", DriftKind.class),
        parse(e, "severity", Severity.class), limit(e), longQuery(e, "before"))));
    endpoint("GET", "/api/drift/alerts/{id}", Role.VIEWER, e -> alerts.byId(alertId(e))
        .orElseThrow(() -> new NotFound("no drift alert " + e.getIn().getHeader("id"))));
    endpoint("POST", "/api/drift/alerts/{id}/{action}", Role.OPERATOR, e -> {
      DriftWatch.Action action;
      try {
        action = DriftWatch.Action.parse(e.getIn().getHeader("action", String.class));
      } catch (IllegalArgumentException bad) {
        throw new NotFound(bad.getMessage());
      }
      JsonNode body = jsonBody(e);
      try {
        JsonNode apply = body.path("applyProposal");
        if (!apply.isMissingNode() && !apply.isBoolean()) {
          throw new BadRequest("applyProposal: expected true or false, not " + apply);
        }
        return drift.act(alertId(e), action, e.getIn().getHeader(ACTOR, String.class), body.path("comment")
            .asText(null), apply.asBoolean(false));
      } catch (java.util.NoSuchElementException missing) {
        throw new NotFound(missing.getMessage());
      } catch (IllegalStateException conflict) {
        throw new Conflict(conflict.getMessage());
      } catch (IllegalArgumentException bad) {
        throw new BadRequest(bad.getMessage());
      }
    });
    endpoint("GET", "/api/drift/streams", Role.VIEWER, e -> Map.of("items", drift.status()));
    endpoint("GET", "/api/drift/streams/{system}/{stream}/baselines", Role.VIEWER, e -> Map.of("items",
        drift.baselineVersions(name(e, "system", e.getIn().getHeader("system", String.class)),
            name(e, "stream", e.getIn().getHeader("stream", String.class)))));
  }

  private static UUID uuid(String what, String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException bad) {
      throw new BadRequest(what + " '" + value + "': expected a profile id (UUID)");
    }
  }

  private static long alertId(Exchange e) {
    String id = e.getIn().getHeader("id", String.class);
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException nfe) {
      throw new BadRequest("alert id '" + id + "': expected a whole number");
    }
  }

  private JsonNode jsonBody(Exchange e) {
    byte[] body = e.getIn().getBody(byte[].class);
    if (body == null || body.length == 0) {
      return json.createObjectNode();
    }
    try {
      JsonNode node = json.readTree(body);
      if (!node.isObject()) {
        throw new BadRequest("request body: expected a JSON object such as {\"comment\": \"...\"}");
      }
      return node;
    } catch (java.io.IOException bad) {
      throw new BadRequest("request body is not JSON: " + bad.getMessage());
    }
  }

  private static <E extends Enum<E>> E parse(Exchange e, String name, Class<E> type) {
    String v = query(e, name);
    if (v == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, v.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException bad) {
      throw new BadRequest(name + "=" + v + ": expected one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  private Object ingest(Exchange e) {
    String system = name(e, "system", e.getIn().getHeader("system", String.class));
    String stream = name(e, "stream", e.getIn().getHeader("stream", String.class));
    byte[] body = e.getIn().getBody(byte[].class);
    IngestPayloads.Parsed parsed = payloads.parse(body == null ? new byte[0] : body);
    for (IngestPayloads.Reject r : parsed.rejects()) {
      getContext().createProducerTemplate().sendBodyAndHeaders(HubEndpoints.QUARANTINE, r.text(), Map.of(
          HubEndpoints.SYSTEM, system, HubEndpoints.STREAM, stream, HubEndpoints.REASON, r.reason()));
    }
    IngestCounts counts = new IngestCounts(0, parsed.rejects().size());
    if (!parsed.records().isEmpty()) {
      List<RawRecord> records = new ArrayList<>(parsed.records().size());
      for (JsonNode node : parsed.records()) {
        JsonNode id = node.get("id");
        records.add(RawRecord.pushed(system, stream, id == null || id.isNull() ? null : id.asText(), node));
      }
      counts = counts.plus(getContext().createFluentProducerTemplate().to(HubEndpoints.INGEST)
          .withBody(records).request(IngestCounts.class));
    }
    e.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
    return Map.of("accepted", counts.accepted(), "quarantined", counts.quarantined());
  }

  private void endpoint(String method, String path, Role role, Function<Exchange, Object> handler) {
    from("platform-http:" + path + "?httpMethodRestrict=" + method)
        .routeId("api-" + method.toLowerCase() + path.replaceAll("[/{}]+", "-"))
        .process(e -> {
          var token = tokens.authenticate(e.getIn().getHeader("Authorization", String.class));
          if (token.isEmpty()) {
            e.getIn().setHeader("WWW-Authenticate", "Bearer realm=\"cxhub\"");
            error(e, 401, "missing or unknown bearer token: send Authorization: Bearer <token>");
            return;
          }
          if (!token.get().role().includes(role)) {
            error(e, 403, "token '" + token.get().name() + "' has role " + token.get().role() + "; " + method + " "
                + path + " needs " + role);
            return;
          }
          e.getIn().removeHeader("Authorization");
          e.getIn().setHeader(ACTOR, token.get().name());
          try {
            Object result = handler.apply(e);
            Integer code = e.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            respond(e, code == null ? 200 : code, result);
          } catch (NotFound nf) {
            error(e, 404, nf.getMessage());
          } catch (Conflict c) {
            error(e, 409, c.getMessage());
          }
        });
  }

  private void respond(Exchange e, int status, Object body) throws Exception {
    e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
    e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
    e.getMessage().setBody(json.writeValueAsBytes(body));
  }

  private void error(Exchange e, int status, String message) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("error", message);
    respond(e, status, body);
  }

  private static Map<String, Object> describe(LoadedPlugin p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.plugin().name());
    m.put("version", p.plugin().version());
    m.put("loadedFrom", p.source().toString());
    m.put("classLoader", p.classLoader().getName());
    m.put("connectors", p.connectors().stream().map(c -> Map.of("id", c.id(), "version", c.version(),
        "streams", c.streams().stream().map(s -> s.name()).toList())).toList());
    return m;
  }

  private static String query(Exchange e, String name) {
    String v = e.getIn().getHeader(name, String.class);
    return v == null || v.isBlank() ? null : v;
  }

  private static int limit(Exchange e) {
    Long v = longQuery(e, "limit");
    if (v == null) {
      return 50;
    }
    if (v < 1 || v > MAX_PAGE) {
      throw new BadRequest("limit=" + v + ": expected 1 to " + MAX_PAGE);
    }
    return v.intValue();
  }

  private static Long longQuery(Exchange e, String name) {
    String v = query(e, name);
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException nfe) {
      throw new BadRequest(name + "=" + v + ": expected a whole number");
    }
  }

  private static String name(Exchange e, String what, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new BadRequest(what + " '" + value + "': expected lower-case letters, digits, '_', '-' or '.', "
          + "starting with a letter or digit");
    }
    return value;
  }

  /** The request is wrong; answered with 400 and the message. */
  static final class BadRequest extends IllegalArgumentException {
    BadRequest(String message) {
      super(message);
    }
  }

  /** The resource is not in a state that allows the request; answered with 409. */
  static final class Conflict extends RuntimeException {
    Conflict(String message) {
      super(message);
    }
  }

  /** Nothing there; answered with 404. */
  static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message);
    }
  }
}
