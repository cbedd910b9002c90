package io.cxhub.drift;

import java.util.Arrays;

/**
 * The {@code k} smallest distinct value hashes seen (a bottom-k sketch). Because a value hashes to
 * the same number everywhere, two sketches sample the same part of the hash space, and the overlap
 * of two fields' values can be estimated from their sketches alone ({@link #containment}). Not
 * thread-safe: owned by one {@link SchemaObserver}.
 */
final class HashSketch {

  private final long[] hashes;
  private int size;

  HashSketch(int capacity) {
    this.hashes = new long[capacity];
  }

  void add(long hash) {
    int n = size;
    if (n == hashes.length && hash >= hashes[n - 1]) {
      return;
    }
    int at = Arrays.binarySearch(hashes, 0, n, hash);
    if (at >= 0) {
      return;
    }
    at = -at - 1;
    if (n == hashes.length) {
      n--;
    } else {
      size++;
    }
    System.arraycopy(hashes, at, hashes, at + 1, n - at);
    hashes[at] = hash;
  }

  int size() {
    return size;
  }

  long[] toArray() {
    return Arrays.copyOf(hashes, size);
  }

  /**
   * What share of {@code a}'s values also occur in {@code b}, estimated from two sorted sketches of
   * capacity {@code capacity}: only hashes below both sketches' limits are compared, where both
   * sketches hold every value they saw, so the sample is the same for both sides.
   */
  static Overlap containment(long[] a, long[] b, int capacity) {
    if (a == null || b == null || a.length == 0 || b.length == 0) {
      return new Overlap(0, 0);
    }
    long limit = Long.MAX_VALUE;
    if (a.length >= capacity) {
      limit = Math.min(limit, a[a.length - 1]);
    }
    if (b.length >= capacity) {
      limit = Math.min(limit, b[b.length - 1]);
    }
    int sample = 0;
    int hits = 0;
    for (long hash : a) {
      if (hash > limit) {
        break;
      }
      sample++;
      if (Arrays.binarySearch(b, hash) >= 0) {
        hits++;
      }
    }
    return new Overlap(hits, sample);
  }

  /** {@code hits} of {@code sample} sampled values matched. */
  record Overlap(int hits, int sample) {

    double share() {
      return sample == 0 ? 0 : (double) hits / sample;
    }

    static Overlap better(Overlap x, Overlap y) {
      return x.share() >= y.share() ? x : y;
    }
  }
}
