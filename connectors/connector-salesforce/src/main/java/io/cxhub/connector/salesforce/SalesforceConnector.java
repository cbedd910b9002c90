package io.cxhub.connector.salesforce;

import io.cxhub.spi.config.ConfigDef;
import io.cxhub.spi.config.ConnectorConfig;
import io.cxhub.spi.connector.CheckResult;
import io.cxhub.spi.connector.Connector;
import io.cxhub.spi.connector.StreamSpec;
import java.util.List;
import org.apache.camel.RoutesBuilder;

/**
 * Salesforce CRM through camel-salesforce: contacts, accounts, cases and opportunities read with
 * SOQL, incrementally on {@code (SystemModstamp, Id)}; and CRM write-back (create a Task for a
 * contact, update Contact fields) through the {@code salesforce-writeback} route template, whose
 * instances listen on {@code direct:salesforce-writeback-<instance>} (see {@link SalesforceWriter}).
 * Stateless; per-instance state lives in the beans its route templates bind.
 */
public final class SalesforceConnector implements Connector {

  public static final String ID = "salesforce";
  /** Route template of the write-back side; same parameters as {@link #ID}. */
  public static final String WRITEBACK_TEMPLATE_ID = SalesforceRoutes.WRITEBACK_TEMPLATE_ID;
  /** Prefix of the write-back endpoint; the instance id follows. */
  public static final String WRITEBACK_ENDPOINT_PREFIX = SalesforceRoutes.WRITEBACK_ENDPOINT_PREFIX;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String version() {
    return SalesforcePlugin.VERSION;
  }

  @Override
  public String description() {
    return "Contacts, accounts, cases and opportunities from Salesforce via SOQL (camel-salesforce), read "
        + "incrementally; Task creation and Contact updates for CRM write-back";
  }

  @Override
  public ConfigDef configDef() {
    return SalesforceOptions.DEF;
  }

  @Override
  public List<StreamSpec> streams() {
    return SalesforceStreams.specs();
  }

  @Override
  public List<String> defaultMappings() {
    return List.of("mappings/salesforce/contacts.yaml", "mappings/salesforce/accounts.yaml",
        "mappings/salesforce/cases.yaml");
  }

  @Override
  public RoutesBuilder routes() {
    return new SalesforceRoutes();
  }

  @Override
  public CheckResult check(ConnectorConfig config) {
    return SalesforceLoginCheck.run(SalesforceSettings.of(config));
  }
}
