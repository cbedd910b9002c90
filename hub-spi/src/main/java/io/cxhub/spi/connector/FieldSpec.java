package io.cxhub.spi.connector;

/**
 * One expected field of a stream.
 *
 * @param path dotted path in the payload ({@code address.city}; arrays as {@code lines[]})
 * @param type JSON type: {@code string}, {@code number}, {@code integer}, {@code boolean},
 *     {@code object}, {@code array}
 * @param format optional format hint: {@code date}, {@code date-time}, {@code email},
 *     {@code phone}, {@code epoch-seconds}, {@code epoch-millis}, {@code decimal-string}; or null
 * @param nullable whether the source may send null / omit it
 */
public record FieldSpec(String path, String type, String format, boolean nullable) {

  public static FieldSpec of(String path, String type) {
    return new FieldSpec(path, type, null, true);
  }

  public static FieldSpec of(String path, String type, String format) {
    return new FieldSpec(path, type, format, true);
  }

  public FieldSpec notNull() {
    return new FieldSpec(path, type, format, false);
  }
}
