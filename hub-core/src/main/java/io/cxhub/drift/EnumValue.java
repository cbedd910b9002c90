package io.cxhub.drift;

/**
 * One distinct value of a low-cardinality field.
 *
 * @param label the value when it looks like a code, else masked ({@link Masker#enumLabel})
 * @param hash its salted hash, by which values are compared
 * @param count occurrences
 */
public record EnumValue(String label, long hash, long count) {}
