package org.chainwise.engine.expr;

import java.util.Objects;

/** A named mathematical constant. */
public record Const(Constant constant) implements Expr {

    public static final Const PI = new Const(Constant.PI);
    public static final Const E = new Const(Constant.E);

    public Const {
        Objects.requireNonNull(constant, "constant");
    }

    /** The constants a student may use. */
    public enum Constant {
        PI("pi", "\\pi", Math.PI),
        E("e", "e", Math.E);

        private final String text;
        private final String latex;
        private final double value;

        Constant(String text, String latex, double value) {
            this.text = text;
            this.latex = latex;
            this.value = value;
        }

        public String text() {
            return text;
        }

        public String latex() {
            return latex;
        }

        public double value() {
            return value;
        }
    }
}
