/**
 * Commands that talk to a running hub over its REST API: where the hub is and which token to send
 * ({@link io.cxhub.app.client.HubConnection}), the HTTP calls with their failures turned into one
 * line and an exit code ({@link io.cxhub.app.client.HubClient}), and plain-text tables.
 */
package io.cxhub.app.client;
