package org.chainwise.engine.diagnose;

import static org.chainwise.engine.expr.Algebra.apply;
import static org.chainwise.engine.expr.Algebra.negate;
import static org.chainwise.engine.expr.Algebra.num;
import static org.chainwise.engine.expr.Algebra.power;
import static org.chainwise.engine.expr.Algebra.product;
import static org.chainwise.engine.expr.Algebra.quotient;
import static org.chainwise.engine.expr.Algebra.sum;

import java.util.ArrayList;
import java.util.List;
import org.chainwise.engine.calculus.Composition;
import org.chainwise.engine.calculus.Composition.Layer;
import org.chainwise.engine.expr.Apply;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Fn;
import org.chainwise.engine.expr.Num;
import org.chainwise.engine.expr.Power;
import org.chainwise.engine.expr.Rational;
import org.chainwise.engine.expr.Var;

/**
 * A wrong elementary derivative a student holds, as a function of the placeholder, with the fact that
 * corrects it. {@link #of} is the library: for each elementary function the slips seen in students' work.
 */
record OuterDerivativeSlip(Expr derivative, String fact) {

    private static final Var U = Composition.HOLE;

    /** The slips a student can make differentiating the layer's function, scaled like its true derivative. */
    static List<OuterDerivativeSlip> of(Layer layer) {
        Expr scale = layer.coreScale();
        return ofCore(layer.core()).stream()
                .map(slip -> new OuterDerivativeSlip(product(scale, slip.derivative()), slip.fact()))
                .toList();
    }

    private static List<OuterDerivativeSlip> ofCore(Expr core) {
        if (core instanceof Apply a && a.argument().equals(U)) {
            return ofFunction(a.function());
        }
        if (core instanceof Power p && p.base().equals(U) && p.exponent() instanceof Num n) {
            return ofPower(n.value());
        }
        if (core instanceof Power p && p.exponent().equals(U) && !p.base().dependsOn(U.name())) {
            Expr a = p.base();
            return List.of(
                    slip(power(a, U), "the derivative of a^u is a^u*ln(a)"),
                    slip(product(U, power(a, sum(U, Num.MINUS_ONE))), "the power rule is for u^n, and the derivative of a^u is a^u*ln(a)"));
        }
        return List.of();
    }

