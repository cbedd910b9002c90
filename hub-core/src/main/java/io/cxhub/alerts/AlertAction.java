package io.cxhub.alerts;

import java.time.Instant;

/**
 * One audited event of an alert: raised by the detector, or acted on by a person.
 *
 * @param action OPENED, ACKNOWLEDGED, ACCEPTED, RESOLVED, PROPOSAL_APPLIED, REOPENED
 * @param actor who: the API token's name, or {@code drift-detector}
 * @param comment why, as given
 * @param detail what changed, e.g. the baseline version made or the mapping file edited
 */
public record AlertAction(String action, String actor, Instant at, String comment, String detail) {}
