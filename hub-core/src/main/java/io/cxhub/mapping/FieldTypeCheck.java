package io.cxhub.mapping;

import io.cxhub.taxonomy.TaxonomyField;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The last step of every field: the value must have the taxonomy field's type. Only lossless,
 * unambiguous conversions happen here (a whole number to a string id, an ISO date string to a
 * date); anything else needs an explicit transform in the mapping.
 */
final class FieldTypeCheck {

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private FieldTypeCheck() {}

  static Transform forField(TaxonomyField field) {
    return switch (field.type()) {
      case STRING -> FieldTypeCheck::toText;
      case INTEGER -> FieldTypeCheck::toInteger;
      case DECIMAL -> FieldTypeCheck::toDecimal;
      case BOOLEAN -> value -> {
        if (value instanceof Boolean) {
          return value;
        }
        throw new InvalidValueException(value, "expected a boolean, found " + Values.kind(value));
      };
      case DATE -> value -> value instanceof LocalDate ? value : TimeTransforms.ISO_DATE.apply(value);
      case TIMESTAMP -> value -> value instanceof Instant ? value : TimeTransforms.ISO_TIMESTAMP.apply(value);
      case ENUM -> enumCheck(Set.copyOf(field.enumValues()), field.enumValues().toString());
      case CURRENCY -> value -> {
        if (value instanceof String code && CURRENCY.matcher(code).matches()) {
          return code;
        }
        throw new InvalidValueException(value, "expected an ISO-4217 currency code in upper case, e.g. USD"
            + (value instanceof String ? " (add the upper transform for lower-case codes)" : ""));
      };
    };
  }

  private static Object toText(Object value) throws InvalidValueException {
    if (value instanceof String) {
      return value;
    }
    if (value instanceof Long) {
      return value.toString();
    }
    if (value instanceof BigDecimal decimal && NumberTransforms.isIntegral(decimal)) {
      return decimal.toBigInteger().toString();
    }
    throw new InvalidValueException(value, "expected a string, found " + Values.kind(value));
  }

  private static Object toInteger(Object value) throws InvalidValueException {
    if (value instanceof Long) {
      return value;
    }
    if (value instanceof BigDecimal decimal && NumberTransforms.isIntegral(decimal)) {
      return NumberTransforms.toLong(decimal, value);
    }
    throw new InvalidValueException(value, "expected a whole number, found " + Values.kind(value)
        + (value instanceof String ? " (add the to_integer transform for numeric strings)" : ""));
  }

  private static Object toDecimal(Object value) throws InvalidValueException {
    if (value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Long number) {
      return BigDecimal.valueOf(number);
    }
    throw new InvalidValueException(value, "expected a decimal number, found " + Values.kind(value)
        + (value instanceof String ? " (add the to_decimal transform for numeric strings)" : ""));
  }

  private static Transform enumCheck(Set<String> allowed, String shown) {
    return value -> {
      if (value instanceof String text && allowed.contains(text)) {
        return text;
      }
      throw new InvalidValueException(value, "expected one of " + shown
          + (value instanceof String ? " (add an enum transform to translate source codes)" : ""));
    };
  }
}
