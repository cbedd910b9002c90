package io.cxhub.connector.genesys;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Requests through the hub's camel-http component: each call is a fresh exchange carrying only
 * the headers given, sent to the {@code http(s)://} endpoint with {@code throwExceptionOnFailure=false}
 * so that error statuses come back as answers.
 */
final class CamelHttpTransport implements HttpTransport {

  private final ProducerTemplate producer;

  CamelHttpTransport(ProducerTemplate producer) {
    this.producer = producer;
  }

  @Override
  public Response send(String method, String url, Map<String, String> headers, String body) throws IOException {
    String uri = url + (url.contains("?") ? "&" : "?") + "throwExceptionOnFailure=false";
    Exchange answer = producer.request(uri, exchange -> {
      exchange.getMessage().setHeader(Exchange.HTTP_METHOD, method);
      headers.forEach(exchange.getMessage()::setHeader);
      exchange.getMessage().setBody(body);
    });
    if (answer.getException() != null) {
      throw new IOException(GenesysApi.rootMessage(answer.getException()), answer.getException());
    }
    Integer status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    if (status == null) {
      throw new IOException("no HTTP status in the answer from " + url);
    }
    String text = answer.getMessage().getBody(String.class);
    return new Response(status, text == null ? "" : text,
        Optional.ofNullable(answer.getMessage().getHeader("Retry-After", String.class)));
  }
}
