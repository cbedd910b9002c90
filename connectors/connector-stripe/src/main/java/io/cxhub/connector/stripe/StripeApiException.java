package io.cxhub.connector.stripe;

/** The API answered in a way a retry within the poll does not fix; the poll ends and backs off. */
final class StripeApiException extends RuntimeException {

  StripeApiException(String message) {
    super(message);
  }
}
