package io.cxhub.simulator.people;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A seeded population of fictional people shared by every simulator, so that the billing system,
 * the CRM, the contact centre and the survey tool all talk about the same customers and the hub
 * has something to join.
 *
 * <p>Everything is a pure function of {@code (seed, index)}: person 42 is the same person whether
 * it is asked for first or last, by one simulator or another, in this run or the next. Each source
 * system gets its own {@link Rendering} of a person (messy e-mail and phone), also stable per
 * {@code (seed, index, system, revision)}; a higher revision is what that system shows after the
 * customer edited their contact details. Immutable and thread-safe.
 */
public final class People {

  /** The seed every simulator uses unless told otherwise, so that their customers coincide. */
  public static final long DEFAULT_SEED = 42;

  private static final List<String> DOMAINS =
      List.of("example.com", "example.org", "example.net", "mail.example.com", "post.example.org");

  private final long seed;

  public People(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  /** The canonical identity of the person at {@code index} (0-based, any non-negative int). */
  public Person person(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("person index must be >= 0, was " + index);
    }
    Random r = random(index, 0L, 0);
    Country country = Country.pick(r);
    String first = pick(Names.first(country), r);
    String last = pick(Names.last(country), r);
    String phone = PhoneStyle.e164(country, country.nationalGroups(index));
    return new Person(index, first, last, email(first, last, index, r), phone, country.name());
  }

  /** Persons {@code 0 .. count-1}. */
  public List<Person> first(int count) {
    return IntStream.range(0, count).mapToObj(this::person).toList();
  }

  /** How {@code system} first stored this person's contact details. */
  public Rendering rendering(Person person, String system) {
    return rendering(person, system, 0);
  }

  /**
   * How {@code system} stores this person's contact details after {@code revision} edits. Revision 0
   * carries the canonical e-mail and phone (messily written, ~3% / ~10% missing); later revisions
   * may carry a new phone number or e-mail address, as when a customer updates their profile.
   */
  public Rendering rendering(Person person, String system, int revision) {
    Random r = random(person.index(), system.hashCode(), revision);
    Country country = Country.valueOf(person.country());
    String email = person.email();
    String[] groups = country.groupsOf(person.phone());
    if (revision > 0) {
      if (r.nextBoolean()) {
        groups = country.nationalGroups(r);
      } else {
        email = email(person.firstName(), person.lastName(), person.index() + 1_000_000 * revision, r);
      }
    }
    String shownEmail = r.nextInt(100) < 3 ? null : messyEmail(email, r);
    String shownPhone = r.nextInt(100) < 10 ? null : PhoneStyle.messy(country, groups, r);
    return new Rendering(shownEmail, shownPhone);
  }

  private Random random(int index, long salt, int revision) {
    long h = seed;
    h = mix(h ^ index);
    h = mix(h ^ salt);
    h = mix(h ^ revision);
    return new Random(h);
  }

  /** SplitMix64 finalizer: neighbouring indexes get unrelated random streams. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static String pick(List<String> values, Random r) {
    return values.get(r.nextInt(values.size()));
  }

  /** Unique by construction: the number suffix is the person's index. */
  private static String email(String first, String last, int index, Random r) {
    String f = ascii(first);
    String l = ascii(last);
    String local = switch (r.nextInt(4)) {
      case 0 -> f + "." + l;
      case 1 -> f.charAt(0) + l;
      case 2 -> f + "_" + l;
      default -> l + "." + f;
    };
    return local + index + "@" + pick(DOMAINS, r);
  }

  private static String ascii(String name) {
    String decomposed = Normalizer.normalize(name.replace("ß", "ss").replace("ı", "i"), Normalizer.Form.NFD);
    return decomposed.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
  }

  private static String messyEmail(String email, Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> capitalizeParts(email);
      case 1 -> email.toUpperCase(Locale.ROOT);
      case 2 -> " " + email;
      case 3 -> email + "  ";
      default -> email;
    };
  }

  private static String capitalizeParts(String email) {
    StringBuilder b = new StringBuilder(email.length());
    boolean start = true;
    for (char c : email.toCharArray()) {
      b.append(start ? Character.toUpperCase(c) : c);
      start = c == '.' || c == '@' || c == '_';
    }
    return b.toString();
  }
}
