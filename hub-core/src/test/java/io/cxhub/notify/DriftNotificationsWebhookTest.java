package io.cxhub.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.drift.Severity;
import io.cxhub.notify.WebhookReceiver.Answer;
import io.cxhub.notify.WebhookReceiver.Received;
import io.cxhub.runtime.Hub;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drift alert notifications posted to a real loopback HTTP server playing Slack's incoming webhook. */
class DriftNotificationsWebhookTest {

  private static final ObjectMapper JSON = Hub.json();
  /** Slack-like: the token is in the path. It must never reach a log line. */
  private static final String TOKEN_PATH = "/services/T0CXHUB/B0DRIFT/s3cr3t-t0ken-never-logged";
  private static final String TOKEN = "s3cr3t-t0ken";
  /** Backoff 50, 100, 200, 400 ms instead of 1, 2, 4, 8 s: the same rules, fast. */
  private static final DriftNotifications.Tuning FAST = new DriftNotifications.Tuning(
      new Backoff(5, Duration.ofMillis(50), Duration.ofMillis(400)), 100, Duration.ofSeconds(5), 10_000);
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration WAIT = Duration.ofSeconds(5);

  private WebhookReceiver slack;
  private LogCapture logs;

  @BeforeEach
  void start() {
    logs = new LogCapture();
    slack = new WebhookReceiver();
  }

  @AfterEach
  void stop() {
    slack.close();
    logs.close();
    assertFalse(logs.text().contains(TOKEN), "the webhook URL's token was logged:\n" + logs.text());
  }

  private DriftNotifications notifier(Severity min, Duration digest) {
    return notifier(slack.url(TOKEN_PATH), min, digest);
  }

  private static DriftNotifications notifier(String url, Severity min, Duration digest) {
    return new DriftNotifications(new NotifySettings(url, min, null, "unused", digest), JSON, FAST);
  }

  private static JsonNode json(Received r) throws IOException {
    return JSON.readTree(r.body());
  }

  @Test
  void eachNewAlertIsOneMessageSentAtOnce() throws Exception {
    try (DriftNotifications n = notifier(Severity.INFO, HOUR)) {
      n.opened(Alerts.removedAddress(1, 1));
      n.opened(Alerts.splitAddress(2, 10, null));
      List<Received> got = slack.await(2, WAIT);
      assertEquals(2, got.size(), "one POST per new alert, long before the hourly digest");
      assertEquals(TOKEN_PATH, got.get(0).path());
      assertTrue(got.get(0).contentType().startsWith("application/json"), got.get(0).contentType());
      assertEquals("[BREAKING] FIELD_REMOVED on billing/customers: address (mappings/billing/customers.yaml)",
          json(got.get(0)).get("text").asText());
      assertEquals("[BREAKING] SPLIT on stripe/customer: address → street, house_number "
          + "(mappings/stripe/customer.yaml)", json(got.get(1)).get("text").asText());
    }
    assertEquals(2, slack.received().size(), "nothing else was pending at close");
  }

  @Test
  void updatesOfTwoAlertsGoOutAsOneDigestListingEachOnceWithItsLatestCounts() throws Exception {
    try (DriftNotifications n = notifier(Severity.INFO, Duration.ofMillis(500))) {
      n.updated(Alerts.removedAddress(1, 100));
      n.updated(Alerts.addedCoupon(2, 5));
      n.updated(Alerts.removedAddress(1, 250));
      List<Received> got = slack.await(1, WAIT);
      Thread.sleep(700); // a further interval: nothing new, so no further message
      assertEquals(1, slack.received().size(), "one digest for all updates of the interval");
      JsonNode digest = json(got.get(0));
      assertTrue(digest.get("text").asText().startsWith("Drift digest: 2 alerts updated: [BREAKING] FIELD_REMOVED"),
          digest.get("text").asText());
      JsonNode blocks = digest.get("blocks");
      assertEquals("header", blocks.get(0).get("type").asText());
      assertEquals(4, blocks.size(), "header, one section per alert, context: " + blocks);
      String first = blocks.get(1).get("text").get("text").asText();
      String second = blocks.get(2).get("text").get("text").asText();
      assertTrue(first.startsWith("*[BREAKING] FIELD_REMOVED* on `billing/customers`: `address` → —\n"), first);
      assertTrue(first.contains("alert #1") && first.contains("250 records in 2 windows"), first);
      assertFalse(first.contains("100 records"), "the latest counts, not the first: " + first);
      assertTrue(first.contains("`/api/drift/alerts/1`"), first);
      assertTrue(second.contains("alert #2") && second.contains("*[INFO] FIELD_ADDED* on `billing/customers`: — → `coupon`"), second);
    }
  }

