package io.cxhub.usecases;

/** What a decision does for the customer. */
public enum ActionType {
  /** Presents an offer, named by the use case's offer id. */
  OFFER,
  /** Sends a message (SMS, e-mail, event to a topic). */
  MESSAGE,
  /** Creates a task for a person, e.g. a CRM task for an agent to call back. */
  TASK
}
