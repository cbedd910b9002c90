package io.cxhub.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.alerts.DriftAlert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes notices to a Kafka topic, one record per alert, keyed {@code system/stream} so that one stream's alerts
 * stay in order. The value is {@code {"type": ..., "alert": <the alert as GET /api/drift/alerts/{id} shows it>}}:
 * {@code drift.alert.opened} for a new alert, {@code drift.alert.updated} for each alert of a digest (a consumer
 * keeps the latest per {@code alert.id}; a digest is a batching of the webhook, not a thing of its own).
 *
 * <p>The producer is idempotent with {@code acks=all}; it retries on its own within {@link #DELIVERY_TIMEOUT}, and
 * the {@link Outbox} retries after that, so delivery is at least once: a record can repeat after a timeout, never
 * silently vanish. Only the outbox thread waits for the broker, never drift detection.
 */
final class KafkaSink implements AlertSink {

  static final String OPENED = "drift.alert.opened";
  static final String UPDATED = "drift.alert.updated";

  /** The longest a send may wait for metadata or buffer space before counting as a (retried) failure. */
  static final Duration MAX_BLOCK = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

  private final String topic;
  private final ObjectMapper json;
  private final KafkaProducer<String, byte[]> producer;

  KafkaSink(String bootstrapServers, String topic, ObjectMapper json) {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("drift.notify.kafka.topic must not be empty");
    }
    this.topic = topic;
    this.json = json;
    Map<String, Object> config = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.CLIENT_ID_CONFIG, "cxhub-drift-notify",
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis(),
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis(),
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis());
    try {
      this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    } catch (KafkaException e) {
      throw new IllegalArgumentException("drift.notify.kafka: cannot create a producer for bootstrap servers '"
          + bootstrapServers + "': " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return "kafka topic " + topic;
  }

  /** The JSON value of one record. */
  record Message(String type, DriftAlert alert) {}

  @Override
  public Delivery deliver(Notice notice) throws InterruptedException {
    String type = notice.kind() == Notice.Kind.OPENED ? OPENED : UPDATED;
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    try {
      for (DriftAlert alert : notice.alerts()) {
        byte[] value = json.writeValueAsBytes(new Message(type, alert));
        sent.add(producer.send(new ProducerRecord<>(topic, alert.streamKey(), value)));
      }
      long deadline = System.nanoTime() + DELIVERY_TIMEOUT.plus(MAX_BLOCK).toNanos();
      for (Future<RecordMetadata> f : sent) {
        f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
      return Delivery.delivered();
    } catch (JsonProcessingException e) {
      return Delivery.rejected("cannot write the alert as JSON: " + e.getOriginalMessage());
    } catch (ExecutionException e) {
      return classify(e.getCause());
    } catch (InterruptException e) { // the producer's unchecked form: the outbox is being stopped
      throw new InterruptedException("interrupted while sending to " + topic);
    } catch (KafkaException e) { // thrown by send() itself, e.g. no metadata within max.block.ms
      return classify(e);
    } catch (TimeoutException e) {
      return Delivery.retry("no acknowledgement within " + DELIVERY_TIMEOUT.plus(MAX_BLOCK).toSeconds() + " s");
    }
  }

  private static Delivery classify(Throwable e) {
    String detail = e.getClass().getSimpleName() + ": " + e.getMessage();
    return e instanceof RetriableException ? Delivery.retry(detail) : Delivery.rejected(detail);
  }

  @Override
  public void close(long timeoutMillis) {
    producer.close(Duration.ofMillis(Math.max(0, timeoutMillis)));
  }
}
