package io.cxhub.drift;

/**
 * One distinct value of a low-cardinality field.
 *
 * @param label the value masked, or as is when it looks like a code and {@link DriftSettings#revealEnumCodes()} is on
 * @param hash its salted hash, by which values are compared
 * @param count occurrences
 */
public record EnumValue(String label, long hash, long count) {}
