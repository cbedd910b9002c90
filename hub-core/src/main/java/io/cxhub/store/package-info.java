/**
 * The PostgreSQL store: connection pool and schema migrations ({@link io.cxhub.store.Database}),
 * transactions retried when they lose a race with another writer
 * ({@link io.cxhub.store.Transactions}), and the embedded server.
 */
package io.cxhub.store;
