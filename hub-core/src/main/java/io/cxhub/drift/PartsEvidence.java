package io.cxhub.drift;

/**
 * Hashes of the parts of a new field's values cut at a separator (every cut, up to three per
 * value): compared with two removed fields' hashes, they reveal a merge.
 *
 * @param path the new field
 * @param separator where the values were cut
 * @param prefixes bottom-k sketch of the parts before a cut, sorted
 * @param suffixes bottom-k sketch of the parts after a cut, sorted
 */
public record PartsEvidence(String path, String separator, long[] prefixes, long[] suffixes) {}
