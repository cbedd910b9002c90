package io.cxhub.simulator.billing;

/** Stripe-like ids; the number is what the live simulation continues from. */
final class Ids {

  private Ids() {}

  /** Customer n is person n-1 of the shared population. */
  static String customer(int personIndex) {
    return String.format("cus_%06d", personIndex + 1);
  }

  static String invoice(long n) {
    return String.format("in_%07d", n);
  }

  static String payment(long n) {
    return String.format("py_%07d", n);
  }

  static String currency(String country) {
    return switch (country) {
      case "GB" -> "gbp";
      case "DE" -> "eur";
      default -> "usd";
    };
  }
}
