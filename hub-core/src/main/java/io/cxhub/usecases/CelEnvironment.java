package io.cxhub.usecases;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one CEL environment every use case expression is compiled in: the variables {@code profile},
 * {@code traits} and {@code event} (maps from string to any value) and {@code now} (a timestamp), the
 * standard functions and macros, and numeric comparisons across int and double (so
 * {@code traits.csat_avg_90d <= 2} holds for 1.5). Thread-safe; compile once, evaluate many times.
 */
final class CelEnvironment {

  static final String PROFILE = "profile";
  static final String TRAITS = "traits";
  static final String EVENT = "event";
  static final String NOW = "now";

  private static final CelOptions OPTIONS = CelOptions.current()
      .enableHeterogeneousNumericComparisons(true)
      .build();

  private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
      .setOptions(OPTIONS)
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addVar(PROFILE, MapType.create(SimpleType.STRING, SimpleType.DYN))
      .addVar(TRAITS, MapType.create(SimpleType.STRING, SimpleType.DYN))
      .addVar(EVENT, MapType.create(SimpleType.STRING, SimpleType.DYN))
      .addVar(NOW, SimpleType.TIMESTAMP)
      .build();

  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
      .setOptions(OPTIONS)
      .build();

  private CelEnvironment() {}

  /** What an expression must evaluate to. */
  enum ResultKind {
    BOOL("bool", Set.of(CelKind.BOOL)),
    NUMBER("double or int", Set.of(CelKind.DOUBLE, CelKind.INT, CelKind.UINT)),
    MAP("map", Set.of(CelKind.MAP));

    private final String expected;
    private final Set<CelKind> kinds;

    ResultKind(String expected, Set<CelKind> kinds) {
      this.expected = expected;
      this.kinds = kinds;
    }

    String expected() {
      return expected;
    }

    /** dyn is accepted at load and checked at evaluation (a map value's type is not known before). */
    boolean accepts(CelKind kind) {
      return kinds.contains(kind) || kind == CelKind.DYN;
    }
  }

  /** A compiled program, or CEL's message saying why the text is not one. */
  record Compiled(CelRuntime.Program program, String error) {}

  static Compiled compile(String text, ResultKind expected) {
    CelValidationResult result = COMPILER.compile(text);
    if (result.hasError()) {
      return new Compiled(null, result.getAllIssues().stream()
          .filter(issue -> issue.getSeverity() == CelIssue.Severity.ERROR)
          .map(issue -> issue.getSourceLocation().getLine() + ":" + (issue.getSourceLocation().getColumn() + 1) + ": "
              + issue.getMessage())
          .collect(Collectors.joining("; ")));
    }
    try {
      CelAbstractSyntaxTree ast = result.getAst();
      CelKind kind = ast.getResultType().kind();
      if (!expected.accepts(kind)) {
        return new Compiled(null, "its type is " + ast.getResultType().name() + ": expected " + expected.expected());
      }
      return new Compiled(RUNTIME.createProgram(ast), null);
    } catch (dev.cel.common.CelValidationException | CelEvaluationException e) {
      return new Compiled(null, e.getMessage());
    }
  }
}
