package io.cxhub.simulator.genesys;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Renders a {@link SimConversation} as the analytics conversation details API does: participants
 * (customer or external, ivr, acd, agents), their sessions with segments and metrics, times as
 * ISO-8601 with milliseconds in UTC. Format changes (drift tests) alter the shape on request.
 */
final class ConversationJson {

  /** Which payload format changes are on. */
  record Format(boolean aniWithoutTelPrefix, boolean epochMillisTimes, boolean renameWrapUp) {
    static final Format STANDARD = new Format(false, false, false);
  }

  static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  static String iso(Instant t) {
    return ISO.format(t);
  }

  private final Format format;

  ConversationJson(Format format) {
    this.format = format;
  }

  ObjectNode render(SimConversation c) {
    ObjectNode o = F.objectNode();
    o.put("conversationId", c.id);
    o.put("conversationStart", iso(c.start));
    if (c.end != null) {
      o.put("conversationEnd", iso(c.end));
    }
    o.put("originatingDirection", c.direction);
    o.putArray("divisionIds").add(Directory.DIVISION_ID);
    if (c.mediaType.equals("voice") && c.end != null && !c.abandoned) {
      o.put("mediaStatsMinConversationMos", 4.2 + (Math.floorMod(c.id.hashCode(), 70)) / 100.0);
      o.put("mediaStatsMinConversationRFactor", 85 + Math.floorMod(c.id.hashCode(), 80) / 10.0);
    }
    ArrayNode participants = o.putArray("participants");
    long t = c.start.toEpochMilli();
    long ivrEnd = t + c.ivrMs;
    long queueEnd = ivrEnd + c.waitMs;
    long alertMs = c.abandoned || c.mediaType.equals("email") ? 0 : Math.min(c.waitMs, 3_000 + c.waitMs % 9_000);
    long talkEnd = queueEnd + c.talkMs + c.holdMs;
    Long end = c.end == null ? null : c.end.toEpochMilli();
    Long customerEnd = end == null ? null : c.abandoned ? end : talkEnd;

    // customer (or the external party of an outbound contact)
    ObjectNode customer = participant(participants, c.uuids[1],
        c.direction.equals("outbound") ? "external" : "customer", c.customerName);
    if (c.person >= 0 && !c.mediaType.equals("voice")) {
      customer.put("externalContactId", Directory.uuid("contact:" + c.person).toString());
    }
    ObjectNode cs = session(customer, c, c.uuids[2]);
    addresses(cs, c, true);
    segment(cs, t, customerEnd, "interact", null, customerEnd == null ? null : c.abandoned ? "endpoint" : "peer");

    if (c.ivrMs > 0) {
      ObjectNode ivr = participant(participants, c.uuids[3], "ivr", Directory.IVR_FLOW_NAME);
      ObjectNode is = session(ivr, c, c.uuids[4]);
      addresses(is, c, false);
      segment(is, t, c.end == null && ivrEnd > now() ? null : ivrEnd, "ivr", null, "transfer");
    }

    ObjectNode acd = participant(participants, c.uuids[5], "acd", c.queue.name());
    ObjectNode as = session(acd, c, c.uuids[6]);
    addresses(as, c, false);
    boolean answered = !c.abandoned && (c.end != null || queueEnd <= now());
    Long acdEnd = c.abandoned ? end : answered ? queueEnd : null;
    segment(as, ivrEnd, acdEnd, "interact", c.queue.id(), acdEnd == null ? null : c.abandoned ? "peer" : "transfer");
    if (acdEnd != null) {
      ArrayNode m = as.putArray("metrics");
      metric(m, "tAcd", acdEnd - ivrEnd, acdEnd);
      metric(m, "tWait", acdEnd - ivrEnd, acdEnd);
      if (c.abandoned) {
        metric(m, "tAbandon", acdEnd - ivrEnd, acdEnd);
      }
    }

    if (answered) {
      boolean transferred = c.transferAgent != null;
      long firstAgentEnd = transferred ? queueEnd + (c.talkMs + c.holdMs) / 2 : talkEnd;
      ObjectNode ag = participant(participants, c.uuids[7], "agent", c.agent.name());
      ag.put("userId", c.agent.userId());
      ObjectNode s = session(ag, c, c.uuids[8]);
      addresses(s, c, false);
      boolean wrapsUp = !transferred;
      agentSegments(s, c, queueEnd - alertMs, queueEnd, firstAgentEnd, wrapsUp ? end : Long.valueOf(firstAgentEnd),
          wrapsUp, transferred ? "transfer" : "client");
      if (transferred) {
        ObjectNode ag2 = participant(participants, c.uuids[9], "agent", c.transferAgent.name());
        ag2.put("userId", c.transferAgent.userId());
        ObjectNode s2 = session(ag2, c, c.uuids[10]);
        addresses(s2, c, false);
        agentSegments(s2, c, firstAgentEnd, firstAgentEnd, talkEnd, end, true, "client");
      }
    }
    return o;
  }

