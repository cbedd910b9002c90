package io.cxhub.usecases;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;

/**
 * One compiled CEL expression of a use case, with where it was written. Immutable and thread-safe.
 *
 * @param role what the expression is for in its use case, e.g. {@code eligible} or {@code suppress[0].when}
 * @param text the expression as written
 * @param line the line of its key in the file
 */
record Expression(String role, String text, int line, CelRuntime.Program program) {

  /** @throws CelEvaluationException with CEL's reason, e.g. a missing map key or no matching overload */
  Object evaluate(Map<String, Object> variables) throws CelEvaluationException {
    return CelValues.fromCel(program.eval(variables));
  }

  /** {@code eligible 'traits.x >= 3'}, how errors name the expression. */
  String describe() {
    return role + " '" + text.strip() + "'";
  }
}
