package io.cxhub.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One real single-node KRaft Kafka broker (combined broker and controller) per test JVM, started in-process on
 * first use and stopped when the JVM exits. Tests share it and keep apart by topic: {@link #newTopic} gives each
 * test a topic of its own.
 */
public final class KafkaBroker {

  private static final AtomicInteger topics = new AtomicInteger();
  private static KafkaClusterTestKit cluster;

  private KafkaBroker() {}

  /** {@code host:port} of the broker, starting it on first call (a few seconds). */
  public static synchronized String bootstrapServers() {
    if (cluster == null) {
      cluster = start();
      KafkaClusterTestKit started = cluster;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (Exception e) {
          // the JVM is exiting: nothing left to tell
        }
      }, "kafka-broker-stop"));
    }
    return cluster.bootstrapServers();
  }

  private static KafkaClusterTestKit start() {
    try {
      KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
          .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
          .setBootstrapMetadataVersion(MetadataVersion.latestProduction()).build())
          // one broker: internal topics cannot have the default three replicas
          .setConfigProp("offsets.topic.replication.factor", "1")
          .setConfigProp("offsets.topic.num.partitions", "1")
          .setConfigProp("transaction.state.log.replication.factor", "1")
          .setConfigProp("transaction.state.log.min.isr", "1")
          .setConfigProp("group.initial.rebalance.delay.ms", "0")
          .build();
      kit.format();
      kit.startup();
      kit.waitForReadyBrokers();
      return kit;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the test Kafka broker", e);
    } catch (Exception e) {
      throw new IllegalStateException("could not start the test Kafka broker: " + e, e);
    }
  }

  /** Creates a topic named {@code prefix-N} with {@code partitions} partitions and returns its name. */
  public static String newTopic(String prefix, int partitions) {
    String name = prefix + "-" + topics.incrementAndGet();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + name, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not create topic " + name + ": " + e.getCause(), e.getCause());
    }
    return name;
  }

  /**
   * Reads {@code count} records of {@code topic} from the beginning, in partition order, without a consumer
   * group. Fails when fewer arrive within {@code timeout}.
   */
  public static List<ConsumerRecord<String, String>> read(String topic, int count, Duration timeout) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
          .map(i -> new TopicPartition(topic, i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (out.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    if (out.size() < count) {
      throw new AssertionError("expected " + count + " records on " + topic + " within " + timeout + ", got "
          + out.size() + ": " + out);
    }
    return out;
  }
}
