package io.cxhub.connector.qualtrics;

import io.cxhub.spi.config.ConnectorConfig;
import java.time.Duration;
import java.util.List;

/** A validated instance configuration, typed. {@link #toString()} leaves the secrets out. */
record QualtricsSettings(String baseUrl, String apiToken, List<String> surveyIds, Duration settleTime,
    Duration exportTimeout, boolean webhook, String publicUrl, String webhookSharedKey, Scores.Questions questions) {

  /**
   * @throws IllegalArgumentException when the options contradict each other (webhook without publicUrl)
   */
  static QualtricsSettings of(ConnectorConfig c) {
    boolean webhook = c.bool(QualtricsOptions.WEBHOOK);
    String publicUrl = c.string(QualtricsOptions.PUBLIC_URL);
    if (webhook && (publicUrl == null || publicUrl.isBlank())) {
      throw new IllegalArgumentException("option publicUrl is required when webhook is true: Qualtrics needs the "
          + "hub's base URL to deliver events to");
    }
    String base = c.string(QualtricsOptions.BASE_URL);
    return new QualtricsSettings(base.endsWith("/") ? base.substring(0, base.length() - 1) : base,
        c.string(QualtricsOptions.API_TOKEN), c.list(QualtricsOptions.SURVEY_IDS),
        c.duration(QualtricsOptions.SETTLE_TIME), c.duration(QualtricsOptions.EXPORT_TIMEOUT), webhook,
        publicUrl == null ? null : publicUrl.replaceAll("/+$", ""), c.string(QualtricsOptions.WEBHOOK_SHARED_KEY),
        new Scores.Questions(c.list(QualtricsOptions.CSAT_QUESTION), c.list(QualtricsOptions.NPS_QUESTION),
            c.list(QualtricsOptions.CES_QUESTION), c.list(QualtricsOptions.VERBATIM_QUESTION)));
  }

  @Override
  public String toString() {
    return "QualtricsSettings[baseUrl=" + baseUrl + ", surveyIds=" + surveyIds + ", settleTime=" + settleTime
        + ", exportTimeout=" + exportTimeout + ", webhook=" + webhook + ", publicUrl=" + publicUrl
        + ", sharedKey=" + (webhookSharedKey == null ? "<unset>" : "******") + ", questions=" + questions + "]";
  }
}
