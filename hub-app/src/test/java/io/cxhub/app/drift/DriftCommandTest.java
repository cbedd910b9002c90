package io.cxhub.app.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.cxhub.app.Cxhub;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code cxhub drift} does without a hub: unreachable addresses, bad input, what it sends and prints. */
class DriftCommandTest {

  @Test
  void anUnreachableHubIsOneLineAndExitCodeTwo() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    // the address as the demo prints it, with /api, is accepted and shown without it
    String url = "http://127.0.0.1:" + closed;
    String[] out = run("drift", "list", "--url", url + "/api/", "--token", "t0123456789abcdef");
    assertEquals("2", out[0]);
    assertEquals("cxhub drift list: cannot reach the hub at " + url + ": connection refused (is it running? --url)\n",
        out[2]);
    assertEquals("", out[1]);
  }

  @Test
  void aUrlThatIsNoHttpAddressIsNamed() {
    String[] out = run("drift", "show", "7", "--url", "localhost:8080");
    assertEquals("2", out[0]);
    assertEquals("cxhub drift show: --url 'localhost:8080': expected the hub's address, such as "
        + "http://localhost:8080\n", out[2]);
  }

  @Test
  void anotherServerOnThePortIsToldApartFromTheHub() throws Exception {
    HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    other.createContext("/", x -> {
      byte[] page = "<html>not found</html>".getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(404, page.length);
      x.getResponseBody().write(page);
      x.close();
    });
    other.start();
    try {
      String url = "http://127.0.0.1:" + other.getAddress().getPort();
      String[] out = run("drift", "ack", "3", "-m", "x", "--url", url);
      assertEquals("1", out[0]);
      assertEquals("cxhub drift ack: " + url + " answered POST /api/drift/alerts/3/ack with HTTP 404 and no cxhub "
          + "JSON: is --url the hub's address?\n", out[2]);
    } finally {
      other.stop(0);
    }
  }

  @Test
  void applyProposalIsSentOnlyWhenAskedFor() {
    assertEquals("{\"comment\":\"fixed\"}", DriftActionCommand.body("fixed", false).toString());
    assertEquals("{\"comment\":\"fixed\",\"applyProposal\":true}", DriftActionCommand.body("fixed", true).toString());
    Object accept = new CommandLine(new Cxhub()).parseArgs("drift", "accept", "5", "-m", "ok", "--apply-proposal")
        .subcommand().subcommand().commandSpec().userObject();
    assertTrue(((DriftActionCommand) accept).applyProposal());
    CommandLine ack = new CommandLine(new Cxhub()).getSubcommands().get("drift").getSubcommands().get("ack");
    assertTrue(ack.getCommandSpec().findOption("--apply-proposal") == null, "acknowledging changes no mapping");
  }

  @Test
  void fieldsReadAsOldToNew() throws Exception {
    ObjectMapper json = new ObjectMapper();
    assertEquals("address → street_name, house_number", AlertText.fields(json.readTree(
        "{\"fields\":{\"old\":[\"address\"],\"new\":[\"street_name\",\"house_number\"]}}")));
    assertEquals("+ coupon", AlertText.fields(json.readTree("{\"fields\":{\"old\":[],\"new\":[\"coupon\"]}}")));
    assertEquals("- fax", AlertText.fields(json.readTree("{\"fields\":{\"old\":[\"fax\"],\"new\":[]}}")));
    assertEquals("amount", AlertText.fields(json.readTree("{\"fields\":{\"old\":[\"amount\"],\"new\":[\"amount\"]}}")));
    assertEquals("2026-11-02T10:00:03Z", AlertText.time(json.readTree("\"2026-11-02T10:00:03.123456Z\"")));
  }

  /** exit code, stdout, stderr */
  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new Cxhub()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    return new String[] {String.valueOf(exit), out.toString(), err.toString()};
  }
}
