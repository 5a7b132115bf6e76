package org.chainwise.engine.diagnose;

import java.util.List;
import org.chainwise.engine.expr.Apply;
import org.chainwise.engine.expr.Const;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Fn;
import org.chainwise.engine.expr.Num;
import org.chainwise.engine.expr.Power;
import org.chainwise.engine.expr.Product;
import org.chainwise.engine.expr.Sum;
import org.chainwise.engine.expr.Var;

/**
 * Expressions built as the parser reads what a student types: raw records, unsimplified, in the order
 * written, so that fixtures test the diagnoser on answers in the students' own form.
 */
final class Typed {

    static final Var X = new Var("x");
    static final Const E = Const.E;

    private Typed() {
    }

    static Num n(long value) {
        return Num.of(value);
    }

    static Num n(long numerator, long denominator) {
        return Num.of(numerator, denominator);
    }

    static Expr times(Expr... factors) {
        return new Product(List.of(factors));
    }

    static Expr plus(Expr... terms) {
        return new Sum(List.of(terms));
    }

    static Expr minus(Expr e) {
        return times(Num.MINUS_ONE, e);
    }

    static Expr over(Expr numerator, Expr denominator) {
        return times(numerator, pow(denominator, Num.MINUS_ONE));
    }

    static Expr pow(Expr base, Expr exponent) {
        return new Power(base, exponent);
    }

    static Expr pow(Expr base, long exponent) {
        return pow(base, n(exponent));
    }

    static Expr sin(Expr e) {
        return new Apply(Fn.SIN, e);
    }

    static Expr cos(Expr e) {
        return new Apply(Fn.COS, e);
    }

    static Expr tan(Expr e) {
        return new Apply(Fn.TAN, e);
    }

    static Expr sec(Expr e) {
        return new Apply(Fn.SEC, e);
    }

    static Expr exp(Expr e) {
        return new Apply(Fn.EXP, e);
    }

    static Expr ln(Expr e) {
        return new Apply(Fn.LN, e);
    }

    static Expr sqrt(Expr e) {
        return new Apply(Fn.SQRT, e);
    }

    static Expr asin(Expr e) {
        return new Apply(Fn.ASIN, e);
    }

    static Expr atan(Expr e) {
        return new Apply(Fn.ATAN, e);
    }
}
