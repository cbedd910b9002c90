package io.cxhub.simulator.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The part of SOQL a sync connector uses:
 * {@code SELECT f1, f2, Rel.f FROM Obj [WHERE f op literal [AND ...]] [ORDER BY f [ASC|DESC], ...] [LIMIT n]},
 * with operators {@code = != < <= > >=} and literals that are date-times, quoted strings, numbers,
 * {@code true}, {@code false} or {@code null}. Anything else is a {@link Malformed} query, as
 * Salesforce answers {@code MALFORMED_QUERY}.
 *
 * @param fields selected fields, as written (relationship paths keep their dot)
 * @param object the sObject type after FROM
 * @param where conditions, all of which must hold
 * @param orderBy sort keys
 * @param limit the LIMIT, if any
 */
record Soql(List<String> fields, String object, List<Condition> where, List<Order> orderBy, OptionalInt limit) {

  /** {@code field op literal}; {@code literal} is the text as written, quotes removed from strings. */
  record Condition(String field, String op, String literal, boolean quoted) {}

  record Order(String field, boolean descending) {}

  /** A query Salesforce rejects with {@code MALFORMED_QUERY}. */
  static final class Malformed extends RuntimeException {
    Malformed(String message) {
      super(message);
    }
  }

  static Soql parse(String text) {
    List<String> t = tokens(text);
    int[] pos = {0};
    expect(t, pos, "SELECT");
    List<String> fields = new ArrayList<>();
    do {
      fields.add(identifier(t, pos, "a field name"));
    } while (accept(t, pos, ","));
    expect(t, pos, "FROM");
    String object = identifier(t, pos, "an sObject name");
    List<Condition> where = new ArrayList<>();
    if (accept(t, pos, "WHERE")) {
      do {
        String field = identifier(t, pos, "a field name");
        String op = next(t, pos, "an operator");
        if (!List.of("=", "!=", "<", "<=", ">", ">=").contains(op)) {
          throw new Malformed("unexpected token: '" + op + "'");
        }
        String lit = next(t, pos, "a value");
        boolean quoted = lit.startsWith("'");
        where.add(new Condition(field, op, quoted ? lit.substring(1, lit.length() - 1) : lit, quoted));
      } while (accept(t, pos, "AND"));
    }
    List<Order> orderBy = new ArrayList<>();
    if (accept(t, pos, "ORDER")) {
      expect(t, pos, "BY");
      do {
        String field = identifier(t, pos, "a field name");
        boolean desc = accept(t, pos, "DESC");
        if (!desc) {
          accept(t, pos, "ASC");
        }
        orderBy.add(new Order(field, desc));
      } while (accept(t, pos, ","));
    }
    OptionalInt limit = OptionalInt.empty();
    if (accept(t, pos, "LIMIT")) {
      String n = next(t, pos, "a number");
      try {
        limit = OptionalInt.of(Integer.parseInt(n));
      } catch (NumberFormatException e) {
        throw new Malformed("unexpected token: '" + n + "'");
      }
    }
    if (pos[0] < t.size()) {
      throw new Malformed("unexpected token: '" + t.get(pos[0]) + "'");
    }
    return new Soql(List.copyOf(fields), object, List.copyOf(where), List.copyOf(orderBy), limit);
  }

  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == ',') {
        out.add(",");
        i++;
      } else if (c == '\'') {
        int end = i + 1;
        StringBuilder s = new StringBuilder("'");
        while (end < text.length() && text.charAt(end) != '\'') {
          if (text.charAt(end) == '\\' && end + 1 < text.length()) {
            end++;
          }
          s.append(text.charAt(end++));
        }
        if (end >= text.length()) {
          throw new Malformed("unterminated string literal");
        }
        out.add(s.append('\'').toString());
        i = end + 1;
      } else if ("<>=!".indexOf(c) >= 0) {
        int end = i + 1;
        if (end < text.length() && text.charAt(end) == '=') {
          end++;
        }
        out.add(text.substring(i, end));
        i = end;
      } else {
        int end = i;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && ",'<>=!".indexOf(text.charAt(end)) < 0) {
          end++;
        }
        out.add(text.substring(i, end));
        i = end;
      }
    }
    return out;
  }

  private static String next(List<String> t, int[] pos, String what) {
    if (pos[0] >= t.size()) {
      throw new Malformed("unexpected end of query, expected " + what);
    }
    return t.get(pos[0]++);
  }

  private static String identifier(List<String> t, int[] pos, String what) {
    String s = next(t, pos, what);
    if (!s.matches("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)?")) {
      throw new Malformed("unexpected token: '" + s + "', expected " + what);
    }
    return s;
  }

  private static boolean accept(List<String> t, int[] pos, String keyword) {
    if (pos[0] < t.size() && t.get(pos[0]).toUpperCase(Locale.ROOT).equals(keyword)) {
      pos[0]++;
      return true;
    }
    return false;
  }

  private static void expect(List<String> t, int[] pos, String keyword) {
    if (!accept(t, pos, keyword)) {
      throw new Malformed(pos[0] < t.size() ? "unexpected token: '" + t.get(pos[0]) + "', expected " + keyword
          : "unexpected end of query, expected " + keyword);
    }
  }
}
