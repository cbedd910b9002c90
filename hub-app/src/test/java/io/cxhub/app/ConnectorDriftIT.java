package io.cxhub.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.simulator.stripe.StripeOptions;
import io.cxhub.simulator.stripe.StripeSimulator;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Drift on a connector-fed stream: the Stripe connector plugin (its built jar in plugins/) reads the
 * Stripe simulator's customers; the baseline is the connector's declared schema, refined by the
 * first records; then the simulator's format changes (switched through its control API) reach the
 * records its changes touch: {@code address_split} turns {@code address.line1} into
 * {@code address.street} and {@code address.house_number}, {@code amount_as_decimal_string} turns
 * amounts in cents into decimal strings. The changes are forced ({@code tick}) rather than waited for.
 * The address split goes first: the amounts switch also reaches the customers' balance.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectorDriftIT {

  private static StripeSimulator stripe;
  private static HubFixture fixture;
  private static DriftProbe probe;

  @BeforeAll
  static void start() throws Exception {
    stripe = StripeSimulator.start(StripeOptions.defaults().withCustomers(150));
    fixture = new HubFixture(Map.of("STRIPE_API_BASE", stripe.baseUri().toString(), "STRIPE_API_KEY", stripe.apiKey()));
    probe = new DriftProbe(fixture);
    fixture.plugin("connector-stripe");
    Files.writeString(fixture.configDir.resolve("hub.yaml"), """
        drift:
          learnRecords: 60
          windowRecords: 1000
          windowSeconds: 1
          checkSeconds: 1
        """);
    fixture.route("stripe.yaml", """
        - templatedRoute:
            routeTemplateRef: stripe
            routeId: stripe-drift
            parameters:
              - name: apiBase
                value: "${env:STRIPE_API_BASE}"
              - name: apiKey
                value: "${env:STRIPE_API_KEY}"
              - name: streams
                value: customers,invoices
              - name: schedule
                value: "* * * * * ?"
        """);
    fixture.start();
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
    if (stripe != null) {
      stripe.close();
    }
  }

  @Test
  @Order(1)
  void theSimulatorsAddressSplitIsASplitOfTheDeclaredAndRefinedBaseline() {
    HubFixtureAwait.until("the declared baseline of stripe/customers refined by the listed customers",
        () -> probe.stream("stripe", "customers").map(s -> s.path("baselineOrigin").asText().equals("DECLARED")
            && s.path("learnedFrom").asLong() >= 60).orElse(false));
    HubFixtureAwait.until("every customer listed", () -> probe.stored("stripe", "customers") >= 150);

    switchOn("address_split");
    // customers change e-mail in about one change in seven: enough of them for a window
    Set<String> changed = stripe.tick(300).get("customers");
    assertTrue(changed.size() >= 30, "changed customers: " + changed.size());

    JsonNode alert = probe.awaitAlert("stripe", "customers", "SPLIT");
    assertEquals("[\"address.line1\"]", alert.path("fields").path("old").toString(), alert.toString());
    assertEquals("[\"address.street\",\"address.house_number\"]", alert.path("fields").path("new").toString());
    assertEquals("BREAKING", alert.path("severity").asText());
    assertEquals(1, alert.path("affected").size(), alert.toString());
    JsonNode affected = alert.path("affected").get(0);
    assertTrue(affected.path("file").asText().endsWith("stripe/customers.yaml"), affected.toString());
    assertEquals("[\"party.street\"]", affected.path("taxonomyFields").toString());
    assertTrue(alert.path("proposal").asText().contains(
        "street: { concat: [address.street, address.house_number], separator: \" \", transform: [trim] }"),
        alert.toString());
    List<String> kinds = probe.alerts("stripe", "customers").stream().map(a -> a.path("kind").asText()
        + a.path("fields")).toList();
    assertEquals(1, kinds.size(), "the split and nothing else, not the fields Stripe sent from the start: " + kinds);
  }

  @Test
  @Order(2)
  void theSimulatorsAmountsAsDecimalStringsAreAFormatChangeProposingToDecimal() {
    HubFixtureAwait.until("the declared baseline of stripe/invoices refined by the listed invoices",
        () -> probe.stream("stripe", "invoices").map(s -> s.path("learnedFrom").asLong() >= 60).orElse(false));

    switchOn("amount_as_decimal_string");
    // new invoices and payments are most of the simulator's changes
    Set<String> changed = stripe.tick(100).get("invoices");
    assertTrue(changed.size() >= 30, "changed invoices: " + changed.size());

    JsonNode alert = awaitFormatChange("amount_due");
    assertEquals("BREAKING", alert.path("severity").asText());
    JsonNode evidence = alert.path("evidence");
    assertEquals("NONE", evidence.path("formatBefore").asText(), evidence.toString());
    assertEquals("NUMBER_STRING", evidence.path("formatAfter").asText(), evidence.toString());
    assertTrue(evidence.path("before").asText().startsWith("integer"), evidence.toString());
    assertTrue(evidence.path("after").asText().startsWith("string, decimal-string"), evidence.toString());
    assertEquals("[\"invoice.amount_due\"]", alert.path("affected").get(0).path("taxonomyFields").toString());
    assertTrue(alert.path("proposal").asText().contains("amount_due: { path: amount_due, transform: [to_decimal] }"),
        alert.toString());
    JsonNode unmapped = awaitFormatChange("subtotal");
    assertEquals("INFO", unmapped.path("severity").asText(), "no mapping reads subtotal: " + unmapped);
    for (JsonNode other : probe.alerts("stripe", "invoices")) {
      assertEquals("FORMAT_CHANGED", other.path("kind").asText(), "amounts only changed format: " + other);
    }
  }

  private static JsonNode awaitFormatChange(String field) {
    JsonNode[] found = new JsonNode[1];
    HubFixtureAwait.until("FORMAT_CHANGED of stripe/invoices " + field, () -> {
      for (JsonNode a : probe.alerts("stripe", "invoices")) {
        if (a.path("kind").asText().equals("FORMAT_CHANGED") && a.path("fields").path("old").toString()
            .equals("[\"" + field + "\"]")) {
          found[0] = a;
          return true;
        }
      }
      return false;
    });
    return found[0];
  }

  /** Switches a format change of the simulator on through its control API. */
  private static void switchOn(String change) {
    HttpResponse<String> switched = fixture.send(HttpRequest.newBuilder(stripe.baseUri().resolve("/_sim/format"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"change\":\"" + change + "\",\"on\":true}")).build());
    assertEquals(200, switched.statusCode(), switched.body());
  }
}
