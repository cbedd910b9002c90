package io.cxhub.simulator.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeopleTest {

  @Test
  void aPersonDependsOnlyOnSeedAndIndex() {
    People a = new People(7);
    People b = new People(7);
    assertEquals(a.person(1234), b.first(1235).get(1234));
    assertEquals(a.rendering(a.person(5), "billing"), b.rendering(b.person(5), "billing"));
    assertNotEquals(a.person(3), new People(8).person(3));
  }

  @Test
  void emailsAndPhonesAreUniqueAndPhonesAreE164() {
    List<Person> people = new People(1).first(5000);
    Set<String> emails = new HashSet<>();
    Set<String> phones = new HashSet<>();
    for (Person p : people) {
      assertTrue(emails.add(p.email()), "duplicate e-mail " + p.email());
      assertTrue(phones.add(p.phone()), "duplicate phone " + p.phone() + ": identity resolution would merge two people");
      assertTrue(p.email().matches("[a-z0-9._]+@[a-z.]+"), p.email());
      assertTrue(p.phone().matches("\\+(1\\d{10}|44\\d{10}|49\\d{10})"), p.phone());
    }
  }

  @Test
  void messyRenderingsNormalizeBackToTheCanonicalIdentity() {
    People people = new People(3);
    int missingPhone = 0;
    Set<String> phoneShapes = new HashSet<>();
    for (Person p : people.first(2000)) {
      Rendering r = people.rendering(p, "billing");
      if (r.email() != null) {
        assertEquals(p.email(), r.email().trim().toLowerCase(Locale.ROOT));
      }
      if (r.phone() == null) {
        missingPhone++;
        continue;
      }
      phoneShapes.add(r.phone().replaceAll("\\d", "9"));
      String digits = r.phone().replaceAll("\\D", "");
      String national = p.phone().substring(p.country().equals("US") ? 2 : 3);
      assertTrue(digits.endsWith(national), r.phone() + " does not carry " + p.phone());
      assertEquals(p.phone(), e164(r.phone(), p.country()), "what the hub's phone transform makes of " + r.phone());
    }
    assertTrue(missingPhone > 100 && missingPhone < 300, "missing phones: " + missingPhone);
    assertTrue(phoneShapes.contains("(999) 999-9999"), phoneShapes.toString());
    assertTrue(phoneShapes.contains("9999 99 9999 9999"), phoneShapes.toString());
  }

  /** As the hub's mapping does it: libphonenumber, national numbers read in the person's country. */
  private static String e164(String written, String country) {
    PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    try {
      PhoneNumber n = phones.parse(written, country);
      assertTrue(phones.isValidNumber(n), written + " is not a valid " + country + " number for libphonenumber");
      return phones.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
    } catch (NumberParseException e) {
      throw new AssertionError(written + ": " + e.getMessage());
    }
  }

  @Test
  void systemsRenderTheSamePersonDifferently() {
    People people = new People(11);
    int different = 0;
    for (Person p : people.first(200)) {
      if (!people.rendering(p, "billing").equals(people.rendering(p, "salesforce"))) {
        different++;
      }
    }
    assertTrue(different > 100, "only " + different + " of 200 renderings differ between systems");
  }
}
