package io.cxhub.usecases;

import java.util.Optional;

/**
 * What a decision of a use case does.
 *
 * @param type offer, message or task
 * @param offer the offer id, present exactly for {@link ActionType#OFFER}
 * @param template the CEL map expression that builds the payload, as written
 */
public record Action(ActionType type, Optional<String> offer, Optional<String> template) {}
