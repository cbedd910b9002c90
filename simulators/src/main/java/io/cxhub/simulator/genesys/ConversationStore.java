package io.cxhub.simulator.genesys;

import io.cxhub.simulator.people.People;
import io.cxhub.simulator.people.Person;
import io.cxhub.simulator.people.Rendering;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The simulated contact centre's conversations, generated from a seed: the same options give the
 * same history in every run. Callers are people of the shared population (indexes 0..3999), some
 * unknown numbers and withheld ones, and some people who call again within a few days. Thread-safe
 * (every method holds the store's lock).
 */
final class ConversationStore {

  /** Population indexes callers are drawn from. */
  static final int POPULATION = 4000;
  static final String SYSTEM = "genesys";
  static final String ANONYMOUS = "sip:anonymous@anonymous.invalid";

  private static final Comparator<SimConversation> ORDER =
      Comparator.comparing((SimConversation c) -> c.start).thenComparing(c -> c.id);

  private final People people;
  private final Random random;
  private final List<SimConversation> all = new ArrayList<>();
  private final java.util.Map<String, SimConversation> byId = new java.util.HashMap<>();

  ConversationStore(GenesysOptions options) {
    this.people = new People(options.seed());
    this.random = new Random(options.seed() ^ 0x6e6573797351L);
    Instant from = options.anchor().minus(options.history());
    long span = options.history().toMillis();
    List<Instant> starts = new ArrayList<>();
    for (int i = 0; i < options.conversations(); i++) {
      starts.add(from.plusMillis((long) (random.nextDouble() * span)));
    }
    starts.sort(Comparator.naturalOrder());
    for (Instant start : starts) {
      SimConversation c = generate(start);
      if (!c.plannedEnd().isAfter(options.anchor())) {
        c.end = c.plannedEnd();
      }
      add(c);
    }
  }

  synchronized int size() {
    return all.size();
  }

  /** Conversations started in {@code [from, to)}, in (start, id) order. */
  synchronized List<SimConversation> startedIn(Instant from, Instant to) {
    List<SimConversation> out = new ArrayList<>();
    for (SimConversation c : all) {
      if (!c.start.isBefore(from) && c.start.isBefore(to)) {
        out.add(c);
      }
    }
    return out;
  }

  synchronized SimConversation get(String id) {
    return byId.get(id);
  }

  synchronized Set<String> ids() {
    Set<String> out = new LinkedHashSet<>();
    all.forEach(c -> out.add(c.id));
    return out;
  }

  synchronized Set<String> ongoingIds() {
    Set<String> out = new LinkedHashSet<>();
    all.stream().filter(SimConversation::ongoing).forEach(c -> out.add(c.id));
    return out;
  }

  /**
   * One round of contact-centre life at {@code now}: ongoing conversations whose planned end has
   * passed (and at least {@code minFinished} others, oldest first) end now; {@code added} new ones
   * start now.
   */
  synchronized TickReport tick(Instant now, int added, int minFinished) {
    List<String> finished = new ArrayList<>();
    List<SimConversation> ongoing = all.stream().filter(SimConversation::ongoing).toList();
    int forced = 0;
    for (SimConversation c : ongoing) {
      if (!c.plannedEnd().isAfter(now) || forced < minFinished) {
        if (c.plannedEnd().isAfter(now)) {
          forced++;
        }
        c.finish(now);
        finished.add(c.id);
      }
    }
    List<String> newIds = new ArrayList<>();
    for (int i = 0; i < added; i++) {
      SimConversation c = generate(now);
      add(c);
      newIds.add(c.id);
    }
    return new TickReport(List.copyOf(newIds), List.copyOf(finished));
  }

  private void add(SimConversation c) {
    int at = java.util.Collections.binarySearch(all, c, ORDER);
    all.add(at < 0 ? -at - 1 : at, c);
    byId.put(c.id, c);
  }

  private SimConversation generate(Instant start) {
    Random r = random;
    int m = r.nextInt(100);
    String mediaType = m < 70 ? "voice" : m < 85 ? "chat" : m < 95 ? "email" : "callback";
    String direction = mediaType.equals("callback") || (mediaType.equals("voice") && r.nextInt(100) < 10)
        ? "outbound" : "inbound";
    int person = caller(start, r);
    String name;
    String address;
    if (person < 0) {
      boolean withheld = r.nextBoolean();
      name = mediaType.equals("voice") || mediaType.equals("callback") ? (withheld ? "Anonymous" : "WIRELESS CALLER")
          : "Guest";
      address = switch (mediaType) {
        case "voice", "callback" -> withheld && direction.equals("inbound") ? ANONYMOUS
            : "tel:+1" + List.of("646", "720", "305", "503").get(r.nextInt(4)) + "55501" + String.format("%02d", r.nextInt(100));
        case "email" -> "visitor" + r.nextInt(10_000) + "@example.net";
        default -> null;
      };
    } else {
      Person p = people.person(person);
      Rendering shown = people.rendering(p, SYSTEM);
      name = p.firstName() + " " + p.lastName();
      address = switch (mediaType) {
        case "voice", "callback" -> ani(p, shown);
        case "email" -> shown.email() == null ? p.email() : shown.email().strip().toLowerCase(Locale.ROOT);
        default -> null;
      };
      if ((mediaType.equals("voice") || mediaType.equals("callback")) && r.nextInt(100) < 40) {
        name = p.country().equals("US") ? "WIRELESS CALLER" : "+" + p.phone().substring(1, 3);
      }
    }
    Directory.Queue queue = Directory.queueFor(mediaType, r.nextInt(16));
    Directory.Agent agent = Directory.AGENTS.get(r.nextInt(Directory.AGENTS.size()));
    boolean transfer = !mediaType.equals("email") && r.nextInt(100) < 8;
    Directory.Agent transferAgent = transfer ? Directory.AGENTS.get(r.nextInt(Directory.AGENTS.size())) : null;
    boolean abandoned = mediaType.equals("voice") && direction.equals("inbound") && r.nextInt(100) < 6;
    Directory.WrapUp wrapUp = Directory.WRAP_UPS.get(Math.min(r.nextInt(Directory.WRAP_UPS.size() + 4),
        r.nextInt(Directory.WRAP_UPS.size())));
    String note = r.nextInt(100) < 20 ? List.of("customer asked for a call back", "sent payment link",
        "explained the last invoice", "escalated to tier 2").get(r.nextInt(4)) : null;
    long ivr = mediaType.equals("voice") && direction.equals("inbound") ? 10_000 + r.nextInt(50_000) : 0;
    long wait = switch (mediaType) {
      case "email" -> Duration.ofMinutes(20 + r.nextInt(600)).toMillis();
      case "chat" -> 5_000 + r.nextInt(120_000);
      default -> direction.equals("outbound") ? 0 : 2_000 + (long) (Math.abs(r.nextGaussian()) * 90_000);
    };
    long talk = switch (mediaType) {
      case "email" -> 60_000 + r.nextInt(600_000);
      case "chat" -> 120_000 + r.nextInt(900_000);
      default -> 30_000 + (long) (Math.abs(r.nextGaussian()) * 300_000);
    };
    long hold = mediaType.equals("voice") && r.nextInt(100) < 25 ? 10_000 + r.nextInt(120_000) : 0;
    long acw = 5_000 + r.nextInt(90_000);
    String[] uuids = new String[12];
    for (int i = 0; i < uuids.length; i++) {
      uuids[i] = new UUID(r.nextLong(), r.nextLong()).toString();
    }
    String service = Directory.SERVICE_NUMBERS.get(r.nextInt(Directory.SERVICE_NUMBERS.size()));
    if (mediaType.equals("email")) {
      service = "support@cxhub-demo.example.com";
    } else if (mediaType.equals("chat")) {
      service = null;
    }
    return new SimConversation(uuids[0], start, mediaType, direction, person, name, address, service, queue, agent,
        transferAgent, wrapUp, note, ivr, wait, talk, hold, acw, abandoned, uuids);
  }

  /** Mostly a person of the population; some unknown callers; some people calling again within days. */
  private int caller(Instant start, Random r) {
    int roll = r.nextInt(100);
    if (roll < 12) {
      return -1;
    }
    if (roll < 27) {
      // a follow-up: someone who was in touch in the last three days calls again
      Instant since = start.minus(Duration.ofDays(3));
      for (int i = all.size() - 1, seen = 0; i >= 0 && seen < 40; i--, seen++) {
        SimConversation c = all.get(i);
        if (c.start.isBefore(since)) {
          break;
        }
        if (c.person >= 0 && r.nextInt(4) == 0) {
          return c.person;
        }
      }
    }
    return r.nextInt(POPULATION);
  }

  /**
   * The caller's number as the carrier delivers it: E.164 as a tel: URI, but domestic US callers
   * often arrive in national format (ten digits), as real ANI data does.
   */
  private static String ani(Person p, Rendering shown) {
    if (shown.phone() == null) {
      return ANONYMOUS;
    }
    boolean international = shown.phone().startsWith("+") || shown.phone().startsWith("1-")
        || shown.phone().startsWith("00");
    if (p.country().equals("US") && !international) {
      return "tel:" + p.phone().substring(2);
    }
    return "tel:" + p.phone();
  }
}
