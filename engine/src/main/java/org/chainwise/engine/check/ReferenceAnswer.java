package org.chainwise.engine.check;

import java.util.List;
import org.chainwise.engine.calculus.NumericFunction;
import org.chainwise.engine.calculus.SamplePoints;
import org.chainwise.engine.expr.Algebra;
import org.chainwise.engine.expr.Expr;

/**
 * The correct answer with everything the checker needs computed once: its compiled form, the sample
 * points of its domain and its values there, for the first screen and the denser second one. Immutable;
 * meant to be cached per item.
 */
public final class ReferenceAnswer {

    /** Points of the second screen: four times the first, drawn from another seed. */
    static final int DENSE_COUNT = 4 * SamplePoints.DEFAULT_COUNT;
    private static final long DENSE_SEED = 0xD375E5EEDL;

    private final Expr expression;
    private final String variable;
    private final SamplePoints points;
    private final double[] values;
    private final SamplePoints densePoints;
    private final double[] denseValues;

    private ReferenceAnswer(Expr expression, String variable) {
        this.expression = expression;
        this.variable = variable;
        NumericFunction numeric = NumericFunction.compile(expression, List.of(variable));
        this.points = SamplePoints.forFunction(numeric);
        this.values = points.valuesOf(numeric);
        this.densePoints = SamplePoints.forFunction(numeric, DENSE_COUNT, DENSE_SEED);
        this.denseValues = densePoints.valuesOf(numeric);
    }

    /**
     * Prepares {@code expression}, a function of {@code variable}, as the answer to compare with.
     *
     * @throws IllegalArgumentException if it uses another variable
     */
    public static ReferenceAnswer of(Expr expression, String variable) {
        return new ReferenceAnswer(Algebra.simplify(expression), variable);
    }

    /** The correct answer, simplified. */
    public Expr expression() {
        return expression;
    }

    public String variable() {
        return variable;
    }

    SamplePoints points() {
        return points;
    }

    double[] values() {
        return values;
    }

    SamplePoints densePoints() {
        return densePoints;
    }

    double[] denseValues() {
        return denseValues;
    }
}
