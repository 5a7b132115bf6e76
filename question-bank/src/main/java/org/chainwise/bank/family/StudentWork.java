package org.chainwise.bank.family;

import static org.chainwise.engine.expr.Algebra.quotient;
import static org.chainwise.engine.expr.Algebra.simplify;

import java.util.List;
import java.util.Optional;
import org.chainwise.bank.generate.Chain;
import org.chainwise.bank.item.Distractor;
import org.chainwise.bank.item.Formula;
import org.chainwise.engine.calculus.Derivative;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Var;

/**
 * The worked answer a student holding one misconception writes, line by line, ending in the
 * distractor's answer: what a spot-the-error item shows. Each line is right except where the bug is.
 */
final class StudentWork {

    private StudentWork() {
    }

    /** The lines of work for {@code bug} on {@code chain}; empty for a bug this writer does not narrate. */
    static Optional<List<String>> of(Chain chain, Distractor bug) {
        String x = chain.variable();
        String f = text(chain.outer());
        String g = text(chain.inner());
        Expr outerPrime = Derivative.of(chain.outer(), "u");
        String fPrime = text(outerPrime);
        String fPrimeAtG = text(simplify(outerPrime.substitute("u", chain.inner())));
        String gPrime = text(Derivative.of(chain.inner(), x));
        String answer = bug.answer().text();
        String identify = "Outer f(u) = " + f + ", inner g(" + x + ") = " + g + ".";
        String result = "So h'(" + x + ") = " + answer + ".";
        if (bug.layer() != 1) {
            return Optional.empty();
        }
        return Optional.of(switch (bug.code()) {
            case OUTER_AT_X -> List.of(identify, "f'(u) = " + fPrime + ", so f'(" + x + ") = "
                    + text(simplify(outerPrime.substitute("u", new Var(x)))) + ".", "Times g'(" + x + ") = " + gPrime + ".", result);
            case MISSING_INNER -> List.of(identify, "f'(u) = " + fPrime + ", read at u = " + g + ": " + fPrimeAtG + ".", result);
            case COMPOSED_DERIVATIVES -> List.of(identify, "f'(u) = " + fPrime + " and g'(" + x + ") = " + gPrime + ".",
                    "Put g' into f': f'(g'(" + x + ")).", result);
            case PRODUCT_RULE -> List.of("h is f times g with f(" + x + ") = " + text(chain.outer().substitute("u", new Var(x)))
                    + " and g(" + x + ") = " + g + ".", "Product rule: h' = f'g + fg'.", result);
            case ADDED_NOT_MULTIPLIED -> List.of(identify, "f'(g(" + x + ")) = " + fPrimeAtG + " and g'(" + x + ") = " + gPrime + ".",
                    "Add the two.", result);
            case REVERSED_NESTING -> List.of("Outer f(u) = " + text(chain.inner().substitute(x, new Var("u"))) + ", inner g(" + x
                    + ") = " + text(chain.outer().substitute("u", new Var(x))) + ".", "Chain rule: f'(g(" + x + ")) * g'(" + x + ").", result);
            // The slip is in f' alone, so the wrong f'(g(x)) is the answer divided by the right g'(x).
            case WRONG_OUTER_DERIVATIVE -> List.of(identify, "f'(u) read at u = " + g + ": "
                    + text(simplify(quotient(bug.answer().expr(), Derivative.of(chain.inner(), x)))) + ".",
                    "Times g'(" + x + ") = " + gPrime + ".", result);
            case OTHER -> List.of(identify, result);
        });
    }

    private static String text(Expr e) {
        return Formula.of(e).text();
    }
}
