package io.cxhub.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.drift.Severity;
import io.cxhub.runtime.Hub;
import io.cxhub.testing.KafkaBroker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Drift alert notifications written to a topic of a real KRaft broker and read back by a real consumer. */
class DriftNotificationsKafkaIT {

  private static final ObjectMapper JSON = Hub.json();
  private static final DriftNotifications.Tuning FAST = new DriftNotifications.Tuning(
      new Backoff(3, Duration.ofMillis(50), Duration.ofMillis(200)), 100, Duration.ofSeconds(10), 10_000);

  private static DriftNotifications notifier(String bootstrap, String topic, Duration closeTimeout) {
    return new DriftNotifications(new NotifySettings(null, Severity.INFO, bootstrap, topic, Duration.ofHours(1)),
        JSON, new DriftNotifications.Tuning(FAST.backoff(), 100, closeTimeout, 10_000));
  }

  @Test
  void aNewAlertIsOneRecordAndADigestOneRecordPerUpdatedAlertKeyedByStream() throws IOException {
    String topic = KafkaBroker.newTopic("drift-alerts", 1);
    try (DriftNotifications n = notifier(KafkaBroker.bootstrapServers(), topic, Duration.ofSeconds(10))) {
      n.opened(Alerts.removedAddress(1, 1));
      n.updated(Alerts.removedAddress(1, 100));
      n.updated(Alerts.splitAddress(2, 7, "party.address: concat(street, ' ', house_number)"));
      n.updated(Alerts.removedAddress(1, 250));
    } // close sends the digest, due only in an hour

    List<ConsumerRecord<String, String>> records = KafkaBroker.read(topic, 3, Duration.ofSeconds(10));
    assertEquals(3, records.size());
    assertEquals(List.of("billing/customers", "billing/customers", "stripe/customer"),
        records.stream().map(ConsumerRecord::key).toList());

    JsonNode opened = JSON.readTree(records.get(0).value());
    assertEquals("drift.alert.opened", opened.get("type").asText());
    assertEquals(1, opened.get("alert").get("id").asLong());
    assertEquals("FIELD_REMOVED", opened.get("alert").get("kind").asText());
    assertEquals("BREAKING", opened.get("alert").get("severity").asText());
    assertEquals("address", opened.get("alert").get("fields").get("old").get(0).asText());
    assertEquals("mappings/billing/customers.yaml", opened.get("alert").get("affected").get(0).get("file").asText());
    assertEquals("2026-01-05T10:00:00Z", opened.get("alert").get("firstSeen").asText(), "instants as ISO text");

    JsonNode first = JSON.readTree(records.get(1).value());
    assertEquals("drift.alert.updated", first.get("type").asText());
    assertEquals(1, first.get("alert").get("id").asLong());
    assertEquals(250, first.get("alert").get("occurrences").asLong(), "each alert once, with its latest counts");
    JsonNode second = JSON.readTree(records.get(2).value());
    assertEquals(2, second.get("alert").get("id").asLong());
    assertEquals(List.of("street", "house_number"),
        JSON.convertValue(second.get("alert").get("fields").get("new"), List.class));
    assertTrue(second.get("alert").get("proposal").asText().startsWith("party.address"));
  }

  @Test
  void anUnreachableBrokerNeitherBlocksTheCallerNorTheClose() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    DriftNotifications n = notifier("127.0.0.1:" + closedPort, "drift-alerts", Duration.ofSeconds(2));
    long start = System.nanoTime();
    for (long id = 1; id <= 20; id++) {
      n.opened(Alerts.removedAddress(id, 1));
    }
    long calls = System.nanoTime() - start;
    n.close(); // 2 s to drain, then the producer is closed
    long closing = System.nanoTime() - start - calls;
    // one call that waited for the broker would take max.block.ms (5 s); 1 s leaves room for a loaded CI machine
    assertTrue(calls < Duration.ofSeconds(1).toNanos(), "20 calls took " + calls / 1_000_000 + " ms");
    assertTrue(closing < Duration.ofSeconds(6).toNanos(), "close is bounded, took " + closing / 1_000_000 + " ms");
  }
}
