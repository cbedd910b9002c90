package io.cxhub.drift;

import static io.cxhub.drift.Payloads.changed;
import static io.cxhub.drift.Payloads.learn;
import static io.cxhub.drift.Payloads.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PII never leaves the engine unmasked, and what it keeps round-trips through JSON. */
class DriftMaskingTest {

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Test
  void masksKeepShapeOnly() {
    assertEquals("j***@e******.com", Masker.mask("jane.doe@example.com"));
    assertEquals("(###) ###-####", Masker.mask("(415) 555-0100"));
    assertEquals("+# ### ### ####", Masker.mask("+1 212 555 0134"));
    assertEquals("M*** S* ##", Masker.mask("Main St 12"));
    assertEquals("####-##-##", Masker.mask("2024-05-01"));
    assertEquals("J*** M*****", Masker.mask("Jane Müller"));
  }

  @Test
  void baselineAndDriftsCarryNoRawEmailPhoneOrName() throws Exception {
    List<com.fasterxml.jackson.databind.node.ObjectNode> rows = records(0, 300, Payloads::billingCustomer);
    Baseline baseline = learn("billing", "customers", rows);
    List<Drift> drifts = new DriftDetector(Payloads.SETTINGS).detect(baseline, Payloads.window(baseline,
        changed(rows, row -> {
          row.set("email_address", row.remove("email"));
          row.put("phone", row.get("phone").asText().replaceAll("\\D", ""));
          row.put("status", "on_hold_" + row.get("last_name").asText());
          return row;
        })), Lineage.none());
    String text = JSON.writeValueAsString(baseline) + JSON.writeValueAsString(drifts);
    for (int i = 0; i < 300; i++) {
      assertFalse(text.contains(Payloads.email(i)), "raw e-mail " + i);
      assertFalse(text.contains(Payloads.phone(i)), "raw phone " + i);
      assertFalse(text.contains(Payloads.phone(i).replaceAll("\\D", "")), "raw digits " + i);
    }
    for (String name : new String[] {"Jane", "Smith", "Garcia", "Müller"}) {
      assertFalse(text.contains(name), name);
    }
    assertEquals(List.of(DriftKind.FORMAT_CHANGED, DriftKind.ENUM_VALUE_ADDED, DriftKind.RENAMED),
        drifts.stream().map(Drift::kind).toList());
  }

  @Test
  void baselineRoundTripsThroughJson() throws Exception {
    Baseline baseline = learn("stripe", "customers", records(0, 200, Payloads::stripeCustomer));
    String json = JSON.writeValueAsString(baseline);
    Baseline back = JSON.readValue(json, Baseline.class);
    assertEquals(json, JSON.writeValueAsString(back));
    Drift drift = new DriftDetector(Payloads.SETTINGS).detect(back, Payloads.window(back,
        changed(records(200, 300, Payloads::stripeCustomer), c -> c.put("tax_exempt", "none")))).get(0);
    String driftJson = JSON.writeValueAsString(drift);
    assertEquals(driftJson, JSON.writeValueAsString(JSON.readValue(driftJson, Drift.class)));
  }
}
