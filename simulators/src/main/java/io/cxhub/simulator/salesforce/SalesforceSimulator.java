package io.cxhub.simulator.salesforce;

import io.cxhub.simulator.ChangeLoop;
import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.simulator.http.AccessTokens;
import io.cxhub.simulator.http.Faults;
import io.cxhub.simulator.http.SimRequest;
import io.cxhub.simulator.http.SimResponse;
import io.cxhub.simulator.http.SimServer;
import io.cxhub.simulator.people.People;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for a Salesforce org's REST API on loopback, seeded from {@link People}: the OAuth 2
 * token endpoint (username-password and client-credentials flows), the versions list, describe,
 * SOQL queries with {@code nextRecordsUrl} paging, and sObject create/update for write-back.
 * Answers the way Salesforce does: error bodies are JSON arrays of {@code {message, errorCode}},
 * {@code 401 INVALID_SESSION_ID} for an expired or unknown token, {@code 400 MALFORMED_QUERY},
 * {@code 403 REQUEST_LIMIT_EXCEEDED} past the daily request limit, and every API answer carries
 * {@code Sforce-Limit-Info: api-usage=n/limit}. The instance URL it hands out is its own base URL.
 *
 * <p>Format changes (for drift tests): {@code mailing_address_split}, {@code rename_phone},
 * {@code epoch_dates} (see {@link SalesforceSchema}).
 */
