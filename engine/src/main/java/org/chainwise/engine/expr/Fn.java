package org.chainwise.engine.expr;

import java.util.function.DoubleUnaryOperator;

/**
 * The elementary functions the engine knows: the whitelist for student input and the outer and
 * inner functions of every generated item. {@code log} means the natural logarithm, as in most
 * calculus courses; the parser maps the spellings students use onto these.
 */
public enum Fn {
    SIN("sin", "\\sin", Math::sin),
    COS("cos", "\\cos", Math::cos),
    TAN("tan", "\\tan", Math::tan),
    SEC("sec", "\\sec", x -> 1 / Math.cos(x)),
    CSC("csc", "\\csc", x -> 1 / Math.sin(x)),
    COT("cot", "\\cot", x -> 1 / Math.tan(x)),
    ASIN("arcsin", "\\arcsin", Math::asin),
    ACOS("arccos", "\\arccos", Math::acos),
    ATAN("arctan", "\\arctan", Math::atan),
    SINH("sinh", "\\sinh", Math::sinh),
    COSH("cosh", "\\cosh", Math::cosh),
    TANH("tanh", "\\tanh", Math::tanh),
    EXP("exp", "\\exp", Math::exp),
    LN("ln", "\\ln", Math::log),
    SQRT("sqrt", "\\sqrt", Math::sqrt);

    private final String text;
    private final String latex;
    private final DoubleUnaryOperator value;

    Fn(String text, String latex, DoubleUnaryOperator value) {
        this.text = text;
        this.latex = latex;
        this.value = value;
    }

    /** The name in plain-text output, such as {@code arcsin}. */
    public String text() {
        return text;
    }

    /** The LaTeX command, such as {@code \arcsin}. */
    public String latex() {
        return latex;
    }

    /** The real value at {@code x}; NaN or infinite outside the domain. */
    public double apply(double x) {
        return value.applyAsDouble(x);
    }
}
