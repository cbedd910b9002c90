package io.cxhub.connector.billing;

import io.cxhub.spi.config.ConfigDef;
import io.cxhub.spi.config.ConnectorConfig;
import io.cxhub.spi.connector.CheckResult;
import io.cxhub.spi.connector.Connector;
import io.cxhub.spi.connector.StreamSpec;
import java.util.List;
import org.apache.camel.RoutesBuilder;

/**
 * Reads customers, invoices and payments from a relational billing database (PostgreSQL)
 * incrementally, on {@code (updated_at, primary key)}. Stateless; per-instance state lives in the
 * beans its route template binds.
 */
public final class BillingJdbcConnector implements Connector {

  public static final String ID = "billing-jdbc";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String version() {
    return BillingJdbcPlugin.VERSION;
  }

  @Override
  public String description() {
    return "Customers, invoices and payments from a billing database over JDBC, read incrementally";
  }

  @Override
  public ConfigDef configDef() {
    return BillingOptions.DEF;
  }

  @Override
  public List<StreamSpec> streams() {
    return BillingStreams.ALL;
  }

  @Override
  public RoutesBuilder routes() {
    return new BillingRoutes();
  }

  @Override
  public CheckResult check(ConnectorConfig config) {
    BillingSettings settings = BillingSettings.of(config);
    try {
      return BillingTablesCheck.run(settings);
    } catch (IllegalArgumentException e) {
      // the driver rejects the URL; its message may quote the URL's parameters, password included
      return CheckResult.failed("jdbcUrl " + settings.safeUrl() + " is not a valid PostgreSQL JDBC URL");
    }
  }
}
