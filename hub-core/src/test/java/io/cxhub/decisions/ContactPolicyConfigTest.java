package io.cxhub.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxhub.config.ConfigProblemsException;
import io.cxhub.config.YamlLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContactPolicyConfigTest {

  private static ContactPolicy read(String yaml) {
    return ContactPolicyConfig.read(
        YamlLoader.parse(Path.of("hub.yaml"), yaml), "/contactPolicy");
  }

  @Test
  void missingBlockGivesTheDefaults() {
    assertEquals(ContactPolicy.defaults(), read("http: { port: 8080 }\n"));
  }

  @Test
  void everyKeyIsRead() {
    ContactPolicy p =
        read(
            """
            contactPolicy:
              channelWindow: 12h
              caps:
                - { max: 2, per: 48h }
                - { max: 5, per: 7d }
              quietHours: { start: "22:00", end: "07:30" }
              fallbackZone: Europe/Paris
              taskChannels: [crm, agent-callback]
            """);
    assertEquals(Duration.ofHours(12), p.channelWindow());
    assertEquals(
        List.of(
            new ContactPolicy.Cap(2, Duration.ofHours(48)),
            new ContactPolicy.Cap(5, Duration.ofDays(7))),
        p.caps());
    assertEquals(
        Optional.of(new ContactPolicy.QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 30))),
        p.quietHours());
    assertEquals(ZoneId.of("Europe/Paris"), p.fallbackZone());
    assertEquals(Set.of("crm", "agent-callback"), p.taskChannels());
  }

  @Test
  void nullQuietHoursMeansNone() {
    assertEquals(Optional.empty(), read("contactPolicy:\n  quietHours: null\n").quietHours());
  }

  @Test
  void everyProblemIsReportedWithLineKeyAndValue() {
    ConfigProblemsException e =
        assertThrows(
            ConfigProblemsException.class,
            () ->
                read(
                    """
                    contactPolicy:
                      channelWindow: soon
                      caps:
                        - { max: 0, per: 48h }
                      quietHours: { start: "25:00", end: "08:00" }
                      fallbackZone: Mars/Olympus
                      quietHour: oops
                    """));
    String all = e.getMessage();
    assertEquals(5, e.problems().size(), all);
    assertTrue(all.contains("hub.yaml:2: invalid value 'soon' for /contactPolicy/channelWindow"), all);
    assertTrue(all.contains("hub.yaml:4:"), all);
    assertTrue(all.contains("'25:00'"), all);
    assertTrue(all.contains("'Mars/Olympus'"), all);
    assertTrue(all.contains("unknown key /contactPolicy/quietHour"), all);
  }
}
