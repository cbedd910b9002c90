/**
 * {@code cxhub drift}: the {@code /api/drift} API from a terminal. Alerts are read as JSON and put
 * into words here; nothing is decided on this side, so the hub's rules and messages stay the only ones.
 */
package io.cxhub.app.drift;
