package io.cxhub.store;

/**
 * Another writer changed rows this transaction read (for instance merged a profile away) between
 * the read and the write. The transaction is retried from the start.
 */
public class ConcurrentChangeException extends RuntimeException {

  public ConcurrentChangeException(String message) {
    super(message);
  }
}
