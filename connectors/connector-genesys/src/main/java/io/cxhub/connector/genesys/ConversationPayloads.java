package io.cxhub.connector.genesys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/**
 * Adds to each conversation a {@code derived} object the mappings can read with plain paths, since
 * the facts sit in arrays whose order means nothing (the participant whose purpose is customer,
 * the agent who wrapped up, metrics by name). The original structure stays untouched beside it.
 *
 * <pre>
 * derived:
 *   customer: { participantId, purpose, name, ani, phone, email, externalContactId }
 *   mediaType, direction, queueId, wrapUpCode, wrapUpNote, agentUserId, agentName,
 *   waitSeconds, talkSeconds, handleSeconds, transferCount, abandoned, ongoing
 * </pre>
 * {@code phone} is the customer's number without the {@code tel:} scheme, only when it looks like
 * one (not for withheld callers); for outbound contacts the customer is the {@code external}
 * participant and their number is the session's dnis. Durations come from the metrics (ms) in
 * whole seconds; a metric no session carries yet is left out.
 */
final class ConversationPayloads {

  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{5,}[0-9]");

  private ConversationPayloads() {}

  static void derive(ObjectNode conversation) {
    ObjectNode d = conversation.putObject("derived");
    boolean outbound = "outbound".equals(conversation.path("originatingDirection").asText());
    d.put("direction", conversation.path("originatingDirection").asText(null));
    d.put("ongoing", !conversation.hasNonNull("conversationEnd"));
    long wait = 0;
    long talk = 0;
    long handle = 0;
    long transfers = 0;
    boolean waited = false;
    boolean handled = false;
    boolean abandoned = false;
    JsonNode customer = null;
    for (JsonNode p : conversation.path("participants")) {
      String purpose = p.path("purpose").asText();
      if (customer == null && (purpose.equals("customer") || purpose.equals("external"))) {
        customer = p;
      }
      for (JsonNode s : p.path("sessions")) {
        if (!d.has("mediaType") && s.hasNonNull("mediaType")) {
          d.put("mediaType", s.path("mediaType").asText());
        }
        for (JsonNode seg : s.path("segments")) {
          if (!d.has("queueId") && seg.hasNonNull("queueId")) {
            d.put("queueId", seg.path("queueId").asText());
          }
          JsonNode code = seg.hasNonNull("wrapUpCode") ? seg.get("wrapUpCode") : null;
          if (purpose.equals("agent") && code != null) {
            d.put("wrapUpCode", code.asText());
            if (seg.hasNonNull("wrapUpNote")) {
              d.put("wrapUpNote", seg.get("wrapUpNote").asText());
            }
            putText(d, "agentUserId", p.path("userId"));
            putText(d, "agentName", p.path("participantName"));
          }
        }
        for (JsonNode m : s.path("metrics")) {
          long v = m.path("value").asLong();
          switch (m.path("name").asText()) {
            case "tAcd" -> {
              wait += v;
              waited = true;
            }
            case "tTalk" -> talk += v;
            case "tHandle" -> {
              handle += v;
              handled = true;
            }
            case "nTransferred" -> transfers += v;
            case "tAbandon" -> abandoned = true;
            default -> { }
          }
        }
      }
      if (purpose.equals("agent") && !d.has("agentUserId") && p.hasNonNull("userId")) {
        // no wrap-up yet: the last agent so far is the one handling it
        d.put("agentUserIdSoFar", p.get("userId").asText());
      }
    }
    if (!d.has("agentUserId") && d.has("agentUserIdSoFar")) {
      d.set("agentUserId", d.remove("agentUserIdSoFar"));
    }
    d.remove("agentUserIdSoFar");
    if (waited) {
      d.put("waitSeconds", Math.round(wait / 1000.0));
    }
    if (handled) {
      d.put("talkSeconds", Math.round(talk / 1000.0));
      d.put("handleSeconds", Math.round(handle / 1000.0));
    }
    d.put("transferCount", transfers);
    d.put("abandoned", abandoned);
    if (customer != null) {
      d.set("customer", customerOf(customer, outbound));
    }
  }

  private static ObjectNode customerOf(JsonNode p, boolean outbound) {
    ObjectNode c = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    putText(c, "participantId", p.path("participantId"));
    putText(c, "purpose", p.path("purpose"));
    putText(c, "name", p.path("participantName"));
    putText(c, "externalContactId", p.path("externalContactId"));
    for (JsonNode s : p.path("sessions")) {
      JsonNode address = outbound ? s.path("dnis") : s.path("ani");
      if (address.isTextual() && !c.has("ani")) {
        c.put("ani", address.asText());
        String number = address.asText().startsWith("tel:") ? address.asText().substring(4) : address.asText();
        if (PHONE.matcher(number).matches()) {
          c.put("phone", number);
        }
      }
      JsonNode mail = outbound ? s.path("addressTo") : s.path("addressFrom");
      if (mail.isTextual() && mail.asText().contains("@") && !c.has("email")) {
        c.put("email", mail.asText());
      }
    }
    return c;
  }

  private static void putText(ObjectNode target, String field, JsonNode value) {
    if (value != null && value.isValueNode() && !value.isNull()) {
      target.put(field, value.asText());
    }
  }
}