public final class SalesforceSimulator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SalesforceSimulator.class);
  private static final Pattern VERSION = Pattern.compile("v(\\d{2,3})\\.0");
  private static final int MAX_LOCATORS = 200;

  /** A record created through the API, as a test sees it. */
  public record Created(String type, String id, Map<String, Object> fields) {}

  /** An update made through the API, as a test sees it. */
  public record Updated(String type, String id, Map<String, Object> fields) {}

  private record Locator(String type, List<Map<String, Object>> records) {}

  private final SalesforceOptions options;
  private final SalesforceData data;
  private final SimServer server;
  private final AccessTokens tokens;
  private final AtomicLong apiUsage = new AtomicLong();
  private final AtomicLong locatorSerial = new AtomicLong();
  private final java.util.concurrent.atomic.AtomicInteger truncatedPages = new java.util.concurrent.atomic.AtomicInteger();
  private final Map<String, Locator> locators = java.util.Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Locator> eldest) {
          return size() > MAX_LOCATORS;
        }
      });
  private final List<Created> created = new CopyOnWriteArrayList<>();
  private final List<Updated> updated = new CopyOnWriteArrayList<>();
  private final ChangeLoop changeLoop = new ChangeLoop("salesforce-simulator");

  public SalesforceSimulator(SalesforceOptions options) {
    this.options = options;
    long t0 = System.nanoTime();
    this.data = new SalesforceData(new People(options.seed()), options.firstPerson(), options.contacts(),
        options.accounts(), options.seed(), Clock.systemUTC());
    log.info("seeded the Salesforce simulator: {} accounts, {} contacts, {} cases, {} opportunities in {} ms",
        data.count("Account"), data.count("Contact"), data.count("Case"), data.count("Opportunity"),
        (System.nanoTime() - t0) / 1_000_000);
    this.tokens = new AccessTokens(options.tokenLifetime()).client(options.clientId(), options.clientSecret());
    this.server = SimServer.start("salesforce", options.port());
    server.errorBody((status, message) -> error(status, codeFor(status), message))
        .formatChange(SalesforceSchema.MAILING_ADDRESS_SPLIT,
            "Contact.MailingStreet split into MailingStreetName__c and MailingHouseNumber__c")
        .formatChange(SalesforceSchema.RENAME_PHONE, "Phone renamed to Phone__c on Contact and Account")
        .formatChange(SalesforceSchema.EPOCH_DATES, "Case.CreatedDate and Case.ClosedDate as epoch milliseconds");
    server.steadyRoute("POST", "/services/oauth2/token", this::token)
        .steadyRoute("POST", "/services/oauth2/revoke", r -> SimResponse.empty(200))
        .route("GET", "/services/data", r -> SimResponse.json(200, versions()))
        .route("GET", "/services/data/{version}", api(this::resources))
        .route("GET", "/services/data/{version}/limits", api(this::limits))
        .route("GET", "/services/data/{version}/sobjects", api(this::describeGlobal))
        .route("GET", "/services/data/{version}/sobjects/{type}/describe", api(this::describe))
        .route("GET", "/services/data/{version}/query", api(this::query))
        .route("GET", "/services/data/{version}/query/{locator}", api(this::queryMore))
        .route("GET", "/services/data/{version}/sobjects/{type}/{id}", api(this::retrieve))
        .route("POST", "/services/data/{version}/sobjects/{type}", api(this::create))
        .route("PATCH", "/services/data/{version}/sobjects/{type}/{id}", api(this::update));
  }

  /** Seeds and starts a simulator on the options' port. */
  public static SalesforceSimulator start(SalesforceOptions options) {
    return new SalesforceSimulator(options);
  }

  public SalesforceOptions options() {
    return options;
  }

  /** The login URL (and instance URL) of this org. */
  public URI baseUri() {
    return server.baseUri();
  }

  public SimServer server() {
    return server;
  }

  public Faults faults() {
    return server.faults();
  }

  public void setFormat(String change, boolean on) {
    server.setFormat(change, on);
  }

  /** Expires every access token issued so far: the next API call gets 401 INVALID_SESSION_ID. */
  public void expireTokens() {
    tokens.revokeAll();
  }

  /**
   * The next {@code pages} query pages (not describe or other answers) are cut off in the middle,
   * unlike {@link Faults#truncate}, which cuts whatever successful answer comes next.
   */
  public void truncateQueryPages(int pages) {
    truncatedPages.set(pages);
  }

  /** API requests counted against the daily limit so far. */
  public long apiUsage() {
    return apiUsage.get();
  }

  /** Ids of the records of an sObject type, e.g. {@code Contact}. */
  public Set<String> ids(String type) {
    return data.ids(type);
  }

  /**
   * The population index of the person contact {@code contactId} stands for: the ground truth tests
   * check the hub's identity joins against. Empty for an id that is no seeded contact.
   */
  public OptionalInt person(String contactId) {
    return data.personOf(contactId);
  }

  /** A record as the API shows it now (without attributes), or null. */
  public Map<String, Object> record(String type, String id) {
    Map<String, Object> r = data.get(type, id);
    return r == null ? null : SalesforceSchema.render(type, r, formats());
  }

  /** Records created through the API (e.g. write-back Tasks), in order. */
  public List<Created> created() {
    return List.copyOf(created);
  }

  /** Updates made through the API, in order. */
  public List<Updated> updated() {
    return List.copyOf(updated);
  }

  /** One round of changes; returns the ids changed or created, per sObject type. */
  public Map<String, Set<String>> tick() {
    return data.tick();
  }

  /** Applies a round of changes every {@code period} on a daemon thread until {@link #close()}. */
  public void startChanging(Duration period) {
    changeLoop.start(period, () -> log.debug("salesforce simulator round: {}", tick()));
  }

  @Override
  public void close() {
    changeLoop.stop();
    server.close();
  }

  // ---- OAuth

  private SimResponse token(SimRequest request) {
    Map<String, String> form = request.form();
    String grant = form.getOrDefault("grant_type", "");
    if (!grant.equals("password") && !grant.equals("client_credentials")) {
      return SimResponse.json(400, Map.of("error", "unsupported_grant_type", "error_description", "grant type not supported"));
    }
    if (!tokens.knows(form.get("client_id"), form.get("client_secret"))) {
      return SimResponse.json(400, Map.of("error", "invalid_client_id", "error_description", "client identifier invalid"));
    }
    if (grant.equals("password")
        && !(options.username().equals(form.get("username")) && options.password().equals(form.get("password")))) {
      return SimResponse.json(400, Map.of("error", "invalid_grant", "error_description", "authentication failure"));
    }
    String issuedAt = String.valueOf(System.currentTimeMillis());
    String instance = baseUri().toString();
    String userId = SalesforceIds.of("005", 4242);
    String orgId = SalesforceIds.of("00D", 77);
    String id = instance + "/id/" + orgId + "/" + userId;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", orgId.substring(0, 15) + "!" + tokens.issue());
    body.put("instance_url", instance);
    body.put("id", id);
    body.put("token_type", "Bearer");
    body.put("issued_at", issuedAt);
    body.put("signature", signature(id + issuedAt));
    return SimResponse.json(200, body);
  }

  private boolean authorized(SimRequest request) {
    // the token is "<org id>!<opaque part>"; only the opaque part is registered
    return request.bearer().map(t -> t.substring(t.indexOf('!') + 1))
        .map(t -> tokens.valid(new SimRequest(request.method(), request.path(), Map.of(), Map.of(),
            Map.of("authorization", "Bearer " + t), new byte[0])))
        .orElse(false);
  }

  private String signature(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest((text + options.clientSecret()).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- API plumbing

  private SimServer.Handler api(SimServer.Handler handler) {
    return request -> {
      String version = request.pathParam("version");
      var m = VERSION.matcher(version);
      if (!m.matches() || Integer.parseInt(m.group(1)) < 20 || Integer.parseInt(m.group(1)) > 62) {
        return error(404, "NOT_FOUND", "The requested resource does not exist");
      }
      if (!authorized(request)) {
        return error(401, "INVALID_SESSION_ID", "Session expired or invalid");
      }
      long used = apiUsage.incrementAndGet();
      String limitInfo = "api-usage=" + used + "/" + options.dailyRequestLimit();
      if (used > options.dailyRequestLimit()) {
        return error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.").withHeader("Sforce-Limit-Info", limitInfo);
      }
      return handler.handle(request).withHeader("Sforce-Limit-Info", limitInfo);
    };
  }

  private static SimResponse error(int status, String code, String message) {
    return SimResponse.json(status, List.of(Map.of("message", message, "errorCode", code)));
  }

  private static String codeFor(int status) {
    return switch (status) {
      case 400 -> "MALFORMED_QUERY";
      case 401 -> "INVALID_SESSION_ID";
      case 403, 429 -> "REQUEST_LIMIT_EXCEEDED";
      case 404 -> "NOT_FOUND";
      case 503 -> "SERVER_UNAVAILABLE";
      default -> "UNKNOWN_EXCEPTION";
    };
  }

  private Set<String> formats() {
    Set<String> on = new HashSet<>();
    for (String f : List.of(SalesforceSchema.MAILING_ADDRESS_SPLIT, SalesforceSchema.RENAME_PHONE, SalesforceSchema.EPOCH_DATES)) {
      if (server.formatOn(f)) {
        on.add(f);
      }
    }
    return on;
  }

  private static String path(String version, String rest) {
    return "/services/data/" + version + rest;
  }

  // ---- resources

  private static List<Map<String, Object>> versions() {
    List<Map<String, Object>> out = new ArrayList<>();
    String[] labels = {"Summer '23", "Winter '24", "Spring '24", "Summer '24", "Winter '25"};
    for (int v = 58; v <= 62; v++) {
      out.add(Map.of("label", labels[v - 58], "url", "/services/data/v" + v + ".0", "version", v + ".0"));
    }
    return out;
  }

  private SimResponse resources(SimRequest r) {
    String v = r.pathParam("version");
    Map<String, Object> out = new LinkedHashMap<>();
    for (String res : List.of("limits", "query", "queryAll", "sobjects", "search", "composite")) {
      out.put(res, path(v, "/" + res));
    }
    return SimResponse.json(200, out);
  }

  private SimResponse limits(SimRequest r) {
    long used = apiUsage.get();
    return SimResponse.json(200, Map.of("DailyApiRequests",
        Map.of("Max", options.dailyRequestLimit(), "Remaining", Math.max(0, options.dailyRequestLimit() - used))));
  }

  private SimResponse describeGlobal(SimRequest r) {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (String type : SalesforceSchema.types().stream().sorted().toList()) {
      objects.add(Map.of("name", type, "label", type, "keyPrefix", SalesforceSchema.KEY_PREFIXES.get(type),
          "queryable", true, "createable", true, "updateable", true, "custom", false,
          "urls", Map.of("sobject", path(r.pathParam("version"), "/sobjects/" + type),
              "describe", path(r.pathParam("version"), "/sobjects/" + type + "/describe"))));
    }
    return SimResponse.json(200, Map.of("encoding", "UTF-8", "maxBatchSize", 200, "sobjects", objects));
  }

  private SimResponse describe(SimRequest r) {
    String type = r.pathParam("type");
    if (!SalesforceSchema.knows(type)) {
      return error(404, "NOT_FOUND", "The requested resource does not exist");
    }
    List<Map<String, Object>> fields = new ArrayList<>();
    SalesforceSchema.visibleFields(type, formats()).forEach((name, t) -> {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("name", name);
      f.put("label", name.replace("__c", "").replaceAll("([a-z])([A-Z])", "$1 $2"));
      f.put("type", t);
      f.put("custom", name.endsWith("__c"));
      f.put("nillable", !name.equals("Id") && !name.equals("SystemModstamp") && !name.equals("IsDeleted"));
      f.put("createable", !SalesforceSchema.SYSTEM_FIELDS.contains(name));
      f.put("updateable", !SalesforceSchema.SYSTEM_FIELDS.contains(name));
      f.put("referenceTo", SalesforceSchema.relationshipTargets(type, name));
      f.put("relationshipName", t.equals("reference") ? name.substring(0, name.length() - 2) : null);
      fields.add(f);
    });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", type);
    out.put("label", type);
    out.put("keyPrefix", SalesforceSchema.KEY_PREFIXES.get(type));
    out.put("queryable", true);
    out.put("fields", fields);
    return SimResponse.json(200, out);
  }

  // ---- query

  private SimResponse query(SimRequest r) {
    String q = r.param("q").orElse(null);
    if (q == null || q.isBlank()) {
      return error(400, "MALFORMED_QUERY", "A query string has to be specified");
    }
    Soql soql;
    try {
      soql = Soql.parse(q);
    } catch (Soql.Malformed e) {
      return error(400, "MALFORMED_QUERY", e.getMessage());
    }
    String type = SalesforceSchema.types().stream().filter(t -> t.equalsIgnoreCase(soql.object())).findFirst().orElse(null);
    if (type == null) {
      return error(400, "INVALID_TYPE", "sObject type '" + soql.object() + "' is not supported. If you are attempting "
          + "to use a custom object, be sure to append the '__c' after the entity name.");
    }
    Set<String> formats = formats();
    Map<String, String> visible = SalesforceSchema.visibleFields(type, formats);
    List<String[]> selected = new ArrayList<>(); // {output name, relationship (or null), field}
    for (String f : soql.fields()) {
      int dot = f.indexOf('.');
      if (dot < 0) {
        String name = properName(visible, f);
        if (name == null) {
          return noSuchColumn(f, type);
        }
        selected.add(new String[] {name, null, name});
      } else {
        String rel = f.substring(0, dot);
        String refField = properName(visible, rel + "Id");
        List<String> targets = refField == null ? List.of() : SalesforceSchema.relationshipTargets(type, refField);
        if (targets.size() != 1) {
          return error(400, "INVALID_FIELD", "Didn't understand relationship '" + rel + "' in field path. If you are "
              + "attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name.");
        }
        String name = properName(SalesforceSchema.visibleFields(targets.get(0), formats), f.substring(dot + 1));
        if (name == null) {
          return noSuchColumn(f, type);
        }
        selected.add(new String[] {refField.substring(0, refField.length() - 2), refField, name});
      }
    }
    for (Soql.Condition c : soql.where()) {
      if (properName(visible, c.field()) == null) {
        return noSuchColumn(c.field(), type);
      }
    }
    for (Soql.Order o : soql.orderBy()) {
      if (properName(visible, o.field()) == null) {
        return noSuchColumn(o.field(), type);
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> stored : data.all(type)) {
      boolean match = true;
      for (Soql.Condition c : soql.where()) {
        String field = properName(visible, c.field());
        String canonical = SalesforceSchema.canonicalField(type, field, formats);
        Object value = canonical != null ? stored.get(canonical)
            : SalesforceSchema.render(type, stored, formats).get(field);
        Integer cmp = compare(value, c);
        if (cmp == null) {
          return error(400, "INVALID_FIELD", "value of filter criterion for field '" + field + "' must be of type "
              + visible.get(field) + " and should not be enclosed in quotes");
        }
        match &= switch (c.op()) {
          case "=" -> cmp == 0;
          case "!=" -> cmp != 0;
          case "<" -> cmp < 0;
          case "<=" -> cmp <= 0;
          case ">" -> cmp > 0;
          default -> cmp >= 0;
        };
      }
      if (match) {
        rows.add(stored);
      }
    }
    Comparator<Map<String, Object>> order = null;
    for (Soql.Order o : soql.orderBy()) {
      String canonical = SalesforceSchema.canonicalField(type, properName(visible, o.field()), formats);
      Comparator<Map<String, Object>> c = Comparator.comparing(m -> (Comparable) (canonical == null ? null : comparable(m.get(canonical))),
          Comparator.nullsFirst(Comparator.naturalOrder()));
      c = o.descending() ? c.reversed() : c;
      order = order == null ? c : order.thenComparing(c);
    }
    if (order != null) {
      rows.sort(order);
    }
    if (soql.limit().isPresent() && rows.size() > soql.limit().getAsInt()) {
      rows = rows.subList(0, soql.limit().getAsInt());
    }
    String version = r.pathParam("version");
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (Map<String, Object> stored : rows) {
      Map<String, Object> shown = SalesforceSchema.render(type, stored, formats);
      Map<String, Object> rec = new LinkedHashMap<>();
      rec.put("attributes", attributes(version, type, (String) stored.get("Id")));
      for (String[] s : selected) {
        if (s[1] == null) {
          rec.put(s[0], shown.get(s[2]));
        } else {
          String targetId = (String) stored.get(s[1]);
          String target = SalesforceSchema.relationshipTargets(type, s[1]).get(0);
          Map<String, Object> parent = targetId == null ? null : data.get(target, targetId);
          if (parent == null) {
            rec.putIfAbsent(s[0], null);
          } else {
            @SuppressWarnings("unchecked")
            Map<String, Object> nested = rec.get(s[0]) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
            if (nested == null) {
              nested = new LinkedHashMap<>();
              nested.put("attributes", attributes(version, target, targetId));
              rec.put(s[0], nested);
            }
            nested.put(s[2], SalesforceSchema.render(target, parent, formats).get(s[2]));
          }
        }
      }
      out.add(rec);
    }
    return page(version, type, out, 0, null);
  }

  private SimResponse queryMore(SimRequest r) {
    String raw = r.pathParam("locator");
    int dash = raw.lastIndexOf('-');
    Locator locator = dash < 0 ? null : locators.get(raw.substring(0, dash));
    int offset;
    try {
      offset = dash < 0 ? -1 : Integer.parseInt(raw.substring(dash + 1));
    } catch (NumberFormatException e) {
      offset = -1;
    }
    if (locator == null || offset < 0 || offset > locator.records().size()) {
      return error(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
    }
    return page(r.pathParam("version"), locator.type(), locator.records(), offset, raw.substring(0, dash));
  }

  private SimResponse page(String version, String type, List<Map<String, Object>> all, int offset, String locatorId) {
    int end = Math.min(all.size(), offset + options.pageSize());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("totalSize", all.size());
    body.put("done", end >= all.size());
    if (end < all.size()) {
      String id = locatorId;
      if (id == null) {
        id = SalesforceIds.of("01g", locatorSerial.incrementAndGet());
        locators.put(id, new Locator(type, all));
      }
      body.put("nextRecordsUrl", path(version, "/query/" + id + "-" + end));
    }
    body.put("records", all.subList(offset, end));
    SimResponse response = SimResponse.json(200, body);
    if (truncatedPages.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return SimResponse.bytes(200, "application/json", java.util.Arrays.copyOf(response.body(), response.body().length / 2));
    }
    return response;
  }

  private static Map<String, Object> attributes(String version, String type, String id) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("type", type);
    a.put("url", path(version, "/sobjects/" + type + "/" + id));
    return a;
  }

  private static SimResponse noSuchColumn(String field, String type) {
    return error(400, "INVALID_FIELD", "No such column '" + field + "' on entity '" + type + "'. If you are attempting "
        + "to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL "
        + "or the describe call for the appropriate names.");
  }

  private static String properName(Map<String, String> visible, String name) {
    for (String v : visible.keySet()) {
      if (v.equalsIgnoreCase(name)) {
        return v;
      }
    }
    return null;
  }

  private static Object comparable(Object v) {
    return v instanceof Number n ? (Object) n.doubleValue() : v;
  }

  /** Compares a stored value with a condition's literal; null when the literal has the wrong type. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Integer compare(Object value, Soql.Condition c) {
    Object literal;
    if (!c.quoted() && c.literal().equalsIgnoreCase("null")) {
      return value == null ? 0 : 1;
    }
    if (value instanceof Instant) {
      if (c.quoted()) {
        return null;
      }
      literal = SalesforceTimes.parse(c.literal());
    } else if (value instanceof LocalDate) {
      try {
        literal = LocalDate.parse(c.literal());
      } catch (RuntimeException e) {
        return null;
      }
    } else if (value instanceof Number) {
      try {
        literal = Double.parseDouble(c.literal());
        value = ((Number) value).doubleValue();
      } catch (NumberFormatException e) {
        return null;
      }
    } else if (value instanceof Boolean) {
      literal = Boolean.parseBoolean(c.literal());
    } else {
      literal = c.literal();
    }
    if (literal == null) {
      return null;
    }
    if (value == null) {
      return -1;
    }
    return ((Comparable) value).compareTo(literal);
  }

  // ---- sObject rows

  private SimResponse retrieve(SimRequest r) {
    String type = r.pathParam("type");
    Map<String, Object> rec = SalesforceSchema.knows(type) ? record(type, r.pathParam("id")) : null;
    if (rec == null) {
      return error(404, "NOT_FOUND", "The requested resource does not exist");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("attributes", attributes(r.pathParam("version"), type, r.pathParam("id")));
    out.putAll(rec);
    return SimResponse.json(200, out);
  }

  private SimResponse create(SimRequest r) {
    String type = r.pathParam("type");
    if (!SalesforceSchema.knows(type)) {
      return error(404, "NOT_FOUND", "The requested resource does not exist");
    }
    Object fields = writableFields(type, r.json());
    if (fields instanceof SimResponse rejected) {
      return rejected;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> values = (Map<String, Object>) fields;
    if (type.equals("Task")) {
      values.putIfAbsent("Status", "Not Started");
      values.putIfAbsent("Priority", "Normal");
    }
    String id = data.create(type, values);
    created.add(new Created(type, id, record(type, id)));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("success", true);
    body.put("errors", List.of());
    return SimResponse.json(201, body);
  }

  private SimResponse update(SimRequest r) {
    String type = r.pathParam("type");
    String id = r.pathParam("id");
    if (!SalesforceSchema.knows(type)) {
      return error(404, "NOT_FOUND", "The requested resource does not exist");
    }
    if (!SalesforceIds.wellFormed(id) && !(id.length() == 15)) {
      return error(400, "MALFORMED_ID", type + " ID: id value of incorrect type: " + id);
    }
    Object fields = writableFields(type, r.json());
    if (fields instanceof SimResponse rejected) {
      return rejected;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> values = (Map<String, Object>) fields;
    if (!data.update(type, id, values)) {
      return error(404, "NOT_FOUND", "The requested resource does not exist");
    }
    updated.add(new Updated(type, id, Map.copyOf(values.entrySet().stream().filter(e -> e.getValue() != null)
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))));
    return SimResponse.empty(204);
  }

  /** The canonical field values of a create or update body, or the error response that rejects it. */
  private Object writableFields(String type, JsonNode body) {
    if (!body.isObject()) {
      return error(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of " + type + " from " + body.getNodeType());
    }
    Set<String> formats = formats();
    Map<String, String> visible = SalesforceSchema.visibleFields(type, formats);
    Map<String, Object> values = new LinkedHashMap<>();
    var it = body.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (e.getKey().equals("attributes")) {
        continue;
      }
      String name = properName(visible, e.getKey());
      String canonical = name == null ? null : SalesforceSchema.canonicalField(type, name, formats);
      if (canonical == null) {
        return error(400, "INVALID_FIELD", "No such column '" + e.getKey() + "' on sobject of type " + type);
      }
      if (SalesforceSchema.SYSTEM_FIELDS.contains(canonical)) {
        return error(400, "INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: " + canonical
            + ". Please check the security settings of this field and verify that it is read/write for your profile "
            + "or permission set.");
      }
      JsonNode v = e.getValue();
      String t = visible.get(name);
      Object value;
      if (v.isNull()) {
        value = null;
      } else if (t.equals("reference")) {
        String target = data.typeOf(v.asText());
        if (target == null || !SalesforceSchema.relationshipTargets(type, canonical).contains(target)) {
          return error(400, "FIELD_INTEGRITY_EXCEPTION", canonical.replace("Id", " ID") + ": id value of incorrect type: "
              + v.asText());
        }
        value = v.asText();
      } else if (t.equals("date")) {
        try {
          value = LocalDate.parse(v.asText());
        } catch (RuntimeException ex) {
          return error(400, "JSON_PARSER_ERROR", "Cannot deserialize value of type `date` from String \"" + v.asText() + "\"");
        }
      } else if (t.equals("datetime")) {
        value = SalesforceTimes.parse(v.asText());
        if (value == null) {
          return error(400, "JSON_PARSER_ERROR", "Cannot deserialize value of type `datetime` from String \"" + v.asText() + "\"");
        }
      } else if (v.isBoolean()) {
        value = v.asBoolean();
      } else if (v.isNumber()) {
        value = v.numberValue();
      } else {
        value = v.asText();
      }
      values.put(canonical, value);
    }
    return values;
  }

}
