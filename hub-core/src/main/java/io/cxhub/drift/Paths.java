package io.cxhub.drift;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Observed path syntax: {@code a.b} for object keys, {@code a[]} for array elements. */
final class Paths {

  private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

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
    return INDEX.matcher(path).replaceAll("[]");
  }

  /** Whether the mapping path reads exactly the observed path {@code observed}. */
  static boolean reads(String mappingPath, String observed) {
    return fromMapping(mappingPath).equals(observed);
  }

  /**
   * The mapping path with the observed path {@code old} (or its part that {@code mappingPath} lies
   * under) renamed to {@code now}, array indices carried over in order: {@code lines[0].amount} with
   * {@code lines[].amount -> lines[].total} is {@code lines[0].total}. Unchanged when the path does
   * not read {@code old}; null when {@code now} has a different number of arrays, so no index fits.
   */
  static String renamed(String mappingPath, String old, String now) {
    if (!within(fromMapping(mappingPath), old)) {
      return mappingPath;
    }
    int cut = mappingPath.length();
    for (int i = 1; i <= mappingPath.length(); i++) {
      boolean boundary = i == mappingPath.length() || mappingPath.charAt(i) == '.' || mappingPath.charAt(i) == '[';
      if (boundary && fromMapping(mappingPath.substring(0, i)).equals(old)) {
        cut = i;
        break;
      }
    }
    Matcher index = INDEX.matcher(mappingPath.substring(0, cut));
    StringBuilder renamed = new StringBuilder();
    int from = 0;
    for (int slot = now.indexOf("[]"); slot >= 0; slot = now.indexOf("[]", from)) {
      if (!index.find()) {
        return null;
      }
      renamed.append(now, from, slot).append(index.group());
      from = slot + 2;
    }
    if (index.find()) {
      return null;
    }
    return renamed.append(now.substring(from)).append(mappingPath.substring(cut)).toString();
  }
}
