package io.cxhub.connector.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.mapping.EntityRecord;
import io.cxhub.mapping.IdentityKey;
import io.cxhub.mapping.MappedRecord;
import io.cxhub.mapping.Mapping;
import io.cxhub.mapping.MappingLoader;
import io.cxhub.mapping.MappingRegistry;
import io.cxhub.simulator.stripe.StripeOptions;
import io.cxhub.simulator.stripe.StripeSimulator;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.taxonomy.Taxonomy;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped mappings/stripe against every object the simulator serves. */
class StripeMappingsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static StripeSimulator simulator;
  private static MappingRegistry registry;

  @BeforeAll
  static void start() {
    simulator = StripeSimulator.start(StripeOptions.defaults().withCustomers(150));
    // surefire runs in connectors/connector-stripe; the shipped mappings are at the repository root
    registry = MappingRegistry.load(Path.of("..", "..", "mappings"), new MappingLoader(Taxonomy.loadDefault()));
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void everyStreamHasAMappingInTheRepositoryAndInThePluginJar() {
    for (String stream : StripeStreams.names()) {
      assertTrue(registry.find("stripe", stream).isPresent(), "mappings/stripe/" + stream + ".yaml");
    }
    for (String resource : new StripeConnector().defaultMappings()) {
      assertNotNull(getClass().getClassLoader().getResource(resource), "resource " + resource);
    }
  }

  @Test
  void everySimulatedObjectMapsCleanly() throws Exception {
    for (String stream : StripeStreams.names()) {
      Mapping mapping = registry.find("stripe", stream).orElseThrow();
      List<JsonNode> objects = list(stream);
      assertTrue(objects.size() > 20, stream + ": " + objects.size());
      for (JsonNode o : objects) {
        MappedRecord mapped = mapping.map(RawRecord.pushed("stripe", stream, o.path("id").asText(), o));
        assertTrue(!mapped.entities().isEmpty(), stream + "/" + o.path("id"));
        for (EntityRecord e : mapped.entities()) {
          assertTrue(e.keys().contains(new IdentityKey("billing_customer_id",
              stream.equals("customers") ? o.path("id").asText() : o.path("customer").asText())), e.toString());
        }
      }
    }
  }

  @Test
  void aCustomerBecomesAPartyAndABillingAccount() throws Exception {
    JsonNode customer = list("customers").stream().filter(c -> c.hasNonNull("email") && c.hasNonNull("phone"))
        .findFirst().orElseThrow();
    MappedRecord mapped = registry.find("stripe", "customers").orElseThrow()
        .map(RawRecord.pushed("stripe", "customers", customer.path("id").asText(), customer));
    EntityRecord party = mapped.entities().get(0);
    assertEquals("party", party.entity());
    assertEquals(customer.path("email").asText().strip().toLowerCase(), party.fields().get("email"));
    assertTrue(party.fields().get("phone").toString().matches("\\+\\d{8,15}"), "E.164: " + party.fields().get("phone"));
    assertEquals(Instant.ofEpochSecond(customer.path("created").asLong()), party.fields().get("created_at"));
    assertEquals(customer.path("address").path("country").asText(), party.fields().get("country"));
    EntityRecord account = mapped.entities().get(1);
    assertEquals("billing_account", account.entity());
    assertEquals("ACTIVE", account.fields().get("status"));
    assertEquals(0, BigDecimal.ZERO.compareTo((BigDecimal) account.fields().get("balance")));
  }

  @Test
  void invoiceAmountsAreDecimalsAndTimesAreInstants() throws Exception {
    JsonNode invoice = list("invoices").stream().filter(i -> i.path("status").asText().equals("paid")).findFirst()
        .orElseThrow();
    EntityRecord e = registry.find("stripe", "invoices").orElseThrow()
        .map(RawRecord.pushed("stripe", "invoices", invoice.path("id").asText(), invoice)).entities().get(0);
    assertEquals(BigDecimal.valueOf(invoice.path("amount_due").asLong(), 2), e.fields().get("amount_due"));
    assertEquals("PAID", e.fields().get("status"));
    assertEquals(invoice.path("currency").asText().toUpperCase(), e.fields().get("currency"));
    assertEquals(Instant.ofEpochSecond(invoice.path("status_transitions").path("paid_at").asLong()), e.fields().get("paid_at"));
  }

  @Test
  void failedChargesAndCanceledSubscriptionsKeepTheirStatus() throws Exception {
    JsonNode failed = list("charges").stream().filter(c -> c.path("status").asText().equals("failed")).findFirst()
        .orElseThrow();
    EntityRecord payment = registry.find("stripe", "charges").orElseThrow()
        .map(RawRecord.pushed("stripe", "charges", failed.path("id").asText(), failed)).entities().get(0);
    assertEquals(Map.of("status", "FAILED", "method", "CARD"),
        Map.of("status", payment.fields().get("status"), "method", payment.fields().get("method")));
    JsonNode canceled = list("subscriptions").stream().filter(s -> s.path("status").asText().equals("canceled"))
        .findFirst().orElseThrow();
    EntityRecord sub = registry.find("stripe", "subscriptions").orElseThrow()
        .map(RawRecord.pushed("stripe", "subscriptions", canceled.path("id").asText(), canceled)).entities().get(0);
    assertEquals("CANCELED", sub.fields().get("status"));
    assertEquals(Instant.ofEpochSecond(canceled.path("canceled_at").asLong()), sub.fields().get("canceled_at"));
    assertTrue(sub.fields().get("plan").toString().startsWith("price_"));
  }

  /** Every object of a list, paged the way Stripe pages. */
  private static List<JsonNode> list(String stream) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    List<JsonNode> out = new ArrayList<>();
    String after = null;
    while (true) {
      String q = "limit=100" + (stream.equals("subscriptions") ? "&status=all" : "") + (after == null ? "" : "&starting_after=" + after);
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUri() + "/v1/" + stream + "?" + q))
          .header("Authorization", "Bearer " + simulator.apiKey()).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      JsonNode page = JSON.readTree(r.body());
      page.path("data").forEach(out::add);
      if (!page.path("has_more").asBoolean()) {
        return out;
      }
      after = out.get(out.size() - 1).path("id").asText();
    }
  }
}
