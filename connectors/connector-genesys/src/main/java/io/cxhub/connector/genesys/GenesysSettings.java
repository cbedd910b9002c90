package io.cxhub.connector.genesys;

import io.cxhub.spi.config.ConnectorConfig;
import java.time.Duration;

/** A validated instance configuration, typed. {@link #toString()} leaves the secret out. */
record GenesysSettings(String loginUrl, String apiUrl, String clientId, String clientSecret, int pageSize,
    Duration initialLookback, Duration settleTime, Duration openLookback, String system) {

  static GenesysSettings of(ConnectorConfig c) {
    String region = c.string(GenesysConfig.REGION);
    String login = c.has(GenesysConfig.LOGIN_URL) ? c.string(GenesysConfig.LOGIN_URL) : "https://login." + region;
    String api = c.has(GenesysConfig.API_URL) ? c.string(GenesysConfig.API_URL) : "https://api." + region;
    return new GenesysSettings(trimSlash(login), trimSlash(api), c.string(GenesysConfig.CLIENT_ID),
        c.string(GenesysConfig.CLIENT_SECRET), c.integer(GenesysConfig.PAGE_SIZE),
        c.duration(GenesysConfig.INITIAL_LOOKBACK), c.duration(GenesysConfig.SETTLE_TIME),
        c.duration(GenesysConfig.OPEN_LOOKBACK), c.string(GenesysConfig.SYSTEM));
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "GenesysSettings[login=" + loginUrl + ", api=" + apiUrl + ", clientId=" + clientId + ", pageSize=" + pageSize
        + ", initialLookback=" + initialLookback + ", settleTime=" + settleTime + ", openLookback=" + openLookback
        + ", system=" + system + "]";
  }
}
