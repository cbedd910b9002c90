package io.cxhub.connector.salesforce;

import io.cxhub.spi.config.ConnectorConfig;
import java.util.ArrayList;
import java.util.List;

/** A validated instance configuration, typed. {@link #toString()} leaves the secrets out. */
record SalesforceSettings(String loginUrl, String authenticationType, String clientId, String clientSecret,
    String userName, String password, String apiVersion, List<String> streams, String system) {

  static SalesforceSettings of(ConnectorConfig c) {
    return new SalesforceSettings(stripSlash(c.string(SalesforceOptions.LOGIN_URL)),
        c.string(SalesforceOptions.AUTHENTICATION_TYPE), c.string(SalesforceOptions.CLIENT_ID),
        c.string(SalesforceOptions.CLIENT_SECRET), c.string(SalesforceOptions.USER_NAME),
        c.string(SalesforceOptions.PASSWORD), c.string(SalesforceOptions.API_VERSION),
        c.list(SalesforceOptions.STREAMS), c.string(SalesforceOptions.SYSTEM));
  }

  /** Problems the typed options cannot express: the user name and password the chosen flow needs. */
  List<String> problems() {
    List<String> out = new ArrayList<>();
    if (usernamePassword()) {
      if (userName == null || userName.isBlank()) {
        out.add("option userName is required with authenticationType USERNAME_PASSWORD");
      }
      if (password == null || password.isEmpty()) {
        out.add("option password is required with authenticationType USERNAME_PASSWORD");
      }
    }
    return out;
  }

  boolean usernamePassword() {
    return authenticationType.equals("USERNAME_PASSWORD");
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "SalesforceSettings[loginUrl=" + loginUrl + ", auth=" + authenticationType + ", clientId=" + clientId
        + ", userName=" + userName + ", apiVersion=" + apiVersion + ", streams=" + streams + ", system=" + system + "]";
  }
}