  @Test
  void alertsBelowTheMinimumSeverityAreNotSentAndCloseSendsThePendingDigest() throws Exception {
    DriftNotifications n = notifier(Severity.BREAKING, HOUR);
    n.opened(Alerts.addedCoupon(1, 1)); // INFO
    n.opened(Alerts.removedAddress(2, 1)); // BREAKING
    n.updated(Alerts.addedCoupon(1, 9));
    n.updated(Alerts.removedAddress(2, 50));
    slack.await(1, WAIT);
    n.close(); // the digest is due in an hour: close sends it now
    List<Received> got = slack.received();
    assertEquals(2, got.size(), got.toString());
    assertTrue(json(got.get(0)).get("text").asText().startsWith("[BREAKING] FIELD_REMOVED"));
    JsonNode digest = json(got.get(1));
    assertTrue(digest.get("text").asText().startsWith("Drift digest: 1 alert updated"), digest.toString());
    assertFalse(got.get(1).body().contains("coupon"), "the INFO alert is not in the digest");
  }

  @Test
  void aServerErrorIsRetriedWithBackoffUntilDelivered() throws Exception {
    slack.answer(Answer.status(500), Answer.status(503));
    try (DriftNotifications n = notifier(Severity.INFO, HOUR)) {
      n.opened(Alerts.removedAddress(1, 1));
      List<Received> got = slack.await(3, WAIT);
      assertEquals(3, got.size());
      assertEquals(got.get(0).body(), got.get(2).body(), "the same message again");
      assertTrue(got.get(2).atNanos() - got.get(1).atNanos() >= Duration.ofMillis(90).toNanos(),
          "the second wait is twice the first (100 ms)");
    }
    String log = logs.text();
    assertTrue(log.contains("webhook: new alert #1 not delivered (HTTP 500), attempt 1/5"), log);
    assertTrue(log.contains("(HTTP 503), attempt 2/5"), log);
    assertFalse(log.contains("gave up"), log);
  }

  @Test
  void tooManyRequestsWaitsAsLongAsRetryAfterSays() throws Exception {
    slack.answer(new Answer(429, Map.of("Retry-After", "1"), "rate_limited", Duration.ZERO));
    try (DriftNotifications n = notifier(Severity.INFO, HOUR)) {
      n.opened(Alerts.removedAddress(1, 1));
      List<Received> got = slack.await(2, WAIT);
      assertEquals(2, got.size());
      long waited = got.get(1).atNanos() - got.get(0).atNanos();
      assertTrue(waited >= Duration.ofMillis(950).toNanos(), "waited " + waited / 1_000_000 + " ms, not 1 s");
    }
    assertTrue(logs.text().contains("webhook: new alert #1 not delivered (HTTP 429 rate_limited), attempt 1/5, "
        + "retrying in 1000 ms"), logs.text());
  }

  @Test
  void aClientErrorIsNotRetried() throws Exception {
    slack.answer(new Answer(404, Map.of(), "no_service", Duration.ZERO));
    try (DriftNotifications n = notifier(Severity.INFO, HOUR)) {
      n.opened(Alerts.removedAddress(1, 1));
      slack.await(1, WAIT);
      Thread.sleep(1_000); // longer than all backoff waits together (750 ms)
      assertEquals(1, slack.received().size());
    }
    assertTrue(logs.text().contains("webhook: new alert #1 rejected, not retried: HTTP 404 no_service"), logs.text());
  }

  @Test
  void aWebhookThatStaysDownIsGivenUpAfterFiveAttemptsWithoutLoggingItsUrl() throws Exception {
    slack.answer(Answer.status(500), Answer.status(500), Answer.status(500), Answer.status(500), Answer.status(500));
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    try (DriftNotifications down = notifier(slack.url(TOKEN_PATH), Severity.INFO, HOUR);
        DriftNotifications refused = notifier("http://127.0.0.1:" + closedPort + TOKEN_PATH + "?token=" + TOKEN,
            Severity.INFO, HOUR)) {
      down.opened(Alerts.removedAddress(1, 1));
      refused.opened(Alerts.removedAddress(2, 1));
      assertEquals(5, slack.await(5, WAIT).size());
      Thread.sleep(1_000); // the refused one's backoff: 750 ms
    }
    String log = logs.text();
    assertTrue(log.contains("webhook: gave up on new alert #1 after 5 attempts: HTTP 500"), log);
    assertTrue(log.contains("webhook: gave up on new alert #2 after 5 attempts: ConnectException"), log);
    assertFalse(log.contains(TOKEN_PATH) || log.contains(TOKEN) || log.contains("T0CXHUB"), log);
  }

