package io.cxhub.drift;

/**
 * Hashes of {@code first + separator + second}, taken per record from two fields the baseline does
 * not know: compared with a removed field's hashes, they reveal a split.
 *
 * @param first path of the first part
 * @param second path of the second part
 * @param separator what was put between them
 * @param hashes bottom-k sketch of the concatenations, sorted
 */
public record ConcatEvidence(String first, String second, String separator, long[] hashes) {}
