package io.cxhub.notify;

import io.cxhub.drift.Severity;
import java.time.Duration;

/**
 * Where drift alerts are sent ({@code drift.notify} in hub.yaml). A new alert goes out at once;
 * updates of live alerts (more occurrences) are collected and sent as one digest per interval.
 *
 * @param webhookUrl a Slack-compatible incoming webhook, or null for none
 * @param minSeverity alerts below this are not sent (INFO: all)
 * @param kafkaBootstrapServers brokers of the Kafka sink, or null for none
 * @param kafkaTopic topic of the Kafka sink
 * @param digestInterval how often updates are sent as a digest
 */
public record NotifySettings(String webhookUrl, Severity minSeverity, String kafkaBootstrapServers, String kafkaTopic,
    Duration digestInterval) {

  public static NotifySettings none() {
    return new NotifySettings(null, Severity.INFO, null, "cxhub.drift.alerts", Duration.ofMinutes(15));
  }

  @Override
  public String toString() { // a webhook URL is a secret (Slack's carries the token)
    return "NotifySettings[webhook=" + (webhookUrl == null ? "none" : "set") + ", minSeverity=" + minSeverity
        + ", kafka=" + kafkaBootstrapServers + "/" + kafkaTopic + ", digest=" + digestInterval + "]";
  }
}
