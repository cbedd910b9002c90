package io.cxhub.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on the loopback interface standing in for Slack: records every POST and answers with the
 * scripted responses in order, then 200 {@code ok} (what Slack answers).
 */
final class WebhookReceiver implements AutoCloseable {

  /** One request as received. */
  record Received(String path, String contentType, String body, long atNanos) {}

  /** One scripted answer. */
  record Answer(int status, Map<String, String> headers, String body, Duration delay) {
    static Answer status(int status) {
      return new Answer(status, Map.of(), "", Duration.ZERO);
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(new Received(exchange.getRequestURI().getPath(),
          exchange.getRequestHeaders().getFirst("Content-Type"), body, System.nanoTime()));
      Answer answer = script.pollFirst();
      if (answer == null) {
        answer = new Answer(200, Map.of(), "ok", Duration.ZERO);
      }
      try {
        Thread.sleep(answer.delay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        exchange.getResponseBody().write(out);
      }
      exchange.close();
    });
    server.start();
  }

  /** The URL of {@code path} on this server, e.g. a Slack-like {@code /services/T0/B0/token}. */
  String url(String path) {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + path;
  }

  WebhookReceiver answer(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  List<Received> received() {
    return new ArrayList<>(received);
  }

  /** Waits until {@code count} requests arrived (or the timeout passed) and returns all received. */
  List<Received> await(int count, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (received.size() < count && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    return received();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