    private static List<OuterDerivativeSlip> ofFunction(Fn f) {
        Expr oneMinusSquare = sum(Num.ONE, negate(power(U, num(2))));
        Expr onePlusSquare = sum(Num.ONE, power(U, num(2)));
        Expr minusHalf = num(Rational.of(-1, 2));
        return switch (f) {
            case SIN -> List.of(slip(negate(apply(Fn.COS, U)), "the derivative of sin is cos, with no minus sign"));
            case COS -> List.of(slip(apply(Fn.SIN, U), "the derivative of cos is -sin, with a minus sign"));
            case TAN -> List.of(
                    slip(apply(Fn.SEC, U), "the derivative of tan is sec squared, not sec"),
                    slip(negate(power(apply(Fn.SEC, U), num(2))), "the derivative of tan is sec squared, with no minus sign"),
                    slip(product(apply(Fn.SEC, U), apply(Fn.TAN, U)), "sec*tan is the derivative of sec, and the derivative of tan is sec squared"));
            case SEC -> List.of(
                    slip(negate(product(apply(Fn.SEC, U), apply(Fn.TAN, U))), "the derivative of sec is sec*tan, with no minus sign"),
                    slip(power(apply(Fn.SEC, U), num(2)), "sec squared is the derivative of tan, and the derivative of sec is sec*tan"));
            case CSC -> List.of(
                    slip(product(apply(Fn.CSC, U), apply(Fn.COT, U)), "the derivative of csc is -csc*cot, with a minus sign"),
                    slip(negate(power(apply(Fn.CSC, U), num(2))), "-csc squared is the derivative of cot, and the derivative of csc is -csc*cot"));
            case COT -> List.of(
                    slip(power(apply(Fn.CSC, U), num(2)), "the derivative of cot is -csc squared, with a minus sign"),
                    slip(power(apply(Fn.SEC, U), num(2)), "sec squared is the derivative of tan, and the derivative of cot is -csc squared"));
            case ASIN -> List.of(
                    slip(power(onePlusSquare, minusHalf), "the derivative of arcsin(u) is 1/sqrt(1 - u^2), with a minus sign under the root"),
                    slip(power(oneMinusSquare, Num.MINUS_ONE), "the derivative of arcsin(u) is 1/sqrt(1 - u^2), with a square root"),
                    slip(negate(power(oneMinusSquare, minusHalf)), "the derivative of arcsin(u) is 1/sqrt(1 - u^2), with no minus sign"),
                    slip(power(onePlusSquare, Num.MINUS_ONE), "1/(1 + u^2) is the derivative of arctan(u), and that of arcsin(u) is 1/sqrt(1 - u^2)"));
            case ACOS -> List.of(slip(power(oneMinusSquare, minusHalf), "the derivative of arccos(u) is -1/sqrt(1 - u^2), with a minus sign in front"));
            case ATAN -> List.of(
                    slip(power(oneMinusSquare, Num.MINUS_ONE), "the derivative of arctan(u) is 1/(1 + u^2), with a plus sign"),
                    slip(power(onePlusSquare, minusHalf), "the derivative of arctan(u) is 1/(1 + u^2), with no square root"),
                    slip(power(apply(Fn.SEC, U), num(2)), "sec squared is the derivative of tan, and the derivative of arctan(u) is 1/(1 + u^2)"),
                    slip(power(oneMinusSquare, minusHalf), "1/sqrt(1 - u^2) is the derivative of arcsin(u), and that of arctan(u) is 1/(1 + u^2)"));
            case COSH -> List.of(slip(negate(apply(Fn.SINH, U)), "the derivative of cosh is sinh, with no minus sign"));
            case SINH, TANH -> List.of();
            case EXP -> List.of(slip(product(U, apply(Fn.EXP, sum(U, Num.MINUS_ONE))),
                    "e^u is its own derivative, the power rule is for u^n"));
            case LN -> List.of(
                    slip(Num.ONE, "the derivative of ln(u) is 1/u"),
                    slip(apply(Fn.LN, U), "the derivative of ln(u) is 1/u, only e^u is its own derivative"));
            case SQRT -> List.of(
                    slip(quotient(Num.ONE, apply(Fn.SQRT, U)), "the derivative of sqrt(u) is 1/(2*sqrt(u)), with the 1/2"),
                    slip(product(num(Rational.HALF), apply(Fn.SQRT, U)), "the derivative of u^(1/2) is (1/2)*u^(-1/2), with the exponent lowered"));
        };
    }

    private static List<OuterDerivativeSlip> ofPower(Rational n) {
        if (n.isOne() || n.isZero()) {
            return List.of();
        }
        Expr exponent = new Num(n);
        Expr lowered = sum(exponent, Num.MINUS_ONE);
        Var u = new Var("u");
        String rule = "the derivative of " + ExpressionText.of(power(u, exponent)) + " is "
                + ExpressionText.of(product(exponent, power(u, num(n.subtract(Rational.ONE)))));
        List<OuterDerivativeSlip> slips = new ArrayList<>(List.of(
                slip(product(exponent, power(U, exponent)), rule + ", the exponent lowered by one"),
                slip(power(U, lowered), rule + ", with the factor " + ExpressionText.of(exponent))));
        if (n.signum() < 0) {
            // With a negative exponent "one less" is easily taken as "one nearer zero".
            slips.add(slip(product(exponent, power(U, sum(exponent, Num.ONE))), rule + ", one less is further from zero"));
        }
        return List.copyOf(slips);
    }

    private static OuterDerivativeSlip slip(Expr derivative, String fact) {
        return new OuterDerivativeSlip(derivative, fact);
    }
}
