package io.cxhub.simulator.genesys;

import java.util.List;
import java.util.UUID;

/**
 * The contact centre's fixed configuration: queues, wrap-up codes, agents and the numbers customers
 * dial. Ids are name-based UUIDs, so they are the same in every run.
 */
final class Directory {

  record Queue(String id, String name, String mediaType) {}

  record WrapUp(String id, String name) {}

  record Agent(String userId, String name) {}

  static final List<Queue> QUEUES = List.of(
      queue("Billing Support", "voice"), queue("Technical Support", "voice"), queue("Sales", "voice"),
      queue("Retention", "voice"), queue("Web Chat", "chat"), queue("Email Support", "email"),
      queue("Callbacks", "callback"));

  static final List<WrapUp> WRAP_UPS = List.of(
      wrapUp("Resolved"), wrapUp("Billing Question"), wrapUp("Payment Arrangement"), wrapUp("Technical Issue"),
      wrapUp("Escalated"), wrapUp("Cancellation Request"), wrapUp("Sale"), wrapUp("Follow-up Required"),
      wrapUp("Wrong Number"), wrapUp("No Answer"));

  static final List<Agent> AGENTS = List.of(
      agent("Maya Brooks"), agent("Tomás Ortega"), agent("Priya Raman"), agent("Jonas Keller"), agent("Aisha Bello"),
      agent("Liam O'Connor"), agent("Chen Wei"), agent("Sofia Rossi"), agent("Noah Fischer"), agent("Grace Kim"),
      agent("Omar Haddad"), agent("Emma Laurent"));

  /** The contact centre's numbers (DNIS for inbound calls, ANI for outbound ones). */
  static final List<String> SERVICE_NUMBERS = List.of("tel:+18005550142", "tel:+18005550199", "tel:+442079460321");

  static final String DIVISION_ID = uuid("division:Home").toString();
  static final String IVR_FLOW_NAME = "Main IVR";

  static Queue queueFor(String mediaType, int pick) {
    List<Queue> matching = QUEUES.stream().filter(q -> q.mediaType().equals(mediaType)).toList();
    return matching.get(Math.floorMod(pick, matching.size()));
  }

  private static Queue queue(String name, String mediaType) {
    return new Queue(uuid("queue:" + name).toString(), name, mediaType);
  }

  private static WrapUp wrapUp(String name) {
    return new WrapUp(uuid("wrapup:" + name).toString(), name);
  }

  private static Agent agent(String name) {
    return new Agent(uuid("user:" + name).toString(), name);
  }

  static UUID uuid(String name) {
    return UUID.nameUUIDFromBytes(("genesys-sim:" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private Directory() {}
}
