/** {@code cxhub identity …}: dry-run identity rules and undo merges on a running hub. */
package io.cxhub.app.identity;
