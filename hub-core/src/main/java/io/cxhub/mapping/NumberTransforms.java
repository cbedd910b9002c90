package io.cxhub.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Numeric transforms: cents_to_decimal, to_decimal, to_integer. */
final class NumberTransforms {

  private NumberTransforms() {}

  /** Integral minor units (cents) to a decimal with scale 2; strings are refused, amounts are numbers. */
  static final Transform CENTS_TO_DECIMAL = value -> {
    if (value instanceof Long cents) {
      return BigDecimal.valueOf(cents, 2);
    }
    if (value instanceof BigDecimal decimal && isIntegral(decimal)) {
      return decimal.movePointLeft(2).setScale(2);
    }
    throw new InvalidValueException(value, "expected a whole number of cents, found " + describe(value));
  };

  /** A number or a numeric string to an exact decimal. */
  static final Transform TO_DECIMAL = value -> {
    if (value instanceof Long number) {
      return BigDecimal.valueOf(number);
    }
    if (value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof String text) {
      try {
        return new BigDecimal(text.strip());
      } catch (NumberFormatException e) {
        throw new InvalidValueException(value, "expected a decimal number such as 12.50");
      }
    }
    throw new InvalidValueException(value, "expected a number or a numeric string, found " + Values.kind(value));
  };

  /** A whole number or an integer string to a Long. */
  static final Transform TO_INTEGER = value -> {
    if (value instanceof Long) {
      return value;
    }
    if (value instanceof BigDecimal decimal && isIntegral(decimal)) {
      return toLong(decimal, value);
    }
    if (value instanceof String text) {
      try {
        return Long.parseLong(text.strip());
      } catch (NumberFormatException e) {
        throw new InvalidValueException(value, "expected a whole number such as 42");
      }
    }
    throw new InvalidValueException(value, "expected a whole number, found " + describe(value));
  };

  static boolean isIntegral(BigDecimal decimal) {
    return decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
  }

  static Long toLong(BigDecimal decimal, Object original) throws InvalidValueException {
    BigInteger integer = decimal.toBigIntegerExact();
    if (integer.bitLength() >= 64) {
      throw new InvalidValueException(original, "expected a whole number within 64 bits");
    }
    return integer.longValue();
  }

  private static String describe(Object value) {
    return value instanceof BigDecimal ? "a fractional number" : Values.kind(value);
  }
}
