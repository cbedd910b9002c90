package io.cxhub.connector.qualtrics;

import io.cxhub.spi.config.ConfigDef;
import io.cxhub.spi.config.ConnectorConfig;
import io.cxhub.spi.connector.CheckResult;
import io.cxhub.spi.connector.Connector;
import io.cxhub.spi.connector.StreamSpec;
import java.util.List;
import org.apache.camel.RoutesBuilder;

/**
 * Survey responses from Qualtrics (v3 API): backfill and incremental reads through the response
 * export API, and, when enabled, completed-response events delivered to the hub's
 * {@code /webhooks/qualtrics/<instance>} endpoint. Stateless; per-instance state lives in the bean
 * its route template binds.
 *
 * <p>Exported and webhook-delivered responses carry the same {@code sourceId} (the response id)
 * and the same payload (the API's response object, {@code surveyId} and the normalized
 * {@code scores}); a response delivered by webhook is exported again later with an identical
 * payload, which the hub stores once. Only exported records carry a cursor.
 */
public final class QualtricsConnector implements Connector {

  public static final String ID = "qualtrics";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String version() {
    return QualtricsPlugin.VERSION;
  }

  @Override
  public String description() {
    return "Qualtrics survey responses (CSAT, NPS, CES and comments) by response export and completed-response webhooks";
  }

  @Override
  public ConfigDef configDef() {
    return QualtricsOptions.DEF;
  }

  @Override
  public List<StreamSpec> streams() {
    return List.of(QualtricsStreams.RESPONSES);
  }

  @Override
  public List<String> defaultMappings() {
    return List.of("mappings/qualtrics/responses.yaml");
  }

  @Override
  public RoutesBuilder routes() {
    return new QualtricsRoutes();
  }

  @Override
  public CheckResult check(ConnectorConfig config) {
    QualtricsSettings settings;
    try {
      settings = QualtricsSettings.of(config);
    } catch (IllegalArgumentException e) {
      return CheckResult.failed(e.getMessage());
    }
    QualtricsApi api = new QualtricsApi(settings.baseUrl(), settings.apiToken(), RetryPolicy.ONCE);
    try {
      api.get("/API/v3/whoami");
      for (String survey : settings.surveyIds()) {
        api.get("/API/v3/surveys/" + survey);
      }
      return CheckResult.passed();
    } catch (QualtricsApi.ApiFailure e) {
      return CheckResult.failed(e.getMessage());
    } catch (QualtricsApi.MalformedResponse e) {
      return CheckResult.failed("Qualtrics at " + settings.baseUrl() + " answered with an unreadable body: " + e.reason());
    }
  }
}
