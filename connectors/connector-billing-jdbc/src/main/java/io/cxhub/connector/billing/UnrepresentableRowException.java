package io.cxhub.connector.billing;

/** A row that has no faithful JSON form; it is quarantined with this message as the reason. */
final class UnrepresentableRowException extends Exception {

  UnrepresentableRowException(String reason) {
    super(reason);
  }
}
