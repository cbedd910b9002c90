package io.cxhub.connector.stripe;

import io.cxhub.spi.config.ConfigDef;
import io.cxhub.spi.config.ConnectorConfig;
import io.cxhub.spi.connector.CheckResult;
import io.cxhub.spi.connector.Connector;
import io.cxhub.spi.connector.StreamSpec;
import java.util.List;
import org.apache.camel.RoutesBuilder;

/**
 * Reads customers, invoices, charges and subscriptions from Stripe: in full through the list APIs,
 * then incrementally through the events API, and takes signed webhook deliveries at
 * {@code /webhooks/stripe/<instance>}. Stateless; per-instance state lives in the beans its route
 * template binds.
 */
public final class StripeConnector implements Connector {

  public static final String ID = "stripe";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String version() {
    return StripePlugin.VERSION;
  }

  @Override
  public String description() {
    return "Stripe customers, invoices, charges and subscriptions: list APIs, then the events API, plus signed webhooks";
  }

  @Override
  public ConfigDef configDef() {
    return StripeOptions.DEF;
  }

  @Override
  public List<StreamSpec> streams() {
    return StripeStreams.specs();
  }

  @Override
  public List<String> defaultMappings() {
    return StripeStreams.names().stream().map(s -> "mappings/stripe/" + s + ".yaml").toList();
  }

  @Override
  public RoutesBuilder routes() {
    return new StripeRoutes();
  }

  @Override
  public CheckResult check(ConnectorConfig config) {
    try {
      return StripeCheck.run(StripeSettings.of(config));
    } catch (RuntimeException e) {
      return CheckResult.failed("cannot check the Stripe configuration: " + StripeReader.rootMessage(e));
    }
  }
}
