package com.example.cxhub.zendesk;

import io.cxhub.spi.config.ConfigException;
import io.cxhub.spi.config.ConfigProblem;
import io.cxhub.spi.config.ConnectorConfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A validated instance configuration, typed. {@link #toString()} and every message built from it
 * leave the credentials out.
 */
record ZendeskSettings(String baseUrl, String email, String apiToken, String oauthToken, long startTime, int perPage,
    boolean includeUsers, String system) {

  /**
   * @throws ConfigException when neither (email and apiToken) nor oauthToken is given, or both are
   */
  static ZendeskSettings of(String subject, ConnectorConfig c) {
    ZendeskSettings s = new ZendeskSettings(trimSlash(c.string(ZendeskOptions.BASE_URL)), c.string(ZendeskOptions.EMAIL),
        c.string(ZendeskOptions.API_TOKEN), c.string(ZendeskOptions.OAUTH_TOKEN), c.longValue(ZendeskOptions.START_TIME),
        c.integer(ZendeskOptions.PER_PAGE), c.bool(ZendeskOptions.INCLUDE_USERS), c.string(ZendeskOptions.SYSTEM));
    boolean token = s.email != null || s.apiToken != null;
    boolean oauth = s.oauthToken != null;
    if (token == oauth) {
      throw new ConfigException(subject, List.of(new ConfigProblem(ZendeskOptions.OAUTH_TOKEN, oauth ? "******" : null,
          "either email and apiToken, or oauthToken (exactly one way to authenticate)")));
    }
    if (token && (s.email == null || s.apiToken == null)) {
      String missing = s.email == null ? ZendeskOptions.EMAIL : ZendeskOptions.API_TOKEN;
      throw new ConfigException(subject, List.of(new ConfigProblem(missing, null,
          "a value: email and apiToken go together")));
    }
    return s;
  }

  /** The value of the Authorization header. Never log it. */
  String authorization() {
    if (oauthToken != null) {
      return "Bearer " + oauthToken;
    }
    return "Basic " + Base64.getEncoder().encodeToString((email + "/token:" + apiToken).getBytes(StandardCharsets.UTF_8));
  }

  /** How the instance authenticates, as it may be shown. */
  String authDescription() {
    return oauthToken != null ? "an OAuth token" : "the API token of " + email;
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "ZendeskSettings[baseUrl=" + baseUrl + ", auth=" + authDescription() + ", startTime=" + startTime
        + ", perPage=" + perPage + ", includeUsers=" + includeUsers + ", system=" + system + "]";
  }
}