  @Test
  void theMessageIsSlackBlockKitJsonWithinSlackLimits() throws Exception {
    String proposal = "mappings/stripe/customer.yaml:\n  party.address: concat(street, ' ', house_number) # <!channel>\n"
        + "  # padding\n".repeat(1_000);
    try (DriftNotifications n = notifier(Severity.INFO, HOUR)) {
      n.opened(Alerts.splitAddress(7, 1234, proposal));
      slack.await(1, WAIT);
    }
    JsonNode message = json(slack.received().get(0));
    assertTrue(message.get("text").isTextual());
    JsonNode blocks = message.get("blocks");
    assertTrue(blocks.isArray() && blocks.size() > 0 && blocks.size() <= 50, blocks.toString());
    List<String> texts = new ArrayList<>();
    for (JsonNode block : blocks) {
      String type = block.path("type").asText();
      assertTrue(List.of("header", "section", "context").contains(type), "every block has a known type: " + block);
      if (type.equals("header")) {
        assertEquals("plain_text", block.get("text").get("type").asText());
        assertTrue(block.get("text").get("text").asText().length() <= 150);
      }
      if (type.equals("section") && block.has("text")) {
        assertEquals("mrkdwn", block.get("text").get("type").asText());
        assertTrue(block.get("text").get("text").asText().length() <= 3000, "section text at most 3000");
        texts.add(block.get("text").get("text").asText());
      }
      if (type.equals("section") && block.has("fields")) {
        assertTrue(block.get("fields").size() <= 10);
        block.get("fields").forEach(f -> {
          assertEquals("mrkdwn", f.get("type").asText());
          assertTrue(f.get("text").asText().length() <= 2000);
          texts.add(f.get("text").asText());
        });
      }
      if (type.equals("context")) {
        texts.add(block.get("elements").get(0).get("text").asText());
      }
    }
    String all = String.join("\n", texts);
    assertEquals("Drift alert #7: SPLIT on stripe/customer", blocks.get(0).get("text").get("text").asText());
    assertTrue(all.contains("*Fields (baseline → now)*\n`address` → `street`, `house_number`"), all);
    assertTrue(all.contains("*Occurrences*\n1,234 records in 1 window"), all);
    assertTrue(all.contains("`mappings/stripe/customer.yaml` reads `address` → party.address"), all);
    assertTrue(all.contains("examples before: `M*** S*** 1`"), all);
    assertTrue(all.contains("`/api/drift/alerts/7`"), all);
    String proposed = texts.stream().filter(t -> t.startsWith("*Proposed mapping change*\n```\n")).findFirst()
        .orElseThrow(() -> new AssertionError("no proposal section: " + all));
    assertTrue(proposed.length() == 3000 && proposed.endsWith("…\n```"), "cut, the fence kept: " + proposed.length());
    assertTrue(proposed.contains("&lt;!channel&gt;") && !all.contains("<!channel>"), "source text cannot ping");
  }

  @Test
  void aDigestTooLongForOneSlackMessageIsSentInPages() throws Exception {
    try (DriftNotifications n = notifier(Severity.INFO, HOUR)) {
      for (long id = 1; id <= 45; id++) {
        n.updated(Alerts.removedAddress(id, id));
      }
    }
    List<Received> got = slack.received();
    assertEquals(2, got.size());
    assertEquals("Drift digest: 40 alerts updated (1/2)", json(got.get(0)).get("blocks").get(0).get("text").get("text")
        .asText());
    assertEquals(42, json(got.get(0)).get("blocks").size());
    assertEquals(7, json(got.get(1)).get("blocks").size(), "the other 5 alerts");
  }

  @Test
  void callersAreNotBlockedByASlowWebhook() throws Exception {
    slack.answer(new Answer(200, Map.of(), "ok", Duration.ofSeconds(1)));
    try (DriftNotifications n = notifier(Severity.INFO, HOUR)) {
      long start = System.nanoTime();
      for (long id = 1; id <= 50; id++) {
        n.opened(Alerts.removedAddress(id, 1));
        n.updated(Alerts.removedAddress(id, 2));
      }
      long took = System.nanoTime() - start;
      assertTrue(took < Duration.ofMillis(200).toNanos(), "100 calls took " + took / 1_000_000 + " ms");
    }
    assertEquals(52, slack.received().size(), "50 new alerts and a digest of 50 in two pages, drained at close");
  }

  @Test
  void retryAfterIsReadAsSecondsOrAnHttpDateAndCapped() {
    assertEquals(Duration.ofSeconds(30), WebhookSink.retryAfter("30"));
    Duration fromDate = WebhookSink.retryAfter(
        DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(90)));
    assertTrue(fromDate.compareTo(Duration.ofSeconds(85)) > 0 && fromDate.compareTo(Duration.ofSeconds(91)) < 0,
        String.valueOf(fromDate));
    assertEquals(WebhookSink.MAX_RETRY_AFTER, WebhookSink.retryAfter("86400"));
    assertEquals(null, WebhookSink.retryAfter("soon"));
  }

  @Test
  void aBadWebhookUrlFailsWithoutQuotingIt() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> notifier("https://hooks.example.com/services/" + TOKEN + " x", Severity.INFO, HOUR));
    assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    assertTrue(e.getMessage().startsWith("drift.notify.webhookUrl"), e.getMessage());
    assertFalse(DriftNotifications.of(NotifySettings.none(), JSON) instanceof DriftNotifications,
        "no sink configured: the no-op notifier");
  }
}
