package io.cxhub.mapping;

/**
 * A normalized identity key: {@code email:jane@example.com}, {@code phone:+14155550100},
 * {@code billing_customer_id:cus_0001}. Values are normalized by the mapping before they get here,
 * so equality is exact.
 */
public record IdentityKey(String type, String value) {

  /** Parses {@code type:value} (the value may itself contain colons). */
  public static IdentityKey parse(String typed) {
    int i = typed.indexOf(':');
    if (i <= 0 || i == typed.length() - 1) {
      throw new IllegalArgumentException("identity key '" + typed + "': expected type:value, e.g. email:jane@example.com");
    }
    return new IdentityKey(typed.substring(0, i), typed.substring(i + 1));
  }

  @Override
  public String toString() {
    return type + ":" + value;
  }
}
