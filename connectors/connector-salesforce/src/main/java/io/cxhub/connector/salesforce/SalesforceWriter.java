package io.cxhub.connector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;

/**
 * CRM write-back of one {@code salesforce-writeback} instance: send a command to
 * {@code direct:salesforce-writeback-<instance>} and get the outcome as the reply body.
 * Commands (JSON text, a Jackson node or a Map):
 * <ul>
 *   <li>{@code {"action":"createTask","contactId":"003...","subject":"Call back about case 00001234",
 *       "description":"...","dueDate":"2026-12-01","priority":"High","status":"Not Started"}} — a Task
 *       on the contact (WhoId); reply {@code {"action":"createTask","id":"00T...","success":true}};</li>
 *   <li>{@code {"action":"updateContact","contactId":"003...","fields":{"Description":"..."}}} —
 *       updates those Contact fields; reply {@code {"action":"updateContact","id":"003...","success":true}}.</li>
 * </ul>
 * A command Salesforce rejects fails the exchange with camel-salesforce's {@code SalesforceException}
 * (status code and Salesforce's error codes); a malformed command with {@link IllegalArgumentException}.
 * Stateless apart from its connection: safe for concurrent exchanges.
 */
final class SalesforceWriter implements Processor {

  static final String WRITER = "cxhubSalesforceWriter";
  static final String URI = "cxhubSalesforceWriteUri";
  private static final String ACTION = "cxhubSalesforceAction";
  private static final String TARGET = "cxhubSalesforceTarget";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SalesforceConnection connection;

  SalesforceWriter(SalesforceConnection connection) {
    this.connection = connection;
  }

  @Override
  public void process(Exchange exchange) throws Exception {
    Object body = exchange.getMessage().getBody();
    JsonNode command = body instanceof JsonNode n ? n
        : body instanceof Map<?, ?> m ? JSON.valueToTree(m) : JSON.readTree(exchange.getMessage().getBody(String.class));
    String action = command.path("action").asText();
    String contactId = text(command, "contactId");
    if (!contactId.matches("003[A-Za-z0-9]{12}([A-Za-z0-9]{3})?")) {
      throw new IllegalArgumentException("write-back command: contactId '" + contactId + "' is not a Contact id");
    }
    exchange.setProperty(WRITER, this);
    exchange.setProperty(ACTION, action);
    var m = exchange.getMessage();
    switch (action) {
      case "createTask" -> {
        ObjectNode task = JSON.createObjectNode();
        task.put("WhoId", contactId);
        task.put("Subject", text(command, "subject"));
        putIfPresent(task, "Description", command.path("description"));
        putIfPresent(task, "ActivityDate", command.path("dueDate"));
        putIfPresent(task, "Priority", command.path("priority"));
        putIfPresent(task, "Status", command.path("status"));
        m.setHeader(SalesforceEndpointConfig.SOBJECT_NAME, "Task");
        m.setBody(JSON.writeValueAsString(task));
        exchange.setProperty(URI, connection.uri("createSObject"));
      }
      case "updateContact" -> {
        JsonNode fields = command.path("fields");
        if (!fields.isObject() || fields.isEmpty()) {
          throw new IllegalArgumentException("write-back command updateContact needs a non-empty object 'fields'");
        }
        m.setHeader(SalesforceEndpointConfig.SOBJECT_NAME, "Contact");
        m.setHeader(SalesforceEndpointConfig.SOBJECT_ID, contactId);
        m.setBody(JSON.writeValueAsString(fields));
        exchange.setProperty(TARGET, contactId);
        exchange.setProperty(URI, connection.uri("updateSObject"));
      }
      default -> throw new IllegalArgumentException("write-back command: unknown action '" + action
          + "', expected createTask or updateContact");
    }
  }

  /** After the operation: the reply body. */
  void reply(Exchange exchange) throws Exception {
    var m = exchange.getMessage();
    m.removeHeader(SalesforceEndpointConfig.SOBJECT_NAME);
    m.removeHeader(SalesforceEndpointConfig.SOBJECT_ID);
    ObjectNode reply = JSON.createObjectNode();
    String action = exchange.getProperty(ACTION, String.class);
    reply.put("action", action);
    if (action.equals("createTask")) {
      JsonNode created = JSON.readTree(m.getBody(String.class));
      reply.put("id", created.path("id").asText());
      reply.put("success", created.path("success").asBoolean());
    } else {
      reply.put("id", exchange.getProperty(TARGET, String.class));
      reply.put("success", true);
    }
    m.setBody(JSON.writeValueAsString(reply));
  }

  private static String text(JsonNode command, String field) {
    JsonNode v = command.path(field);
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new IllegalArgumentException("write-back command: '" + field + "' is required");
    }
    return v.asText();
  }

  private static void putIfPresent(ObjectNode target, String name, JsonNode value) {
    if (value.isTextual()) {
      target.put(name, value.asText());
    }
  }
}
