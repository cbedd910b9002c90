package io.cxhub.drift;

import static io.cxhub.drift.Payloads.learn;
import static io.cxhub.drift.Payloads.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One record against the baseline, on the paths the mapping reads: what the quarantine policy holds. */
class DriftRecordFitTest {

  private final Baseline baseline = learn("billing", "customers", records(0, 300, Payloads::billingCustomer));
  private final RecordFit fit = RecordFit.of(baseline,
      List.of("customer_id", "email", "address", "created_at", "signup_date", "balance_cents", "not_in_baseline"),
      Payloads.SETTINGS);

  @Test
  void aRecordLikeTheBaselineFits() {
    for (ObjectNode row : records(300, 400, Payloads::billingCustomer)) {
      assertNull(fit.misfit(row), row.toString());
    }
    assertEquals(List.of("customer_id", "email", "address", "created_at", "signup_date", "balance_cents"),
        fit.checkedPaths());
  }

  @Test
  void aMissingRequiredFieldAWrongTypeAndAChangedDateFormatDoNotFit() {
    ObjectNode split = Payloads.billingCustomer(500);
    split.remove("address");
    split.put("street", "Main St").put("house_number", "12");
    assertEquals("field 'address' is missing; baseline v1 has it in 100% of records", fit.misfit(split));

    ObjectNode text = Payloads.billingCustomer(501).put("balance_cents", "1200");
    assertTrue(fit.misfit(text).startsWith("field 'balance_cents' is string; baseline v1 expects integer"),
        fit.misfit(text));

    ObjectNode epoch = Payloads.billingCustomer(502).put("created_at", 1_767_000_000L);
    assertTrue(fit.misfit(epoch).contains("field 'created_at' is integer"), fit.misfit(epoch));

    ObjectNode otherDate = Payloads.billingCustomer(503).put("signup_date", "03/11/2024");
    String misfit = fit.misfit(otherDate);
    assertTrue(misfit.startsWith("field 'signup_date' is not date"), misfit);
    assertFalse(misfit.contains("03/11/2024"), "values are masked: " + misfit);

    ObjectNode nullEmail = Payloads.billingCustomer(504).putNull("email");
    assertEquals("field 'email' is null; baseline v1 has it null in 0% of records", fit.misfit(nullEmail));
  }

  @Test
  void unmappedFieldsAreNotChecked() {
    ObjectNode row = Payloads.billingCustomer(600);
    row.remove("fax");
    row.put("phone", 4155550100L);
    assertNull(fit.misfit(row));
  }
}
