package io.cxhub.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cxhub.identity.IdentityRules;
import io.cxhub.mapping.EntityRecord;
import io.cxhub.mapping.IdentityKey;
import io.cxhub.mapping.MappedRecord;
import io.cxhub.profile.ProfileQueries;
import io.cxhub.profile.ProfileWriter;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.taxonomy.Taxonomy;
import io.cxhub.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** A store written before source records existed keeps its attributes through V5 and later writes. */
class SourceRecordsMigrationIT {

  @Test
  void profilesFromBeforeV5KeepTheirAttributesAsSourceRecords() throws Exception {
    String url = TestPostgres.newDatabase("v5");
    Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("4").load().migrate();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("insert into profile (id, created_at, updated_at, attributes) values"
          + " ('01900000-0000-7000-8000-000000000001', now(), now(), '{"
          + "\"display_name\": {\"value\": \"Jane Doe\", \"system\": \"salesforce\", \"stream\": \"contacts\","
          + " \"sourceId\": \"003A\", \"observedAt\": \"2026-01-10T09:00:00Z\"},"
          + "\"country\": {\"value\": \"US\", \"system\": \"billing\", \"stream\": \"customers\","
          + " \"sourceId\": \"cus_1\", \"observedAt\": \"2026-01-11T09:00:00Z\"}}')");
      s.execute("insert into identity values ('email', 'jane@example.com', '01900000-0000-7000-8000-000000000001',"
          + " 'salesforce', now())");
    }

    try (Database db = Database.open(url, null, null, 2)) { // migrates to the latest version
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select system || '/' || source_id || ' ' || fields::text from profile_source"
              + " order by 1")) {
        rs.next();
        assertEquals("billing/cus_1 {\"country\": \"US\"}", rs.getString(1));
        rs.next();
        assertEquals("salesforce/003A {\"display_name\": \"Jane Doe\"}", rs.getString(1));
      }
      // a later billing update derives attributes from both source records, the migrated one included
      new ProfileWriter(db.dataSource(), IdentityRules.permissive(), Taxonomy.loadDefault()).write(List.of(
          new MappedRecord(new RawRecord("billing", "customers", "cus_1", Instant.parse("2026-02-01T00:00:00Z"),
              com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), null, null),
              List.of(new EntityRecord("party", "cus_1", Map.of("country", "CA"),
                  List.of(new IdentityKey("email", "jane@example.com")))))));
      var p = new ProfileQueries(db.dataSource()).byKey(new IdentityKey("email", "jane@example.com")).orElseThrow();
      assertEquals("Jane Doe", p.attributes().get("display_name").value().asText());
      assertEquals("CA", p.attributes().get("country").value().asText());
    }
  }
}
