package io.cxhub.profile;

import java.util.List;

/**
 * Receives trait changes of profiles ({@link ProfileChange}), e.g. a use case triggered by a trait.
 *
 * <p>Changes arrive in the order they were committed, a list per recomputation, on one thread of
 * the bus consumer: a listener that blocks holds back every other listener and, once the bus
 * queue is full, the recomputations that publish (backpressure, not loss). A listener must not
 * modify the list. An exception is logged with the listener and does not reach other listeners.
 */
@FunctionalInterface
public interface ProfileChangeListener {

  void onChanges(List<ProfileChange> changes);
}
