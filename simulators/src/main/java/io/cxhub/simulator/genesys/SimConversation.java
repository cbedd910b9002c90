package io.cxhub.simulator.genesys;

import java.time.Instant;

/**
 * One simulated conversation: who called, how it was routed and for how long. Ongoing while
 * {@link #end} is null; {@link #finish} ends it. Guarded by the {@link ConversationStore} lock.
 */
final class SimConversation {

  final String id;
  final Instant start;
  final String mediaType;
  final String direction;
  /** Index in the shared population, or -1 for a caller the business does not know. */
  final int person;
  final String customerName;
  /** The customer's address as Genesys shows it: tel: URI for calls, e-mail for e-mail, null for chat. */
  final String customerAddress;
  final String serviceAddress;
  final Directory.Queue queue;
  final Directory.Agent agent;
  final Directory.Agent transferAgent;
  final Directory.WrapUp wrapUp;
  final String wrapUpNote;
  final long ivrMs;
  final boolean abandoned;
  final String[] uuids;

  long waitMs;
  long holdMs;
  long acwMs;
  long talkMs;
  Instant end;
  long version;

  SimConversation(String id, Instant start, String mediaType, String direction, int person, String customerName,
      String customerAddress, String serviceAddress, Directory.Queue queue, Directory.Agent agent,
      Directory.Agent transferAgent, Directory.WrapUp wrapUp, String wrapUpNote, long ivrMs, long waitMs, long talkMs,
      long holdMs, long acwMs, boolean abandoned, String[] uuids) {
    this.id = id;
    this.start = start;
    this.mediaType = mediaType;
    this.direction = direction;
    this.person = person;
    this.customerName = customerName;
    this.customerAddress = customerAddress;
    this.serviceAddress = serviceAddress;
    this.queue = queue;
    this.agent = agent;
    this.transferAgent = transferAgent;
    this.wrapUp = wrapUp;
    this.wrapUpNote = wrapUpNote;
    this.ivrMs = ivrMs;
    this.waitMs = waitMs;
    this.talkMs = talkMs;
    this.holdMs = holdMs;
    this.acwMs = acwMs;
    this.abandoned = abandoned;
    this.uuids = uuids;
  }

  boolean ongoing() {
    return end == null;
  }

  /** The planned end, once talk time is known. */
  Instant plannedEnd() {
    return start.plusMillis(ivrMs + waitMs + (abandoned ? 0 : talkMs + holdMs + acwMs));
  }

  /**
   * Ends the conversation exactly at {@code at} (not before its start): an abandoned caller waited
   * until then; otherwise talk time stretches or shrinks, and hold and wrap-up shrink when the
   * conversation was shorter than planned.
   */
  void finish(Instant at) {
    long total = Math.max(ivrMs, at.toEpochMilli() - start.toEpochMilli());
    long afterIvr = total - ivrMs;
    if (abandoned) {
      waitMs = afterIvr;
    } else {
      waitMs = Math.min(waitMs, afterIvr / 3);
      long rest = afterIvr - waitMs;
      if (holdMs + acwMs > rest / 2) {
        holdMs = 0;
        acwMs = rest / 3;
      }
      talkMs = rest - holdMs - acwMs;
    }
    end = start.plusMillis(total);
    version++;
  }
}
