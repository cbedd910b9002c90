package io.cxhub.connector.salesforce;

import java.util.Locale;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;

/**
 * The camel-salesforce component of one connector instance, registered in the Camel context under
 * a name of its own ({@code cxhub-sf-<instance>}) so that instances with different orgs or
 * credentials do not share a session. It logs in lazily, on the first request, so a wrong password
 * or an unreachable login URL fails a poll (retried later) instead of the hub's start-up; it logs in
 * again by itself when Salesforce answers 401 to an expired session. Every answer is the raw JSON.
 */
final class SalesforceConnection {

  private final String componentName;

  private SalesforceConnection(String componentName) {
    this.componentName = componentName;
  }

  /** Creates the instance's component, replacing one left by an earlier instance of the same id. */
  static SalesforceConnection register(CamelContext context, String instance, String purpose, SalesforceSettings s) {
    String name = "cxhub-sf-" + purpose + "-" + instance.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    Component old = context.hasComponent(name);
    if (old != null) {
      context.removeComponent(name);
      try {
        old.stop();
      } catch (RuntimeException e) {
        // the old session is gone either way
      }
    }
    SalesforceComponent component = new SalesforceComponent();
    component.setLoginUrl(s.loginUrl());
    component.setClientId(s.clientId());
    component.setClientSecret(s.clientSecret());
    component.setAuthenticationType(AuthenticationType.valueOf(s.authenticationType()));
    if (s.usernamePassword()) {
      component.setUserName(s.userName());
      component.setPassword(s.password());
    }
    component.setLazyLogin(true);
    component.setHttpClientConnectionTimeout(10_000);
    component.setHttpRequestTimeout(60_000);
    SalesforceEndpointConfig config = new SalesforceEndpointConfig();
    config.setApiVersion(s.apiVersion());
    config.setRawPayload(true);
    component.setConfig(config);
    context.addComponent(name, component);
    return new SalesforceConnection(name);
  }

  /** The endpoint URI of a camel-salesforce operation, e.g. {@code query}. */
  String uri(String operation) {
    return componentName + ":" + operation;
  }
}