  /** Alert, interact (with a hold in the middle), wrap-up; metrics once the segment ended. */
  private void agentSegments(ObjectNode s, SimConversation c, long alertStart, long answered, long talkEnd,
      Long sessionEnd, boolean wrapsUp, String disconnect) {
    if (answered > alertStart) {
      segment(s, alertStart, answered, "alert", c.queue.id(), null);
    }
    boolean over = sessionEnd != null;
    long hold = wrapsUp ? c.holdMs : 0;
    if (hold > 0 && talkEnd - answered > hold + 2_000) {
      long holdStart = answered + (talkEnd - answered - hold) / 2;
      segment(s, answered, holdStart, "interact", c.queue.id(), null);
      segment(s, holdStart, holdStart + hold, "hold", c.queue.id(), null);
      segment(s, holdStart + hold, over ? talkEnd : null, "interact", c.queue.id(), over ? disconnect : null);
    } else {
      hold = 0;
      segment(s, answered, over ? talkEnd : null, "interact", c.queue.id(), over ? disconnect : null);
    }
    if (!over) {
      return;
    }
    long acw = wrapsUp ? sessionEnd - talkEnd : 0;
    if (wrapsUp) {
      ObjectNode w = segment(s, talkEnd, sessionEnd, "wrapup", c.queue.id(), null);
      w.put(format.renameWrapUp() ? "wrapupCode" : "wrapUpCode", c.wrapUp.id());
      if (c.wrapUpNote != null) {
        w.put(format.renameWrapUp() ? "wrapupNote" : "wrapUpNote", c.wrapUpNote);
      }
    }
    ArrayNode m = s.putArray("metrics");
    if (answered > alertStart) {
      metric(m, "tAlert", answered - alertStart, answered);
    }
    metric(m, "tAnswered", answered - alertStart, answered);
    metric(m, "tTalk", talkEnd - answered - hold, talkEnd);
    metric(m, "tTalkComplete", talkEnd - answered - hold, talkEnd);
    if (hold > 0) {
      metric(m, "tHeld", hold, talkEnd);
      metric(m, "tHeldComplete", hold, talkEnd);
    }
    if (wrapsUp) {
      metric(m, "tAcw", acw, sessionEnd);
    }
    metric(m, "tHandle", talkEnd - answered + acw, sessionEnd);
    if (disconnect.equals("transfer")) {
      metric(m, "nTransferred", 1, talkEnd);
    }
  }

  private static ObjectNode participant(ArrayNode participants, String id, String purpose, String name) {
    ObjectNode p = participants.addObject();
    p.put("participantId", id);
    if (name != null) {
      p.put("participantName", name);
    }
    p.put("purpose", purpose);
    p.putArray("sessions");
    return p;
  }

  private static ObjectNode session(ObjectNode participant, SimConversation c, String sessionId) {
    ObjectNode s = ((ArrayNode) participant.get("sessions")).addObject();
    s.put("mediaType", c.mediaType);
    s.put("sessionId", sessionId);
    s.put("direction", c.direction);
    s.putArray("segments");
    return s;
  }

  /** ANI/DNIS for calls, addressFrom/addressTo for e-mail; chat carries neither. */
  private void addresses(ObjectNode s, SimConversation c, boolean customerSide) {
    if (c.customerAddress == null && c.serviceAddress == null) {
      return;
    }
    boolean inbound = c.direction.equals("inbound");
    String from = inbound ? c.customerAddress : c.serviceAddress;
    String to = inbound ? c.serviceAddress : c.customerAddress;
    if (c.mediaType.equals("email")) {
      s.put("addressFrom", from);
      s.put("addressTo", to);
      return;
    }
    s.put("ani", telUri(from));
    s.put("dnis", telUri(to));
    if (customerSide && c.mediaType.equals("callback")) {
      s.putArray("callbackNumbers").add(telUri(c.customerAddress).replace("tel:", ""));
    }
    s.put("edgeId", Directory.uuid("edge:1").toString());
  }

  private String telUri(String address) {
    if (address == null) {
      return null;
    }
    return format.aniWithoutTelPrefix() && address.startsWith("tel:") ? address.substring(4) : address;
  }

  private ObjectNode segment(ObjectNode session, long start, Long end, String type, String queueId, String disconnect) {
    ObjectNode seg = ((ArrayNode) session.get("segments")).addObject();
    time(seg, "segmentStart", start);
    if (end != null) {
      time(seg, "segmentEnd", end);
    }
    seg.put("segmentType", type);
    if (queueId != null) {
      seg.put("queueId", queueId);
    }
    if (disconnect != null) {
      seg.put("disconnectType", disconnect);
    }
    seg.put("conference", false);
    return seg;
  }

  private void time(ObjectNode o, String field, long epochMillis) {
    if (format.epochMillisTimes()) {
      o.put(field, epochMillis);
    } else {
      o.put(field, iso(Instant.ofEpochMilli(epochMillis)));
    }
  }

  private static void metric(ArrayNode metrics, String name, long value, long emitted) {
    ObjectNode m = metrics.addObject();
    m.put("name", name);
    m.put("value", Math.max(0, value));
    m.put("emitDate", iso(Instant.ofEpochMilli(emitted)));
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}
