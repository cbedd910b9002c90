package io.cxhub.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.spi.record.RawRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Stripe's webhook deliveries for every instance at {@code /webhooks/stripe/<instance>}:
 * verifies the {@code Stripe-Signature} against the instance's {@code webhookSecret}
 * ({@link StripeSignature}) and turns a genuine event about a configured stream into a pushed
 * record (no cursor: the events API remains the source of positions). Answers 400 for a delivery
 * that fails verification (logged with the reason, never the secret), 404 for an unknown instance
 * or one without a webhook secret, 200 otherwise (also for event types no stream takes, as Stripe
 * expects). Thread-safe.
 */
final class StripeWebhooks {

  /** Property: the record to hand to the hub, set only for a verified event of a configured stream. */
  static final String RECORD = "cxhubStripeWebhookRecord";
  static final String EVENT_ID = "cxhubStripeWebhookEvent";

  private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, StripeReader> instances = new ConcurrentHashMap<>();

  /** Called when an instance's template beans are created; a re-added instance replaces the old one. */
  void register(StripeReader reader) {
    instances.put(reader.instance(), reader);
  }

  /** Verifies the delivery. Sets the HTTP answer; property {@link #RECORD} := the record, if any. */
  void receive(Exchange exchange) {
    Message m = exchange.getMessage();
    String instance = m.getHeader("instance", String.class);
    byte[] body = m.getBody(byte[].class);
    String signature = m.getHeader("Stripe-Signature", String.class);
    m.removeHeaders("*");
    StripeReader found = instance == null ? null : instances.get(instance);
    if (found != null && exchange.getContext().getRoute(instance) == null) {
      instances.remove(instance, found); // the instance was removed since
      found = null;
    }
    StripeReader reader = found;
    if (reader == null || reader.settings().webhookSecret() == null) {
      answer(m, 404, "no Stripe connector instance with a webhook secret at this path");
      return;
    }
    Optional<String> problem = StripeSignature.verify(signature, body == null ? new byte[0] : body,
        reader.settings().webhookSecret(), reader.settings().webhookTolerance(), Instant.now());
    if (problem.isPresent()) {
      log.warn("stripe instance {}: rejected a webhook delivery: {}", instance, problem.get());
      answer(m, 400, "signature verification failed: " + problem.get());
      return;
    }
    JsonNode event;
    try {
      event = JSON.readTree(body);
    } catch (IOException e) {
      event = null;
    }
    if (event == null || !event.path("object").asText().equals("event") || !event.path("data").path("object").isObject()) {
      log.warn("stripe instance {}: rejected a signed webhook delivery that is not a Stripe event", instance);
      answer(m, 400, "the body is not a Stripe event");
      return;
    }
    JsonNode object = event.path("data").path("object");
    String eventId = event.path("id").asText();
    Optional<StripeStreams.Stream> stream = StripeStreams.ofObject(object.path("object").asText())
        .filter(s -> reader.settings().streams().contains(s.name()));
    if (stream.isPresent() && reader.seen().add(eventId)) {
      exchange.setProperty(EVENT_ID, eventId);
      exchange.setProperty(RECORD, new RawRecord(StripeConnector.ID, stream.get().name(), object.path("id").asText(),
          Instant.ofEpochSecond(event.path("created").asLong()), object, null, instance));
    }
    answer(m, 200, null);
  }

  /** Body := the record to ingest. */
  static void toRecord(Exchange exchange) {
    exchange.getMessage().setBody(exchange.getProperty(RECORD));
  }

  /** The hub did not take the record: release its event id and answer 500, so Stripe delivers it again. */
  void notIngested(Exchange exchange) {
    RawRecord r = exchange.getProperty(RECORD, RawRecord.class);
    StripeReader reader = instances.get(r.connectorInstance());
    String eventId = exchange.getProperty(EVENT_ID, String.class);
    if (reader != null && eventId != null) {
      reader.seen().remove(eventId);
    }
    Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    log.warn("stripe instance {}: could not hand a webhook event to the hub: {}", r.connectorInstance(),
        StripeReader.rootMessage(cause));
    answer(exchange.getMessage(), 500, "the hub could not take the event; deliver it again");
  }

  /** Restores the 200 answer after the record went to the hub. */
  static void received(Exchange exchange) {
    answer(exchange.getMessage(), 200, null);
  }

  private static void answer(Message m, int status, String error) {
    m.removeHeaders("*");
    m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
    m.setHeader(Exchange.CONTENT_TYPE, "application/json");
    m.setBody(error == null ? "{\"received\":true}"
        : JSON.createObjectNode().set("error", JSON.createObjectNode().put("message", error)).toString());
  }
}
