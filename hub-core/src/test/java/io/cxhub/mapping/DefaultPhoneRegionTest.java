package io.cxhub.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.taxonomy.Taxonomy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The loader's default region (hub.yaml {@code identity.defaultPhoneRegion}) is where national numbers
 * are read by phone transforms that name no region; a mapping's own region, and a record's own
 * country ({@code region_from}), still come first.
 */
class DefaultPhoneRegionTest {

  private static final Taxonomy TAXONOMY = Taxonomy.loadDefault();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String CUSTOMERS = """
      system: shop
      stream: customers
      entities:
        - entity: party
          id: id
          fields:
            billing_customer_id: id
            phone: { path: phone, transform: [%s] }
          identity: [billing_customer_id, phone]
      """;

  private static Object phone(String defaultRegion, String transform, String payload) throws Exception {
    Mapping mapping = new MappingLoader(TAXONOMY, defaultRegion)
        .parse(Path.of("mappings/shop/customers.yaml"), CUSTOMERS.formatted(transform));
    MappedRecord mapped = mapping.map(RawRecord.pushed("shop", "customers", "c1", JSON.readTree(payload)));
    return mapped.entities().get(0).fields().get("phone");
  }

  @Test
  void aMappingThatNamesNoRegionReadsNationalNumbersInTheHubsDefault() throws Exception {
    assertEquals("+442079460958", phone("GB", "phone", "{\"id\":\"c1\",\"phone\":\"020 7946 0958\"}"));
    assertEquals("+14155550100", phone("US", "phone", "{\"id\":\"c1\",\"phone\":\"(415) 555-0100\"}"));
    assertEquals("+442079460958", phone("GB", "{ phone: { region_from: country } }",
        "{\"id\":\"c1\",\"phone\":\"020 7946 0958\"}"), "no country in the record: the hub's default");
  }

  @Test
  void theMappingsOwnRegionAndTheRecordsCountryWinOverTheHubsDefault() throws Exception {
    assertEquals("+14155550100", phone("GB", "{ phone: { region: US } }", "{\"id\":\"c1\",\"phone\":\"(415) 555-0100\"}"));
    assertEquals("+14155550100", phone("GB", "{ phone: { region_from: country } }",
        "{\"id\":\"c1\",\"phone\":\"(415) 555-0100\",\"country\":\"US\"}"));
    assertEquals("+493023125000", phone("GB", "{ phone: { region: US, region_from: country } }",
        "{\"id\":\"c1\",\"phone\":\"030 23125000\",\"country\":\"de\"}"));
  }

  @Test
  void aNumberWithItsCountryCodeIsTheSameKeyWhateverTheDefault() throws Exception {
    for (String region : new String[] {"US", "GB", "DE", "JP"}) {
      assertEquals("+442079460958", phone(region, "phone", "{\"id\":\"c1\",\"phone\":\"+44 20 7946 0958\"}"), region);
    }
  }

  @Test
  void knownRegionsAreTheOnesLibphonenumberReads() {
    assertTrue(MappingLoader.isKnownPhoneRegion("GB"));
    assertTrue(MappingLoader.isKnownPhoneRegion("US"));
    assertFalse(MappingLoader.isKnownPhoneRegion("UK"), "the United Kingdom's ISO code is GB");
    assertFalse(MappingLoader.isKnownPhoneRegion("ZZ"));
    assertFalse(MappingLoader.isKnownPhoneRegion("gb"));
  }
}
