package io.cxhub.simulator.salesforce;

import io.cxhub.simulator.people.People;
import java.time.Duration;

/**
 * How a {@link SalesforceSimulator} is set up.
 *
 * @param port port to listen on (0 for a free one)
 * @param seed seed of the population and of the data derived from it
 * @param firstPerson population index of the first contact
 * @param contacts number of contacts (persons {@code firstPerson ..})
 * @param accounts number of accounts the contacts belong to
 * @param pageSize records per query page ({@code 2000} in Salesforce; smaller in tests)
 * @param tokenLifetime how long an access token stays valid
 * @param dailyRequestLimit API requests per day before {@code REQUEST_LIMIT_EXCEEDED}
 * @param clientId OAuth client id of the connected app
 * @param clientSecret OAuth client secret of the connected app
 * @param username user of the username-password flow
 * @param password password (with security token appended) of the username-password flow
 */
public record SalesforceOptions(int port, long seed, int firstPerson, int contacts, int accounts, int pageSize,
    Duration tokenLifetime, int dailyRequestLimit, String clientId, String clientSecret, String username,
    String password) {

  public static final String API_VERSION = "62.0";

  /** The demo set-up: persons 500..3499, pages of 2000, credentials fixed for the demo. */
  public static SalesforceOptions defaults() {
    return new SalesforceOptions(0, People.DEFAULT_SEED, 500, 3000, 400, 2000, Duration.ofHours(2), 15_000,
        "3MVG9cxhubDemoConnectedApp", "cxhub-demo-client-secret", "integration@cxhub-demo.example.com",
        "demo-password-and-token");
  }

  public SalesforceOptions withPort(int p) {
    return new SalesforceOptions(p, seed, firstPerson, contacts, accounts, pageSize, tokenLifetime, dailyRequestLimit,
        clientId, clientSecret, username, password);
  }

  public SalesforceOptions withContacts(int n, int accountCount) {
    return new SalesforceOptions(port, seed, firstPerson, n, accountCount, pageSize, tokenLifetime, dailyRequestLimit,
        clientId, clientSecret, username, password);
  }

  public SalesforceOptions withPageSize(int n) {
    return new SalesforceOptions(port, seed, firstPerson, contacts, accounts, n, tokenLifetime, dailyRequestLimit,
        clientId, clientSecret, username, password);
  }

  public SalesforceOptions withTokenLifetime(Duration d) {
    return new SalesforceOptions(port, seed, firstPerson, contacts, accounts, pageSize, d, dailyRequestLimit,
        clientId, clientSecret, username, password);
  }

  public SalesforceOptions withDailyRequestLimit(int n) {
    return new SalesforceOptions(port, seed, firstPerson, contacts, accounts, pageSize, tokenLifetime, n,
        clientId, clientSecret, username, password);
  }

  @Override
  public String toString() {
    return "SalesforceOptions[port=" + port + ", seed=" + seed + ", contacts=" + contacts + ", accounts=" + accounts
        + ", pageSize=" + pageSize + ", clientId=" + clientId + ", username=" + username + "]";
  }
}
