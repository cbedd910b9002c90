package io.cxhub.drift;

/** Observed path syntax: {@code a.b} for object keys, {@code a[]} for array elements. */
final class Paths {

  private Paths() {}

  /** The parent path; empty for a top-level field. */
  static String parent(String path) {
    if (path.endsWith("[]")) {
      return path.substring(0, path.length() - 2);
    }
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(0, dot);
  }

  /** Whether {@code path} is {@code ancestor} or lies under it. */
  static boolean within(String path, String ancestor) {
    return path.equals(ancestor) || (path.startsWith(ancestor)
        && (path.charAt(ancestor.length()) == '.' || path.charAt(ancestor.length()) == '['));
  }

  /** A mapping path ({@code lines[0].amount}) in observed syntax ({@code lines[].amount}). */
  static String fromMapping(String path) {
    if (path.indexOf('[') < 0) {
      return path;
    }
    return path.replaceAll("\\[\\d+]", "[]");
  }
}
