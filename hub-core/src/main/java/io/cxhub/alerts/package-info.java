/**
 * Drift alerts as the monitoring team works with them: stored, deduplicated (a drift that recurs
 * updates its open alert), acted on (ack, accept, resolve) with every action audited, and handed to
 * notification sinks. The detection itself is {@code io.cxhub.drift}, which does no I/O.
 */
package io.cxhub.alerts;
